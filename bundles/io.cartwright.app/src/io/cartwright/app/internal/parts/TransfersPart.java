/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.app.internal.parts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

import io.cartwright.core.ByteSizes;
import io.cartwright.store.Store;
import io.cartwright.store.StoreManager;
import io.cartwright.transfer.DestinationProgress;
import io.cartwright.transfer.FileState;
import io.cartwright.transfer.FileStatus;
import io.cartwright.transfer.JobInfo;
import io.cartwright.transfer.JobState;
import io.cartwright.transfer.JobSummary;
import io.cartwright.transfer.TransferListener;
import io.cartwright.transfer.TransferService;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The Transfers pane: every offload job from the database (whichever front door ran it), the files
 * of the selected job with their states, its destinations, and Resume / Retry failed, which runs the
 * job here with live per-destination progress and rate.
 */
public final class TransfersPart implements RowCount {

    private static final int REFRESH_MS = 1000;
    private static final int MAX_FILE_ROWS = 5000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @Inject
    @Service
    StoreManager stores;

    @Inject
    @Service
    TransferService transfers;

    private @NonNullByDefault({}) Store store; // set in @PostConstruct
    private @NonNullByDefault({}) Table jobs; // set in @PostConstruct
    private @NonNullByDefault({}) Table files; // set in @PostConstruct
    private @NonNullByDefault({}) Table destinations; // set in @PostConstruct
    private @NonNullByDefault({}) Button resume; // set in @PostConstruct
    private @NonNullByDefault({}) Label status; // set in @PostConstruct
    private long selectedJob = -1;
    private volatile long runningJob = -1;
    private final Map<Integer, DestinationProgress> live = new ConcurrentHashMap<>();
    private final Runnable refresh = this::refreshAndReschedule;

