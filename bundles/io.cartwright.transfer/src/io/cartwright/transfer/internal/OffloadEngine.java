/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import io.cartwright.core.CartwrightException;
import io.cartwright.core.ExitCode;
import io.cartwright.store.Store;
import io.cartwright.transfer.FileStatus;
import io.cartwright.transfer.JobInfo;
import io.cartwright.transfer.JobSummary;
import io.cartwright.transfer.OffloadRequest;
import io.cartwright.transfer.SnapshotFormat;
import io.cartwright.transfer.TransferListener;
import io.cartwright.transfer.TransferService;
import io.cartwright.transfer.VerifiedFile;

/**
 * The transfer engine as plain Java: what {@link TransferServiceComponent} delegates to and what
 * tests construct with their own {@link EngineSettings}. Thread-safe; keeps only the
 * {@link SourceStats} counters between calls.
 */
public final class OffloadEngine implements TransferService {

    private final EngineSettings settings;
    private final SourceStats stats = new SourceStats();

    public OffloadEngine() {
        this(EngineSettings.DEFAULT);
    }

    public OffloadEngine(EngineSettings settings) {
        this.settings = settings;
    }

    /** What this engine has read from sources so far. */
    public SourceStats sourceStats() {
        return stats;
    }

    @Override
    public JobSummary run(Store store, OffloadRequest request, TransferListener listener) {
        validate(request);
        JobJournal journal = new JobJournal(store);
        long id = journal.createJob(request, SourceGuard.identity(request.source()));
        StoredJob job = journal.loadJob(id).orElseThrow();
        Map<String, String> targets = request.targets();
        if (targets != null) {
            job = job.withRequest(job.request().withTargets(targets, request.sealScopes()));
        }
        JobLock lock = JobLock.acquire(store.file(), id);
        try {
            return new JobRunner(journal, settings, stats, new SafeListener(listener)).run(job, false);
        } finally {
            lock.close();
        }
    }

    @Override
    public JobSummary resume(Store store, long jobId, TransferListener listener) {
        JobJournal journal = new JobJournal(store);
        StoredJob job = journal.loadJob(jobId).orElseThrow(() -> new CartwrightException(ExitCode.USAGE,
                "There is no offload job " + jobId + " in " + store.file() + ".",
                "List the jobs to find the right number."));
        JobLock lock = JobLock.acquire(store.file(), jobId);
        try {
            return new JobRunner(journal, settings, stats, new SafeListener(listener)).run(job, true);
        } finally {
            lock.close();
        }
    }

    @Override
    public OptionalLong findResumable(Store store, OffloadRequest request) {
        return new JobJournal(store).findResumable(request);
    }

    @Override
    public List<JobInfo> jobs(Store store) {
        return new JobJournal(store).jobs(null);
    }

    @Override
    public Optional<JobInfo> job(Store store, long jobId) {
        return new JobJournal(store).jobs(jobId).stream().findFirst();
    }

    @Override
    public List<FileStatus> files(Store store, long jobId) {
        return new JobJournal(store).files(jobId);
    }

    @Override
    public List<VerifiedFile> verifiedFiles(Store store, long jobId) {
        JobJournal journal = new JobJournal(store);
        return journal.verifiedFiles(journal.loadJob(jobId).orElseThrow(() -> noJob(store, jobId)));
    }

    @Override
    public void exportSnapshot(Store store, long jobId, SnapshotFormat format, Path target) {
        JobJournal journal = new JobJournal(store);
        StoredJob job = journal.loadJob(jobId).orElseThrow(() -> noJob(store, jobId));
        try {
            SnapshotWriter.write(job, journal.verifiedFiles(job), format, target);
        } catch (IOException e) {
            throw new CartwrightException(ExitCode.FAILED, "Cannot write the snapshot " + target + ": "
                    + e.getMessage() + ".", "Choose a writable location.", e);
        }
    }

    private static CartwrightException noJob(Store store, long jobId) {
        return new CartwrightException(ExitCode.USAGE, "There is no offload job " + jobId + " in " + store.file()
                + ".", "List the jobs to find the right number.");
    }

    /** Refuses requests that cannot work or would write to the card, before anything is journalled. */
    private static void validate(OffloadRequest r) {
        Path source = r.source();
        if (!Files.isDirectory(source)) {
            throw new CartwrightException(ExitCode.USAGE, "The source " + source + " is not a folder or mounted volume.",
                    "Check the path and that the card is mounted.");
        }
        Path realSource = real(source);
        Set<Path> seen = new HashSet<>();
        for (Path d : r.destinations()) {
            if (!seen.add(d)) {
                throw new CartwrightException(ExitCode.USAGE, "The destination " + d + " is given twice.",
                        "Give each destination once.");
            }
            Path realDest = real(d);
            if (d.startsWith(source) || realDest.startsWith(realSource)) {
                throw new CartwrightException(ExitCode.USAGE, "The destination " + d + " is inside the source "
                        + source + "; the card is read-only to Cartwright.", "Choose a destination on another drive.");
            }
        }
        // A copy inside another copy would be part of it: the outer copy's ASC MHL history would list the
        // inner one's files, and verifying the outer copy would find them extra.
        for (Path inner : r.destinations()) {
            for (Path outer : r.destinations()) {
                if (inner != outer && (inner.startsWith(outer) || real(inner).startsWith(real(outer)))) {
                    throw new CartwrightException(ExitCode.USAGE, "The destination " + inner
                            + " is inside the destination " + outer + "; that copy would become part of the other.",
                            "Give destinations that do not contain each other, normally on separate drives.");
                }
            }
        }
    }

    /** The real path of {@code p}, or of its nearest existing ancestor with the rest appended. */
    private static Path real(Path p) {
        Path existing = p;
        Path rest = null;
        while (existing != null && !Files.exists(existing)) {
            Path name = existing.getFileName();
            rest = rest == null ? name : name.resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return p;
        }
        try {
            Path real = existing.toRealPath();
            return rest == null ? real : real.resolve(rest);
        } catch (IOException e) {
            return p;
        }
    }
}
