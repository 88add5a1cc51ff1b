/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cartwright.core.Printable;
import io.cartwright.mhl.AscMhl;
import io.cartwright.mhl.GenerationResult;
import io.cartwright.transfer.DestinationOutcome;
import io.cartwright.transfer.DestinationState;
import io.cartwright.transfer.JobInfo;
import io.cartwright.transfer.JobPlan;
import io.cartwright.transfer.JobState;
import io.cartwright.transfer.JobSummary;
import io.cartwright.transfer.OffloadRequest;
import io.cartwright.transfer.Problem;
import io.cartwright.transfer.VerifiedFile;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Runs one job once (a first run or a resume): scan, reconcile with the journal, prepare the
 * destinations (create, probe naming, check space), then copy with {@code concurrency} workers and
 * journal the outcome. Cancellation is an interrupt of the calling thread.
 */
final class JobRunner {

    private final JobJournal journal;
    private final EngineSettings settings;
    private final SourceStats stats;
    private final SafeListener listener;
    private final Publisher publisher = new Publisher(NativeIo.INSTANCE);

    JobRunner(JobJournal journal, EngineSettings settings, SourceStats stats, SafeListener listener) {
        this.journal = journal;
        this.settings = settings;
        this.stats = stats;
        this.listener = listener;
    }

