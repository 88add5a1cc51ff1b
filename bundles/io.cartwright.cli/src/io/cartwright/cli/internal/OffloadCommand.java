/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cartwright.core.ByteSizes;
import io.cartwright.core.CartwrightException;
import io.cartwright.core.ExitCode;
import io.cartwright.core.Printable;
import io.cartwright.device.DeviceHistory;
import io.cartwright.hash.HashAlgorithm;
import io.cartwright.project.CardPlan;
import io.cartwright.store.Store;
import io.cartwright.transfer.ConflictPolicy;
import io.cartwright.transfer.DestinationOutcome;
import io.cartwright.transfer.JobSummary;
import io.cartwright.transfer.OffloadRequest;
import io.cartwright.transfer.Problem;
import io.cartwright.transfer.SnapshotFormat;
import io.cartwright.transfer.TransferService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * {@code cartwright offload SOURCE --to DEST ...}: the verified copy of a card to a primary and
 * backups. Running the same command again resumes an unfinished job of the same card and
 * destinations; {@code --resume JOB} resumes a job by number.
 */
@Command(name = "offload", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Copy a card (or any folder) to one or more destinations, reading each file once,",
                "re-reading every copy from the device to verify it, and sealing each copy with an ASC MHL history.",
                "Files land in DEST/NAME/<path on the card>; with --unit, --device or --template they land where",
                "the routing plan ('cartwright route plan') puts them, below each DEST. Run the same command again to resume."},
        footer = {"", "Exit codes: 0 every file verified on every destination, 1 a file or destination failed,",
                "2 bad input, 3 interrupted (source or destination gone, killed) and resumable,",
                "4 the routing plan is refused (nothing written)."})
final class OffloadCommand extends BaseCommand {

    static final String TTY_PROPERTY = "cartwright.tty";

    @Parameters(index = "0", arity = "0..1", paramLabel = "SOURCE", description = "The card's mount point or a folder.")
    @Nullable Path source;

    @Option(names = "--to", paramLabel = "DEST", description = "A destination folder (repeat for backups; the first is the primary).")
    List<Path> destinations = new ArrayList<>();

    @Option(names = "--name", paramLabel = "NAME", description = "Folder created in each destination (default: the card's folder or volume name).")
    @Nullable String name;

    @Option(names = "--unit", paramLabel = "PATH", description = "Route the card for this work unit, PROJECT/UNIT/... (as 'route plan --unit').")
    @Nullable String unit;

    @Option(names = "--device", paramLabel = "ID", description = "Route the card as this assigned device (its unit, routing and overrides).")
    @Nullable Long device;

    @Option(names = "--template", paramLabel = "NAME", description = "Route the card with this template (instead of the inherited one).")
    @Nullable String template;

    @Option(names = "--card", paramLabel = "NAME", description = "With routing: the {card} token (default: the source folder's name).")
    @Nullable String card;

    @Option(names = "--hash", paramLabel = "ALGS", split = ",", description = "Hash algorithms, comma separated: xxh3 (default), xxh128, xxh64, md5, sha1, sha256, c4.")
    List<String> hashes = new ArrayList<>(List.of("xxh3"));

    @Option(names = "--conflict", paramLabel = "POLICY", defaultValue = "fail",
            description = "When a destination file already exists: fail (default), skip-identical, version, replace-if-newer.")
    @NonNullByDefault({}) String conflict;

