/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.HashValue;
import io.cartwright.hash.MultiHasher;
import io.cartwright.transfer.FileEvent;
import io.cartwright.transfer.FileState;
import io.cartwright.transfer.Problem;
import io.cartwright.transfer.VerifyMode;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Takes one file through the state machine (engine rule 4): {@code reading} (one read of the source,
 * fanned out), {@code writing} (hashes journalled, destination writes drained and, unless a batch
 * syncs them later, fsynced), {@code verifying} (each copy re-read from the device and compared),
 * then {@code done} or {@code failed}. A copy that does not match is removed and the file is read and written again for
 * that destination, up to three reads in all. Verified copies are then renamed into place.
 *
 * <p>The work is split in two stages so the card never waits for the destinations: {@link #read} runs
 * on the run's reader thread and ends as soon as the last byte left the card; {@link #complete} runs
 * on a verifier thread and waits for the writes to complete, re-reads every destination in parallel,
 * reads the card again only when a copy did not match, and publishes. Copies on a filesystem that
 * one syncfs makes durable are not fsynced one by one: {@link #complete} hands them to the run's
 * {@link BatchedPublisher}, which makes a batch of files durable together and then publishes each
 * ({@link #publishDurable}). One instance per file.
 */
final class FileCopier {

    /** Reads of the source per file and run: the first and two retries. */
    static final int MAX_READS = 3;

    private final RunContext ctx;
    private final Verifiers verifiers;
    private final FileWork w;
    /** Where copies wait to be made durable together, or null if each is fsynced as it is written. */
    private final @Nullable BatchedPublisher batch;
    private final Failures failures = new Failures();
    /** The last mismatch per destination index, for the final failure message. */
    private final Map<Integer, Check> lastMismatch = new TreeMap<>();
    /** Reads of the source in this run. */
    private int reads;
    private List<Target> pending = new ArrayList<>();
    private @Nullable Map<HashAlgorithm, HashValue> sourceHashes;
    /** Copies that matched the source, to be published. */
    private final List<Verified> verified = new ArrayList<>();
    /** The first read's writes, still draining to the destinations when {@link #read} returns. */
    private @Nullable InFlight inFlight;

    /** @param batch where copies are made durable with others' ({@link #batchSynced}), or null */
    FileCopier(RunContext ctx, Verifiers verifiers, FileWork work, @Nullable BatchedPublisher batch) {
        this.ctx = ctx;
        this.verifiers = verifiers;
        this.w = work;
        this.batch = batch;
    }

    /** What went wrong per destination for one file. */
    private static final class Failures {
        final Map<Integer, String> reasons = new TreeMap<>();
        /** Destinations whose failure is the destination's (full, gone), explained by its own entry. */
        final Set<Integer> destinationWide = new HashSet<>();

        void file(Destination d, String reason) {
            reasons.put(d.index(), reason);
        }

        void destination(Destination d) {
            reasons.put(d.index(), "Not copied to " + d.root() + ": the destination failed.");
            destinationWide.add(d.index());
        }
    }

    /** A copy that matched the source. */
    private record Verified(Target target, Check check) {
    }

    /** One read of the source whose writes may still be draining. */
    private record InFlight(CopyPipeline pipeline, List<Target> writes, long offset,
            Map<HashAlgorithm, HashValue> hashes) {
    }

    /**
     * The reader stage: records the planned decisions and reads the card once into the destinations.
     * Returns true if {@link #complete} must follow (on a verifier thread); false if the file already
     * reached its final state.
     *
     * @throws SourceFailure if the source is gone or the run was cancelled (the job stops, resumable)
     */
    boolean read() throws SourceFailure, InterruptedException {
        boolean more = false;
        try {
            more = start();
            return more;
        } finally {
            if (!more) {
                ctx.hooks().afterFile(w.rel());
            }
        }
    }

    private boolean start() throws SourceFailure, InterruptedException {
        if (w.alreadyDone) {
            ctx.tally().filesSkippedVerified.incrementAndGet();
            return false;
        }
        for (FileWork.Adoption a : w.adopt) {
            ctx.journal().adoptEarlier(ctx.jobId(), w.fileId, w.rel(), a.destination().index(), a.finalPath(),
                    a.earlier());
        }
        for (FileWork.Decision x : w.failAtPlan) {
            ctx.journal().copyFailed(ctx.jobId(), w.fileId, w.rel(), x.destination().index(), x.finalPath(),
                    x.reason());
            failures.file(x.destination(), x.reason());
        }
        for (FileWork.Decision x : w.keep) {
            ctx.journal().copyKept(ctx.jobId(), w.fileId, w.rel(), x.destination().index(), x.finalPath(),
                    x.reason());
            ctx.warn(new Problem(w.rel(), x.reason()));
        }
        for (Target t : w.targets) {
            if (t.destination().failed()) {
                destinationFailed(t);
            } else {
                pending.add(t);
            }
        }
        if (pending.isEmpty()) {
            finish(false);
            return false;
        }
        ctx.journal().copiesPending(w.fileId, pending);
        Map<HashAlgorithm, HashValue> stored = w.storedSourceHashes;
        if (stored != null && tempsComplete(pending, w.file.size())) {
            // Crashed after a complete read: the copies only need verifying, the card need not be read.
            sourceHashes = stored;
            return true;
        }
        inFlight = startRead(true);
        if (inFlight == null) {
            finish(false); // the file failed; reasons recorded
            return false;
        }
        return true;
    }

    /**
     * The verifier stage: waits for the writes, verifies, retries mismatches, publishes and records the
     * file's final state; or, when copies wait for a batch's sync, hands the file to the batch, which
     * does the last two.
     *
     * @throws SourceFailure if a retry finds the source gone, or the run was cancelled
     */
    void complete() throws SourceFailure, InterruptedException {
        boolean handedOver = false;
        try {
            verifyAndRetry();
            BatchedPublisher b = batch;
            List<Target> toSync = verified.stream().map(Verified::target).filter(this::batchSynced).toList();
            if (b != null && !toSync.isEmpty()) {
                b.add(this, toSync);
                handedOver = true;
            } else {
                finish(publishVerified(t -> false));
            }
        } finally {
            if (!handedOver) {
                ctx.hooks().afterFile(w.rel());
            }
        }
    }

    /**
     * The batch stage: publishes the verified copies but those the batch could not make durable
     * ({@code notDurable}: their destination failed), and records the file's final state.
     */
    void publishDurable(Predicate<Target> notDurable) {
        try {
            finish(publishVerified(notDurable));
        } finally {
            ctx.hooks().afterFile(w.rel());
        }
    }

    /** True for a copy written without an fsync, which a batch's syncfs makes durable. */
    private boolean batchSynced(Target t) {
        return batch != null && t.writes() && t.destination().syncfsDevice() != null;
    }

    /** Publishes the verified copies but {@code notDurable} ones; true if any new copy appeared. */
    private boolean publishVerified(Predicate<Target> notDurable) {
        boolean copied = false;
        for (Verified v : verified) {
            if (notDurable.test(v.target())) {
                destinationFailed(v.target());
            } else {
                copied |= publish(v.target(), v.check());
            }
        }
        return copied;
    }

    /** Stops the file's writes at once (the run crashed); temporary files stay for a resume. */
    void abandon() {
        InFlight running = inFlight;
        if (running != null) {
            running.pipeline().abort();
            inFlight = null;
        }
    }

    /** Verifies {@code pending}, reading the source again for copies that did not match. */
    private void verifyAndRetry() throws SourceFailure, InterruptedException {
        while (true) {
            InFlight running = inFlight;
            if (running != null) {
                Map<HashAlgorithm, HashValue> hashes = completeWrites(running);
                inFlight = null;
                Map<HashAlgorithm, HashValue> earlier = sourceHashes;
                if (earlier != null && !earlier.equals(hashes)) {
                    String reason = "The source gave different data on two reads (" + describe(earlier)
                            + ", then " + describe(hashes) + "); the card or reader may be failing. "
                            + "Nothing was published; check the reader and copy it again.";
                    deleteTemps(pending);
                    for (Target t : pending) {
                        failCopy(t, reason);
                    }
                    return;
                }
                sourceHashes = hashes;
            } else if (reads == 0 && !sealTemps(pending)) {
                // A temporary file left by a crash cannot even be fsynced: write it again.
                inFlight = startRead(true);
                if (inFlight == null) {
                    return;
                }
                continue;
            }
            state(FileState.VERIFYING, "");
            Map<HashAlgorithm, HashValue> read = sourceHashes;
            if (read == null) {
                throw new IllegalStateException("verifying " + w.rel() + " before its source was read");
            }
            HashValue expected = read.get(ctx.request().verifyAlgorithm());
            List<Target> live = new ArrayList<>();
            for (Target t : pending) {
                if (t.destination().failed()) {
                    destinationFailed(t);
                } else {
                    live.add(t);
                }
            }
            int attempt = Math.max(reads, 1);
            List<Check> checks = verifiers.all(live, (t, reader) -> verify(reader, t, expected, attempt));
            List<Target> retry = new ArrayList<>();
            for (int i = 0; i < live.size(); i++) {
                Target t = live.get(i);
                Check check = checks.get(i);
                if (!check.match()) {
                    lastMismatch.put(t.destination().index(), check);
                }
                if (check.match()) {
                    verified.add(new Verified(t, check));
                } else if (t.action() == Target.Action.COMPARE) {
                    failCopy(t, "A different file already exists at " + t.finalPath() + " (" + check.problem()
                            + "); conflict policy 'skip-identical' left it untouched.");
                } else {
                    ctx.journal().fileNote(ctx.jobId(), w.fileId, w.rel(), "transfer.copy.mismatch",
                            "destination " + t.destination().index() + " " + t.destination().root() + ": "
                                    + check.problem() + "; the copy was removed and will be written again");
                    deleteQuietly(t.temp());
                    retry.add(t);
                }
            }
            if (retry.isEmpty()) {
                return;
            }
            if (reads >= MAX_READS) {
                for (Target t : retry) {
                    Check last = lastMismatch.get(t.destination().index());
                    failCopy(t, "Verification failed " + reads + " times on destination " + t.destination().root()
                            + ": " + (last == null ? "mismatch" : last.problem()) + ". The bad copy was removed; "
                            + "the destination drive may be failing.");
                }
                return;
            }
            pending = retry;
            inFlight = startRead(false);
            if (inFlight == null) {
                return; // the file failed; reasons recorded
            }
        }
    }

    /**
     * One read of the source into every pending write target; the writes may still be draining when
     * it returns. Returns null if the file failed (the reasons are recorded and its temporary files
     * removed).
     */
    private @Nullable InFlight startRead(boolean mayResume) throws SourceFailure, InterruptedException {
        reads++;
        List<Target> writes = pending.stream().filter(Target::writes).toList();
        MultiHasher hasher = null;
        long offset = 0;
        byte[] checkpoint = w.checkpointState;
        if (mayResume && checkpoint != null) {
            hasher = resumeFromCheckpoint(writes, checkpoint);
            offset = hasher == null ? 0 : hasher.length();
        }
        if (hasher == null) {
            hasher = new MultiHasher(ctx.request().algorithms());
        }
        ctx.journal().fileReading(ctx.jobId(), w.fileId, w.rel(), attempts(), offset);
        event(FileState.READING, offset > 0 ? "continuing from byte " + offset : "");
        CopyPipeline pipeline = new CopyPipeline(ctx, w, writes, offset, hasher, this::batchSynced);
        try {
            pipeline.open();
            pipeline.read();
            Map<HashAlgorithm, HashValue> hashes = hasher.values();
            ctx.journal().fileRead(ctx.jobId(), w.fileId, w.rel(), hashes);
            event(FileState.WRITING, "");
            return new InFlight(pipeline, writes, offset, hashes);
        } catch (FileFailure e) {
            pipeline.abort();
            deleteTemps(writes);
            for (Target t : pending) {
                failCopy(t, e.getMessage());
            }
            pending.clear();
            return null;
        } catch (SourceFailure | InterruptedException | RuntimeException | Error e) {
            pipeline.abort(); // temporary files stay for the resume
            throw e;
        }
    }

    /** Waits for a read's writes to complete; returns the source hashes of that read. */
    private Map<HashAlgorithm, HashValue> completeWrites(InFlight f) throws InterruptedException {
        CopyPipeline pipeline = f.pipeline();
        List<Target> written;
        try {
            written = pipeline.finishWrites();
        } catch (InterruptedException | RuntimeException | Error e) {
            pipeline.abort(); // temporary files stay for the resume
            throw e;
        }
        ctx.tally().bytesCopied.addAndGet(pipeline.bytesRead());
        ctx.tally().bytesResumed.addAndGet(f.offset());
        for (Target t : f.writes()) {
            if (!written.contains(t)) {
                String refusal = pipeline.refusal(t);
                if (refusal != null) {
                    failCopy(t, refusal);
                } else {
                    destinationFailed(t);
                }
            }
        }
        pending.removeIf(t -> t.writes() && !written.contains(t));
        return f.hashes();
    }


    /**
     * Checks a checkpoint against every destination's temporary file, re-read from the device:
     * returns the restored hasher if all prefixes hash to the checkpointed value, else null (the file
     * starts over).
     */
    private @Nullable MultiHasher resumeFromCheckpoint(List<Target> writes, byte[] checkpoint) throws SourceFailure {
        MultiHasher restored;
        try {
            restored = MultiHasher.restore(checkpoint);
        } catch (IllegalArgumentException e) {
            return discardCheckpoint("its hash state is unreadable (" + e.getMessage() + ")");
        }
        long offset = w.checkpointOffset;
        if (restored.length() != offset || !List.copyOf(restored.algorithms()).equals(ctx.request().algorithms())) {
            return discardCheckpoint("it does not match this job's algorithms or offset");
        }
        if (writes.isEmpty()) {
            return discardCheckpoint("no destination copy is being written");
        }
        Map<HashAlgorithm, HashValue> expected = restored.values();
        List<@Nullable String> problems;
        try {
            problems = verifiers.<@Nullable String>all(writes, (t, reader) -> prefixProblem(reader, t, offset, expected));
        } catch (InterruptedException e) {
            throw new SourceFailure("Cancelled while checking the partial copy of " + w.rel() + ".", e);
        }
        for (String problem : problems) {
            if (problem != null) {
                return discardCheckpoint(problem);
            }
        }
        ctx.journal().fileNote(ctx.jobId(), w.fileId, w.rel(), "transfer.file.resumed",
                "partial copies verified up to byte " + offset + " on " + writes.size() + " destination(s)");
        return restored;
    }

    /** Why a destination's partial copy cannot continue from the checkpoint, or null if it can. */
    private @Nullable String prefixProblem(DeviceReader reader, Target t, long offset, Map<HashAlgorithm, HashValue> expected)
            throws SourceFailure {
        Path temp = t.temp();
        try {
            if (!Files.isRegularFile(temp) || Files.size(temp) < offset) {
                return "the partial copy on " + t.destination().root() + " is missing or short";
            }
            Map<HashAlgorithm, HashValue> found = reader.hash(temp, offset, ctx.request().algorithms()).values();
            return found.equals(expected) ? null : "the partial copy on " + t.destination().root()
                    + " does not hash to the checkpoint (" + describe(found) + ", expected " + describe(expected) + ")";
        } catch (ClosedByInterruptException e) {
            throw new SourceFailure("Cancelled while checking the partial copy of " + w.rel() + ".", e);
        } catch (IOException e) {
            return "the partial copy on " + t.destination().root() + " cannot be read (" + e.getMessage() + ")";
        }
    }

    private @Nullable MultiHasher discardCheckpoint(String why) {
        ctx.journal().clearCheckpoint(w.fileId);
        ctx.journal().fileNote(ctx.jobId(), w.fileId, w.rel(), "transfer.file.restarted",
                "checkpoint at byte " + w.checkpointOffset + " not used: " + why + "; copying from the start");
        return null;
    }

    /** Result of re-reading one copy. */
    private record Check(boolean match, @Nullable VerifyMode mode, @Nullable HashValue found, String problem) {
    }

    private Check verify(DeviceReader reader, Target t, HashValue expected, int attempt) throws SourceFailure {
        Path copy = t.writes() ? t.temp() : t.finalPath();
        Destination d = t.destination();
        Check check;
        try {
            ctx.hooks().beforeVerify(d.index(), w.rel(), copy, attempt);
            long size = Files.size(copy);
            if (size != w.file.size()) {
                check = new Check(false, null, null, "the copy has " + size + " bytes, the source " + w.file.size());
            } else {
                DeviceReader.Result r = reader.hash(copy, size, List.of(expected.algorithm()));
                HashValue found = r.values().get(expected.algorithm());
                boolean match = found.equals(expected);
                check = new Check(match, r.mode(), found, match ? ""
                        : "source " + expected + ", destination " + found);
                if (r.mode() == VerifyMode.CACHED && d.firstTime("cached-verify")) {
                    ctx.warn(new Problem(d.root().toString(), "Copies on this destination could not be re-read "
                            + "around the page cache (no O_DIRECT, no posix_fadvise here); their verification proves "
                            + "what the operating system holds, not necessarily what is on the drive."));
                }
            }
        } catch (ClosedByInterruptException e) {
            throw new SourceFailure("Cancelled while verifying " + w.rel() + ".", e);
        } catch (IOException e) {
            check = new Check(false, null, null, "re-reading the copy failed: " + e.getMessage());
        }
        return check;
    }

    /** Journals a verified copy and renames it into place; true if a new copy appeared. */
    private boolean publish(Target t, Check check) {
        Destination d = t.destination();
        VerifyMode mode = check.mode();
        HashValue found = check.found();
        if (mode == null || found == null) {
            throw new IllegalStateException("publishing " + w.rel() + " without a verified match");
        }
        try {
            if (t.action() == Target.Action.COMPARE) {
                long mtime = Times.nanos(Files.getLastModifiedTime(t.finalPath()));
                ctx.journal().copyVerified(ctx.jobId(), w.fileId, w.rel(), d.index(), t.finalPath(), mode, mtime,
                        found);
                d.fileVerified();
                return false;
            }
            long mtime = Times.nanos(Files.getLastModifiedTime(t.temp()));
            // Journalled before the rename: a crash in between leaves a journalled copy whose final
            // name is missing, which the next run notices and copies again.
            ctx.journal().copyVerified(ctx.jobId(), w.fileId, w.rel(), d.index(), t.finalPath(), mode, mtime, found);
            ctx.publisher().publish(t.temp(), t.finalPath(), t.action() == Target.Action.REPLACE);
        } catch (FileAlreadyExistsException e) {
            deleteQuietly(t.temp());
            failCopy(t, "A file appeared at " + t.finalPath() + " while this one was being copied; it was left "
                    + "untouched and the verified copy removed. Run again to decide with a conflict policy.");
            return false;
        } catch (IOException e) {
            d.fail("Destination " + d.root() + " failed while publishing " + w.rel() + ": " + e.getMessage()
                    + ". Check the drive, then run the same command again to resume.");
            destinationFailed(t);
            return false;
        }
        if (!d.folders().changed(t.finalPath().getParent())) {
            FolderSyncs.warnOnce(ctx, d);
        }
        d.fileVerified();
        return true;
    }

    /** For a verify-only resume: the times set and everything fsynced, as the writer would have. */
    private boolean sealTemps(List<Target> pending) {
        for (Target t : pending) {
            if (!t.writes()) {
                continue;
            }
            try (FileChannel ch = FileChannel.open(t.temp(), StandardOpenOption.WRITE)) {
                ch.force(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private boolean tempsComplete(List<Target> pending, long size) {
        for (Target t : pending) {
            try {
                if (t.writes() && (!Files.isRegularFile(t.temp()) || Files.size(t.temp()) != size)) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private void finish(boolean copied) {
        if (failures.reasons.isEmpty()) {
            state(FileState.DONE, "");
            if (copied) {
                ctx.tally().filesCopied.incrementAndGet();
            } else if (w.keep.isEmpty()) {
                // verified earlier, or found identical under skip-identical: nothing new was written
                ctx.tally().filesSkippedVerified.incrementAndGet();
            }
            return;
        }
        String reason = failures.reasons.values().stream().distinct().collect(Collectors.joining(" "));
        markFileFailed(reason);
        String ownReasons = failures.reasons.entrySet().stream()
                .filter(e -> !failures.destinationWide.contains(e.getKey())).map(Map.Entry::getValue).distinct()
                .collect(Collectors.joining(" "));
        if (!ownReasons.isEmpty()) {
            ctx.tally().failure(new Problem(w.rel(), ownReasons));
        }
    }

    /** Reads of the source journalled so far, in all runs. */
    private int attempts() {
        return w.attempts + reads;
    }

    private void markFileFailed(String reason) {
        state(FileState.FAILED, reason);
        ctx.tally().filesFailed.incrementAndGet();
    }

    private void destinationFailed(Target t) {
        Destination d = t.destination();
        ctx.journal().copyFailed(ctx.jobId(), w.fileId, w.rel(), d.index(), t.finalPath(),
                "Not copied: the destination failed. " + d.failure());
        failures.destination(d);
    }

    private void failCopy(Target t, String reason) {
        ctx.journal().copyFailed(ctx.jobId(), w.fileId, w.rel(), t.destination().index(), t.finalPath(), reason);
        failures.file(t.destination(), reason);
    }

    private void state(FileState s, String reason) {
        ctx.journal().fileState(ctx.jobId(), w.fileId, w.rel(), s, reason);
        event(s, reason);
    }

    private void event(FileState s, String reason) {
        ctx.listener().fileStateChanged(new FileEvent(ctx.jobId(), w.rel(), w.file.size(), s, attempts(), reason));
    }

    private static void deleteTemps(List<Target> targets) {
        for (Target t : targets) {
            if (t.writes()) {
                deleteQuietly(t.temp());
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover hidden temporary file is harmless and replaced by the next attempt
        }
    }

    private static String describe(Map<HashAlgorithm, HashValue> hashes) {
        return hashes.values().stream().map(HashValue::toString).collect(Collectors.joining(" "));
    }
}