    JobSummary run(StoredJob job, boolean resume) {
        OffloadRequest r = job.request();
        long id = job.id();
        journal.jobState(id, JobState.RUNNING, "", resume ? "transfer.job.resumed" : "transfer.job.started");
        RunTally tally = new RunTally();
        List<Destination> destinations = destinations(job);

        SourceGuard guard;
        SourceScanner.Result scan;
        try {
            guard = new SourceGuard(r.source());
            scan = SourceScanner.scan(r.source());
        } catch (IOException e) {
            JobInfo known = journal.jobs(id).get(0);
            return end(job, destinations, tally, known.filesTotal(), known.bytesTotal(), JobState.INTERRUPTED,
                    "The source " + r.source()
                    + " cannot be read (" + e.getMessage() + "). Mount the card and run the same command again "
                    + "to resume.");
        }
        probe(destinations);

        List<FileWork> work;
        Planner planner = new Planner(journal, id, r, destinations);
        try {
            work = planner.plan(scan.files(), journal.loadFiles(id));
        } catch (IOException e) {
            return end(job, destinations, tally, 0, 0, JobState.INTERRUPTED, "Planning failed: " + e.getMessage()
                    + ". Run the same command again to resume.");
        }
        checkSpace(destinations, work);
        List<Problem> warnings = new ArrayList<>(scan.warnings());
        warnings.addAll(planner.warnings());
        // With a routing plan the plan decides the layout; the copies create the folders they need.
        warnings.addAll(createFolders(destinations, r.planned() ? List.of() : scan.folders()));
        List<Problem> failures = new ArrayList<>(scan.failures());
        failures.addAll(planner.failures());
        journal.replaceIssues(id, warnings, failures);
        warnings.forEach(p -> {
            tally.warning(p);
            listener.warning(p);
        });
        failures.forEach(tally::failure);
        tally.filesFailed.addAndGet(planner.failures().size());

        long bytesTotal = 0;
        int filesToCopy = 0;
        long bytesToCopy = 0;
        int alreadyVerified = 0;
        for (FileWork w : work) {
            bytesTotal += w.file.size();
            if (!w.targets.isEmpty()) {
                filesToCopy++;
                bytesToCopy += w.file.size() - w.checkpointOffset;
            } else if (w.failAtPlan.isEmpty() && w.keep.isEmpty()) {
                alreadyVerified++;
            }
        }
        for (Destination d : destinations) {
            int files = 0;
            long bytes = 0;
            for (FileWork w : work) {
                long b = w.bytesToWrite(d);
                if (b > 0 || w.targets.stream().anyMatch(t -> t.destination() == d)) {
                    files++;
                    bytes += b;
                }
            }
            d.plan(files, bytes);
        }
        int filesTotal = work.size() + planner.failures().size();
        listener.jobPlanned(new JobPlan(id, r.name(), r.source(), r.destinations(), filesTotal, bytesTotal,
                filesToCopy, bytesToCopy, alreadyVerified));

        JobControl control = new JobControl();
        // Per reader (the sidecar reader too): the file being read and one whose writes still drain
        // behind it (a verifier waits for them), each with a queue per destination (chunks are shared
        // between destinations); the reader holds one buffer more, two while it reads ahead. When these
        // are all in use the reader waits: memory stays bounded.
        FileQueue queue = new FileQueue(work, settings.bufferSize());
        BufferPool pool = new BufferPool(Workers.readers(r.concurrency(), queue) * 2 * (settings.queueDepth() + 1),
                settings.bufferSize());
        RunContext ctx = new RunContext(id, r, settings, journal, control, guard, stats, pool, tally, listener,
                publisher, new BlockSizes());
        boolean cancelled = Workers.run(ctx, queue);
        for (Destination d : destinations) {
            if (!d.failed() && !d.folders().syncAll()) {
                FolderSyncs.warnOnce(ctx, d); // before anything is reported done or sealed
            }
        }
        destinations.forEach(d -> d.emitProgress(System.nanoTime()));

        Throwable crash = control.crashCause();
        if (crash instanceof Error e) {
            throw e; // as after kill -9: the journal stays as it was, the next run reconciles
        }
        if (crash != null) {
            end(job, destinations, tally, filesTotal, bytesTotal, JobState.INTERRUPTED,
                    "Internal error: " + crash + ". Run the same command again to resume.");
            throw crash instanceof RuntimeException re ? re : new IllegalStateException(crash);
        }
        JobState state;
        String message;
        long failedDestinations = destinations.stream().filter(Destination::failed).count();
        String stopReason = control.stopReason();
        if (stopReason != null) {
            state = JobState.INTERRUPTED;
            message = stopReason + (stopReason.contains("resume") ? ""
                    : " Run the same command again to resume job " + id + ".");
        } else if (tally.filesFailed.get() > 0 || failedDestinations > 0 || !scan.failures().isEmpty()) {
            state = JobState.FAILED;
            message = tally.filesFailed.get() + " file(s) failed" + (failedDestinations > 0
                    ? " and " + failedDestinations + " destination(s) failed" : "")
                    + (scan.failures().isEmpty() ? "" : "; " + scan.failures().size() + " folder(s) could not be read")
                    + ". Fix the cause and run the same command again to retry what failed.";
        } else {
            state = JobState.DONE;
            message = "All " + filesTotal + " file(s) verified on " + destinations.size() + " destination(s)"
                    + (tally.warnings().isEmpty() ? "." : "; " + tally.warnings().size() + " warning(s).");
        }
        JobSummary summary = end(job, destinations, tally, filesTotal, bytesTotal, state, message);
        if (cancelled) {
            Thread.currentThread().interrupt(); // keep the caller's interrupt status
        }
        return summary;
    }

    private List<Destination> destinations(StoredJob job) {
        List<Destination> list = new ArrayList<>();
        for (StoredJob.Dest sd : job.destinations()) {
            Destination d = new Destination(job.id(), sd.index(), sd.root(), job.request().writeLimitBytesPerSecond(),
                    settings.progressIntervalMillis(), listener::progress);
            if (sd.state() != DestinationState.ACTIVE) {
                journal.destinationState(job.id(), sd.index(), DestinationState.ACTIVE, ""); // tried again
            }
            d.onFailure(x -> journal.destinationState(job.id(), x.index(), DestinationState.FAILED, x.failure()));
            list.add(d);
        }
        return list;
    }