    @Option(names = "--limit", paramLabel = "[DEST=]RATE", description = "Write limit in bytes/s, e.g. 200M, for all destinations or one (DEST=RATE).")
    List<String> limits = new ArrayList<>();

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "1", description = "Clips copied at once (default 1: cards read best sequentially); files up to 4 MiB have a reader of their own beside them.")
    int concurrency;

    @Option(names = "--resume", paramLabel = "JOB", description = "Resume the unfinished job with this number.")
    @Nullable Long resume;

    @Option(names = "--snapshot", paramLabel = "FILE", description = "Also write a verification snapshot (.csv or .json).")
    @Nullable Path snapshot;

    @Option(names = "--checkpoint-every", paramLabel = "SIZE", hidden = true, description = "Checkpoint interval for large files (default 256M).")
    @Nullable String checkpointEvery;

    OffloadCommand(CommandContext context) {
        super(context);
    }

    @Override
    protected ExitCode execute() {
        TransferService transfers = context.services().get(TransferService.class);
        Store store = store();
        Output out = output();
        OffloadProgress progress = new OffloadProgress(out, context.err(), Boolean.getBoolean(TTY_PROPERTY));
        JobSummary summary;
        Long job = resume;
        if (job != null) {
            if (source != null || !destinations.isEmpty()) {
                throw usage("--resume takes the job number only; the source and destinations come from the job.");
            }
            summary = run(() -> transfers.resume(store, job, progress));
        } else {
            summary = runOrResume(transfers, store, request(), progress, out.json() ? null : context.err());
        }
        Long deviceId = device;
        if (deviceId != null) {
            // The card's lifetime history says when it was offloaded and how that went.
            JobSummary s = summary;
            store.write(c -> DeviceHistory.appendIfKnown(c, deviceId, "transfer", "job " + s.jobId() + " "
                    + s.state().name().toLowerCase(Locale.ROOT) + ": " + s.filesTotal() + " files, "
                    + s.filesCopied() + " copied, " + s.filesFailed() + " failed", "cli"));
        }
        Path file = snapshot;
        if (file != null) {
            SnapshotFormat format = file.toString().toLowerCase(Locale.ROOT).endsWith(".json") ? SnapshotFormat.JSON
                    : SnapshotFormat.CSV;
            transfers.exportSnapshot(store, summary.jobId(), format, file.toAbsolutePath());
        }
        report(out, summary);
        return summary.exitCode();
    }

    /**
     * Runs the request, or resumes the unfinished job of the same card, name and destinations so
     * that repeating a command never copies verified files twice.
     */
    static JobSummary runOrResume(TransferService transfers, Store store, OffloadRequest request,
            OffloadProgress progress, java.io.@Nullable PrintStream notices) {
        OptionalLong unfinished = transfers.findResumable(store, request);
        if (unfinished.isPresent()) {
            if (notices != null) {
                notices.println("Resuming job " + unfinished.getAsLong() + " (same card and destinations).");
            }
            return run(() -> transfers.resume(store, unfinished.getAsLong(), progress));
        }
        return run(() -> transfers.run(store, request, progress));
    }

    private OffloadRequest request() {
        Path source = this.source;
        if (source == null) {
            throw usage("Name the card to offload: cartwright offload SOURCE --to DEST");
        }
        if (!Files.isDirectory(source)) {
            throw usage("The source " + source + " is not a folder or mounted card.");
        }
        if (destinations.isEmpty()) {
            throw usage("Give at least one destination with --to DEST (repeat --to for backups).");
        }
        Path src = source.toAbsolutePath().normalize();
        String jobName = name != null ? name : src.getFileName() == null ? "card" : src.getFileName().toString();
        boolean routed = unit != null || device != null || template != null;
        if (unit != null && device != null) {
            throw usage("Give --unit or --device, not both.");
        }
        List<Path> roots = new ArrayList<>();
        for (Path dest : destinations) {
            Path d = dest.toAbsolutePath().normalize();
            // A missing destination is most often a drive that is not mounted: creating the folder would
            // silently write to the system disk instead.
            if (Files.exists(d) && !Files.isDirectory(d)) {
                throw usage("The destination " + d + " is a file, not a folder. Give the folder to copy into.");
            }
            if (!Files.isDirectory(d)) {
                throw usage("The destination " + d + " does not exist. Is the drive mounted? Create the folder first if it is new.");
            }
            if (d.startsWith(src) || src.startsWith(d.resolve(jobName))) {
                throw usage("The destination " + d + " is inside the source " + src + " (or the other way round).");
            }
            roots.add(routed ? d : d.resolve(jobName));
        }
        List<HashAlgorithm> algorithms = new ArrayList<>();
        try {
            for (String h : hashes) {
                algorithms.add(HashAlgorithm.parse(h));
            }
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        ConflictPolicy policy;
        try {
            policy = ConflictPolicy.parse(conflict);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        long limit = writeLimit(roots);
        try {
            OffloadRequest r = OffloadRequest.of(src, roots, jobName).withAlgorithms(algorithms).withConflictPolicy(policy)
                    .withWriteLimit(limit).withConcurrency(concurrency);
            if (routed) {
                CardPlan planned = routedPlan(src);
                r = r.withTargets(planned.targets(), planned.sealScopes());
            }
            return checkpointEvery == null ? r : r.withCheckpointInterval(ByteSizes.parse(checkpointEvery));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** The routing plan, exactly as 'route plan' builds it; refused (exit 4) unless it may run. */
    private CardPlan routedPlan(Path src) {
        CardPlan result;
        try {
            result = RouteCommand.plan(context, store(), src, device, unit, template, card, java.time.LocalDate.now(),
                    java.util.Map.of(), null);
        } catch (java.io.IOException e) {
            throw new CartwrightException(ExitCode.FAILED, "Cannot read the card " + src + ": " + e.getMessage() + ".",
                    "Check that the card is mounted and readable.", e);
        }
        io.cartwright.routing.RoutePlan plan = result.plan();
        if (!plan.executable()) {
            List<String> lines = new ArrayList<>();
            plan.problems().forEach(p -> lines.add(p.toString()));
            List<String> unmatched = plan.unmatched().stream()
                    .filter(u -> plan.quarantined().stream().noneMatch(q -> q.source().equals(u))).toList();
            throw new CartwrightException(ExitCode.REFUSED, "The routing plan (template '" + plan.template()
                    + "') is refused, nothing was written: " + String.join("; ", lines)
                    + (unmatched.isEmpty() ? "" : ". Unmatched: " + String.join(", ", unmatched)) + ".",
                    "See it with: cartwright route plan " + src + (unit != null ? " --unit " + unit : "")
                            + (device != null ? " --device " + device : "")
                            + (template != null ? " --template " + template : "")
                            + "; fix the template or the names, or change the unmatched mode.");
        }
        return result;
    }

    /** One limit for every destination (the engine applies it per destination). */
    private long writeLimit(List<Path> roots) {
        long limit = 0;
        for (String spec : limits) {
            int eq = spec.lastIndexOf('=');
            long rate;
            try {
                rate = ByteSizes.parse(eq < 0 ? spec : spec.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw usage("--limit " + spec + ": " + e.getMessage());
            }
            if (eq >= 0) {
                Path dest = Path.of(spec.substring(0, eq)).toAbsolutePath().normalize();
                if (destinations.stream().noneMatch(d -> d.toAbsolutePath().normalize().equals(dest))) {
                    throw usage("--limit " + spec + " names " + dest + ", which is not one of the --to destinations.");
                }
            }
            limit = limit == 0 ? rate : Math.min(limit, rate);
        }
        return limit;
    }

    private static JobSummary run(java.util.function.Supplier<JobSummary> job) {
        try {
            return job.get();
        } catch (IllegalArgumentException e) {
            throw new CartwrightException(ExitCode.USAGE, e.getMessage(), "Check the command line.");
        }
    }

    private static CartwrightException usage(String message) {
        return new CartwrightException(ExitCode.USAGE, message, "See 'cartwright offload --help'.");
    }

    static void report(Output out, JobSummary s) {
        if (out.json()) {
            out.json(toJson(s));
            return;
        }
        for (Problem w : s.warnings()) {
            out.line("WARNING  " + Printable.of(w.path(), false) + ": " + w.reason());
        }
        for (Problem f : s.failures()) {
            out.line("FAILED   " + Printable.of(f.path(), false) + ": " + f.reason());
        }
        for (DestinationOutcome d : s.destinations()) {
            out.line(String.format(Locale.ROOT, "%-11s %s  (%d files verified)%s", d.state().name().toLowerCase(Locale.ROOT),
                    d.root(), d.filesVerified(), d.reason() == null || d.reason().isEmpty() ? "" : "  " + d.reason()));
            if (d.mhlManifest() != null) {
                out.line("            sealed: " + d.mhlManifest());
            }
        }
        out.line(String.format(Locale.ROOT, "Job %d %s: %d files, %d copied, %d already verified, %d failed; %s copied%s.",
                s.jobId(), s.state().name().toLowerCase(Locale.ROOT), s.filesTotal(), s.filesCopied(),
                s.filesSkippedVerified(), s.filesFailed(), ByteSizes.format(s.bytesCopied()),
                s.bytesResumed() > 0 ? ", " + ByteSizes.format(s.bytesResumed()) + " resumed from checkpoints" : ""));
        if (s.message() != null && !s.message().isEmpty()) {
            out.line(s.message());
        }
    }

    static ObjectNode toJson(JobSummary s) {
        ObjectNode o = Output.object().put("event", "summary").put("job", s.jobId()).put("name", s.name())
                .put("state", s.state().name().toLowerCase(Locale.ROOT)).put("files_total", s.filesTotal())
                .put("files_copied", s.filesCopied()).put("files_skipped_verified", s.filesSkippedVerified())
                .put("files_failed", s.filesFailed()).put("bytes_total", s.bytesTotal())
                .put("bytes_copied", s.bytesCopied()).put("bytes_resumed", s.bytesResumed());
        ArrayNode failures = o.putArray("failures");
        s.failures().forEach(f -> failures.addObject().put("path", f.path()).put("reason", f.reason()));
        ArrayNode warnings = o.putArray("warnings");
        s.warnings().forEach(w -> warnings.addObject().put("path", w.path()).put("reason", w.reason()));
        ArrayNode dests = o.putArray("destinations");
        for (DestinationOutcome d : s.destinations()) {
            ObjectNode n = dests.addObject().put("path", d.root().toString())
                    .put("state", d.state().name().toLowerCase(Locale.ROOT)).put("files_verified", d.filesVerified())
                    .put("bytes_written", d.bytesWritten());
            if (d.reason() != null && !d.reason().isEmpty()) {
                n.put("reason", d.reason());
            }
            Path mhl = d.mhlManifest();
            if (mhl != null) {
                n.put("mhl", mhl.toString());
            }
        }
        if (s.message() != null && !s.message().isEmpty()) {
            o.put("message", s.message());
        }
        return o;
    }
}