    @PostConstruct
    public void create(Composite parent) {
        store = stores.openDefault();
        Composite body = Panes.frame(parent, "Transfers",
                "Offload jobs: every file read once, written to every destination, re-read and verified.");
        Composite bar = new Composite(body, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(bar);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        resume = new Button(bar, SWT.PUSH);
        resume.setText("Resume / retry failed");
        resume.setEnabled(false);
        resume.addListener(SWT.Selection, e -> resumeSelected());
        status = new Label(bar, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        status.setText("Start offloads with: cartwright offload SOURCE --to DEST (or cartwright demo)");

        SashForm split = new SashForm(body, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(split);
        jobs = table(split, "Job", "Name", "State", "Files", "Size", "Updated", "Source");
        jobs.addListener(SWT.Selection, e -> {
            TableItem[] sel = jobs.getSelection();
            selectedJob = sel.length == 0 ? -1 : (Long) sel[0].getData();
            refreshSelection();
        });
        SashForm detail = new SashForm(split, SWT.HORIZONTAL);
        files = table(detail, "File", "Size", "State", "Tries", "Copies", "Reason");
        destinations = table(detail, "Destination", "Progress", "Rate", "ETA");
        detail.setWeights(62, 38);
        split.setWeights(45, 55);
        refreshAndReschedule();
    }

    private static Table table(Composite parent, String... columns) {
        Composite holder = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(holder);
        return Panes.table(holder, "", columns);
    }

    private void refreshAndReschedule() {
        if (jobs == null || jobs.isDisposed()) {
            return;
        }
        List<JobInfo> list = transfers.jobs(store);
        jobs.setRedraw(false);
        jobs.removeAll();
        int selectIndex = -1;
        for (JobInfo j : list) {
            TableItem item = new TableItem(jobs, SWT.NONE);
            item.setData(j.id());
            item.setText(new String[] {Long.toString(j.id()), j.name(), state(j), j.filesDone() + "/" + j.filesTotal()
                    + (j.filesFailed() > 0 ? " (" + j.filesFailed() + " failed)" : ""), ByteSizes.format(j.bytesTotal()),
                    TIME.format(j.updatedAt()), j.source().toString()});
            item.setForeground(2, jobs.getDisplay().getSystemColor(colour(j.state())));
            if (j.id() == selectedJob) {
                selectIndex = jobs.getItemCount() - 1;
            }
        }
        if (selectIndex < 0 && !list.isEmpty()) {
            selectIndex = 0; // the newest job is what a DIT looks at first
            selectedJob = list.get(0).id();
        }
        if (selectIndex >= 0) {
            jobs.setSelection(selectIndex);
        }
        jobs.setRedraw(true);
        refreshSelection();
        Display.getCurrent().timerExec(REFRESH_MS, refresh);
    }

    private String state(JobInfo j) {
        return j.id() == runningJob ? "running here" : j.state().name().toLowerCase(Locale.ROOT);
    }

    private static int colour(JobState state) {
        return switch (state) {
            case DONE -> SWT.COLOR_DARK_GREEN;
            case FAILED -> SWT.COLOR_RED;
            case INTERRUPTED -> SWT.COLOR_DARK_YELLOW;
            default -> SWT.COLOR_DARK_BLUE;
        };
    }

    private void refreshSelection() {
        Optional<JobInfo> job = selectedJob < 0 ? Optional.empty() : transfers.job(store, selectedJob);
        resume.setEnabled(runningJob < 0 && job.map(j -> j.state() == JobState.FAILED || j.state() == JobState.INTERRUPTED)
                .orElse(false));
        files.setRedraw(false);
        files.removeAll();
        destinations.setRedraw(false);
        destinations.removeAll();
        if (job.isPresent()) {
            List<FileStatus> list = transfers.files(store, selectedJob);
            // Failed files first: they are what needs attention.
            list = list.stream().sorted((a, b) -> Boolean.compare(b.state() == FileState.FAILED, a.state() == FileState.FAILED))
                    .limit(MAX_FILE_ROWS).toList();
            for (FileStatus f : list) {
                TableItem item = new TableItem(files, SWT.NONE);
                item.setText(new String[] {f.relativePath(), ByteSizes.format(f.size()),
                        f.state().name().toLowerCase(Locale.ROOT), Integer.toString(f.attempts()),
                        Integer.toString(f.copiesVerified()), f.reason()});
                if (f.state() == FileState.FAILED) {
                    item.setForeground(2, files.getDisplay().getSystemColor(SWT.COLOR_RED));
                }
            }
            List<java.nio.file.Path> roots = job.get().destinations();
            for (int i = 0; i < roots.size(); i++) {
                DestinationProgress p = selectedJob == runningJob ? live.get(i) : null;
                TableItem item = new TableItem(destinations, SWT.NONE);
                item.setText(new String[] {roots.get(i).toString(),
                        p == null ? "" : ByteSizes.format(p.bytesDone()) + " / " + ByteSizes.format(p.bytesTotal()),
                        p == null ? "" : ByteSizes.format(p.bytesPerSecond()) + "/s",
                        p == null ? "" : ByteSizes.duration(p.etaSeconds())});
            }
        }
        files.setRedraw(true);
        destinations.setRedraw(true);
    }

    /** Runs the selected job again off the UI thread; the listener feeds the live columns. */
    private void resumeSelected() {
        long id = selectedJob;
        if (id < 0 || runningJob >= 0) {
            return;
        }
        runningJob = id;
        live.clear();
        resume.setEnabled(false);
        Display display = resume.getDisplay();
        status.setText("Resuming job " + id + "...");
        Thread.ofVirtual().name("cartwright-resume-" + id).start(() -> {
            String text;
            try {
                JobSummary s = transfers.resume(store, id, new TransferListener() {
                    @Override
                    public void progress(DestinationProgress progress) {
                        live.put(progress.destination(), progress);
                    }
                });
                text = "Job " + id + " " + s.state().name().toLowerCase(Locale.ROOT) + ": " + s.message();
            } catch (RuntimeException e) {
                text = "Job " + id + " could not run: " + e.getMessage();
            }
            String message = text;
            display.asyncExec(() -> {
                runningJob = -1;
                if (!status.isDisposed()) {
                    status.setText(message);
                }
            });
        });
    }

    @Override
    public @Nullable Table rows() {
        return jobs;
    }

    @PreDestroy
    void dispose() {
        if (jobs != null && !jobs.isDisposed()) {
            jobs.getDisplay().timerExec(-1, refresh);
        }
    }
}