    /** Creates each destination root and probes how it names files, whether it takes O_DIRECT and syncfs. */
    private void probe(List<Destination> destinations) {
        for (Destination d : destinations) {
            if (d.failed()) {
                continue;
            }
            try {
                Files.createDirectories(d.root());
                d.traits(settings.hooks().traits(d.root(), DestinationProbe.probe(d.root())));
                int align = DirectIo.probeWrites(d.root());
                d.directAlignment(settings.hooks().directIo(d.root(), align > 0) ? align : 0);
                Long device = FilesystemSync.device(d.root());
                d.syncfsDevice(device != null && settings.hooks().syncfs(d.root(), true) ? device : null);
            } catch (IOException e) {
                d.fail("Destination " + d.root() + " cannot be used (" + e.getMessage() + "). Check that it is "
                        + "mounted and writable, then run the same command again.");
            }
        }
    }

    /**
     * Creates the card's folders on each destination (empty folders are part of the card). A folder
     * the destination cannot name, or that something is in the way of, is not made and is reported
     * once; the files in it then fail on their own. Only a destination that takes no new file at all
     * is failed.
     */
    private static List<Problem> createFolders(List<Destination> destinations, List<String> folders) {
        List<Problem> problems = new ArrayList<>();
        for (Destination d : destinations) {
            List<String> notMade = new ArrayList<>(); // folders are listed parents first
            for (String folder : folders) {
                if (d.failed()) {
                    break;
                }
                if (notMade.stream().anyMatch(above -> folder.startsWith(above + "/"))) {
                    continue; // a folder above it was not made, and said so
                }
                String own = folder.substring(folder.lastIndexOf('/') + 1);
                String refused = Planner.refusedName(d, own);
                if (refused == null && !AscMhl.canRecord(own)) {
                    refused = "the name " + Printable.quoted(own) + " has a control character, which an ASC MHL "
                            + "history cannot record";
                }
                String why = refused == null ? null : ": " + refused + "; any files in it are reported as not copied. "
                        + "Rename it on the source, or copy it to a destination that allows it.";
                if (why == null) {
                    try {
                        Files.createDirectories(d.root().resolve(folder));
                        continue;
                    } catch (IOException e) {
                        if (!DestinationProbe.writable(d.root())) {
                            d.fail("Destination " + d.root() + " cannot be used (" + e.getMessage() + "). Check that "
                                    + "it is mounted and writable, then run the same command again.");
                            break;
                        }
                        why = " (" + IoReasons.of(e, d.root().resolve(folder)) + "); any files in it are reported as "
                                + "not copied. Clear that path on the destination or rename the folder on the source, "
                                + "then run the same command again.";
                    }
                }
                notMade.add(folder);
                problems.add(new Problem(folder, "Folder not created on " + d.root() + why));
            }
        }
        return problems;
    }

    /** Fails, before any byte moves, each destination that cannot hold what this run writes to it. */
    private void checkSpace(List<Destination> destinations, List<FileWork> work) {
        Map<Object, Long> claimed = new HashMap<>(); // destinations on one disk share its space
        for (Destination d : destinations) {
            if (d.failed()) {
                continue;
            }
            long needed = 0;
            for (FileWork w : work) {
                needed += w.bytesToWrite(d);
            }
            if (needed == 0) {
                continue;
            }
            try {
                FileStore fs = Files.getFileStore(d.root());
                long actual = fs.getUsableSpace();
                long usable = settings.hooks().usableSpace(d.root(), actual);
                Object disk = usable == actual ? fs : d.root(); // a simulated disk is a disk of its own
                long free = Math.max(0, usable - claimed.getOrDefault(disk, 0L));
                if (needed > free) {
                    d.fail(SpaceMessages.notEnoughSpace(d.root(), free, needed));
                } else {
                    claimed.merge(disk, needed, Long::sum);
                }
            } catch (IOException e) {
                d.fail("Destination " + d.root() + " cannot report its free space (" + e.getMessage()
                        + "). Check that it is mounted, then run the same command again.");
            }
        }
    }

