/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.cli.internal;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cartwright.core.ByteSizes;
import io.cartwright.core.Printable;
import io.cartwright.transfer.DestinationProgress;
import io.cartwright.transfer.FileEvent;
import io.cartwright.transfer.JobPlan;
import io.cartwright.transfer.JobSummary;
import io.cartwright.transfer.Problem;
import io.cartwright.transfer.TransferListener;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Shows an offload while it runs: JSON lines on stdout with {@code --json}, a redrawn progress line
 * per destination on a terminal, and nothing but warnings otherwise (logs stay readable).
 * Progress is throttled; state changes and warnings are never dropped.
 */
final class OffloadProgress implements TransferListener {

    private static final long JSON_PROGRESS_INTERVAL_NANOS = 500_000_000L;
    private static final long TTY_INTERVAL_NANOS = 200_000_000L;

    private final @Nullable Output json; // set for --json
    private final PrintStream err;
    private final boolean tty;
    private final Map<Integer, DestinationProgress> latest = new ConcurrentHashMap<>();
    private final Map<Integer, Long> lastJson = new ConcurrentHashMap<>();
    private volatile long lastDraw;
    private volatile int drawnLines;

    OffloadProgress(Output out, PrintStream err, boolean tty) {
        this.json = out.json() ? out : null;
        this.err = err;
        this.tty = tty && !out.json();
    }

    @Override
    public void jobPlanned(JobPlan plan) {
        if (json != null) {
            json.json(Output.object().put("event", "planned").put("job", plan.jobId()).put("name", plan.name())
                    .put("source", plan.source().toString()).put("files_total", plan.filesTotal())
                    .put("bytes_total", plan.bytesTotal()).put("files_to_copy", plan.filesToCopy())
                    .put("bytes_to_copy", plan.bytesToCopy()).put("files_already_verified", plan.filesAlreadyVerified()));
        } else {
            err.println(Printable.of("Job " + plan.jobId() + " \"" + plan.name() + "\": " + plan.filesTotal()
                    + " files, " + ByteSizes.format(plan.bytesTotal()) + " from " + plan.source()
                    + (plan.filesAlreadyVerified() > 0 ? " (" + plan.filesAlreadyVerified() + " already verified)" : ""),
                    false));
            for (int i = 0; i < plan.destinations().size(); i++) {
                err.println(Printable.of("  -> " + plan.destinations().get(i), false));
            }
        }
    }

    @Override
    public void fileStateChanged(FileEvent e) {
        Output json = this.json;
        if (json != null) {
            ObjectNode o = Output.object().put("event", "file").put("job", e.jobId()).put("path", e.relativePath())
                    .put("size", e.size()).put("state", e.state().name().toLowerCase(Locale.ROOT))
                    .put("attempt", e.attempt());
            if (e.reason() != null && !e.reason().isEmpty()) {
                o.put("reason", e.reason());
            }
            json.json(o);
        } else if (e.reason() != null && !e.reason().isEmpty()) {
            message(e.state().name().toLowerCase(Locale.ROOT) + ": " + e.relativePath() + ": " + e.reason());
        }
    }

    @Override
    public void progress(DestinationProgress p) {
        latest.put(p.destination(), p);
        long now = System.nanoTime();
        Output json = this.json;
        if (json != null) {
            Long last = lastJson.get(p.destination());
            if (last == null || now - last >= JSON_PROGRESS_INTERVAL_NANOS || p.bytesDone() == p.bytesTotal()) {
                lastJson.put(p.destination(), now);
                json.json(Output.object().put("event", "progress").put("job", p.jobId())
                        .put("destination", p.root().toString()).put("files_done", p.filesDone())
                        .put("files_total", p.filesTotal()).put("bytes_done", p.bytesDone())
                        .put("bytes_total", p.bytesTotal()).put("bytes_per_second", Math.round(p.bytesPerSecond()))
                        .put("eta_seconds", p.etaSeconds()));
            }
        } else if (tty && now - lastDraw >= TTY_INTERVAL_NANOS) {
            lastDraw = now;
            draw();
        }
    }

    @Override
    public void warning(Problem warning) {
        if (json != null) {
            json.json(Output.object().put("event", "warning").put("path", warning.path()).put("reason", warning.reason()));
        } else {
            message("warning: " + warning.path() + ": " + warning.reason());
        }
    }

    @Override
    public void jobFinished(JobSummary summary) {
        if (tty) {
            draw();
            err.println();
        }
    }

    private synchronized void message(String text) {
        if (tty && drawnLines > 0) {
            err.print("\033[" + drawnLines + "F\033[J");
            drawnLines = 0;
        }
        err.println(Printable.of(text, false));
    }

    private synchronized void draw() {
        StringBuilder s = new StringBuilder();
        if (drawnLines > 0) {
            s.append("\033[").append(drawnLines).append('F');
        }
        int lines = 0;
        for (DestinationProgress p : latest.values()) {
            double fraction = p.bytesTotal() == 0 ? 1 : (double) p.bytesDone() / p.bytesTotal();
            int filled = (int) Math.round(fraction * 30);
            s.append("\033[2K[").append("#".repeat(filled)).append(".".repeat(30 - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3.0f%% ", fraction * 100)).append(p.filesDone()).append('/')
                    .append(p.filesTotal()).append(" files  ").append(ByteSizes.format(p.bytesDone())).append(" / ")
                    .append(ByteSizes.format(p.bytesTotal())).append("  ").append(ByteSizes.format(p.bytesPerSecond()))
                    .append("/s  ETA ").append(ByteSizes.duration(p.etaSeconds())).append("  ")
                    .append(Printable.of(p.root().toString(), false))
                    .append('\n');
            lines++;
        }
        drawnLines = lines;
        err.print(s);
        err.flush();
    }
}