    private JobSummary end(StoredJob job, List<Destination> destinations, RunTally tally, int filesTotal,
            long bytesTotal, JobState state, String message) {
        long id = job.id();
        List<DestinationState> states = new ArrayList<>();
        List<Integer> verifiedCounts = new ArrayList<>();
        List<Destination> toSeal = new ArrayList<>();
        for (Destination d : destinations) {
            int verified = journal.verifiedCount(id, d.index());
            DestinationState ds;
            if (d.failed()) {
                ds = DestinationState.FAILED;
            } else if (state != JobState.INTERRUPTED && verified == filesTotal) {
                ds = DestinationState.DONE;
                journal.destinationState(id, d.index(), DestinationState.DONE, "");
                if (journal.needsSeal(id, d.index())) {
                    toSeal.add(d);
                }
            } else {
                ds = DestinationState.ACTIVE;
            }
            states.add(ds);
            verifiedCounts.add(verified);
        }
        List<VerifiedFile> verifiedFiles = toSeal.isEmpty() ? List.of() : journal.verifiedFiles(job);
        List<PerRoot.Outcome<List<GenerationResult>>> seals = PerRoot.run(
                toSeal.stream().map(Destination::root).toList(), i -> MhlSealer.sealAll(toSeal.get(i).index(),
                        toSeal.get(i).root(), verifiedFiles, job.request(), job.createdAt()));

        List<DestinationOutcome> outcomes = new ArrayList<>();
        List<Problem> failures = new ArrayList<>();
        for (int i = 0; i < destinations.size(); i++) {
            Destination d = destinations.get(i);
            Path manifest = null;
            if (states.get(i) == DestinationState.FAILED) {
                failures.add(new Problem(d.root().toString(), d.failure()));
            }
            int sealed = toSeal.indexOf(d);
            if (sealed >= 0) {
                manifest = recordSeal(id, d, seals.get(sealed), failures);
            }
            outcomes.add(new DestinationOutcome(d.index(), d.root(), states.get(i), d.failure(), verifiedCounts.get(i),
                    d.bytesWritten(), manifest));
        }
        if (state == JobState.DONE && !failures.isEmpty()) {
            state = JobState.FAILED;
            message = "Every file is verified, but " + failures.get(0).reason();
        }
        failures.addAll(tally.failures());
        journal.jobState(id, state, state == JobState.DONE ? "" : message, "transfer.job." + state.id());
        JobSummary summary = new JobSummary(id, job.request().name(), state, filesTotal, tally.filesCopied.get(),
                tally.filesSkippedVerified.get(), tally.filesFailed.get(), bytesTotal, tally.bytesCopied.get(),
                tally.bytesResumed.get(), failures, tally.warnings(), outcomes, message);
        listener.jobFinished(summary);
        return summary;
    }

    /** Journals a destination's seal, or adds why it failed to {@code failures}; returns its last manifest. */
    private @Nullable Path recordSeal(long id, Destination d, PerRoot.Outcome<List<GenerationResult>> seal,
            List<Problem> failures) {
        Exception failure = seal.failure();
        List<GenerationResult> generations = seal.value();
        if (failure != null || generations == null) {
            failures.add(sealFailure(d, failure != null ? failure : new IllegalStateException("no seal result")));
            return null;
        }
        Path manifest = null;
        List<String> details = new ArrayList<>();
        for (GenerationResult sealed : generations) {
            manifest = sealed.manifest();
            details.add("ASC MHL generation " + sealed.generation() + " (" + sealed.originalCount() + " original, "
                    + sealed.verifiedCount() + " verified, " + sealed.failedCount() + " failed)"
                    + (generations.size() > 1 ? " in " + sealed.manifest().getParent().getParent() : ""));
            if (sealed.failedCount() > 0) {
                failures.add(new Problem(d.root().toString(), "The copy differs from the ASC MHL history "
                        + "it carried for " + sealed.failedPaths() + "; the card's own history disagrees."));
            }
        }
        if (manifest != null) {
            try {
                journal.sealed(id, d.index(), manifest, String.join("; ", details));
            } catch (RuntimeException e) {
                failures.add(sealFailure(d, e));
            }
        }
        return manifest;
    }

    private static Problem sealFailure(Destination d, Exception e) {
        return new Problem(d.root().toString(), "The files are verified but the ASC MHL history could not be "
                + "written: " + e.getMessage() + ". Fix the cause and run the same command again to write it.");
    }
}
