/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.core.ExitCode;
import io.cartwright.store.Store;
import io.cartwright.transfer.JobState;
import io.cartwright.transfer.JobSummary;
import io.cartwright.transfer.OffloadRequest;
import io.cartwright.transfer.TransferListener;
import io.cartwright.transfer.internal.EngineHooks;
import io.cartwright.transfer.internal.OffloadEngine;

/**
 * Interrupted and crashed jobs resume: verified files are skipped unread, a large file continues from
 * its checkpoint without re-reading the card's prefix, and a file whose source read had completed is
 * only verified.
 */
class ResumeTest {

    private static final int MIB = 1 << 20;

    @TempDir
    Path dir;

    /**
     * A card with three sidecars and a 6 MiB clip. The sidecars are read by a reader of their own,
     * alongside the clip; {@link StopMidClip} waits for them before it stops the clip.
     */
    private Path card() throws Exception {
        Path card = dir.resolve("card");
        Fixtures.write(card.resolve("A/a1.txt"), Fixtures.bytes(1000, 1));
        Fixtures.write(card.resolve("A/a2.txt"), Fixtures.bytes(2000, 2));
        Fixtures.write(card.resolve("B/clip.mov"), Fixtures.bytes(6 * MIB + 123, 3));
        Fixtures.write(card.resolve("C/after.txt"), Fixtures.bytes(3000, 4));
        return card;
    }

    @Test
    void interruptMidFileThenResumeContinuesFromTheCheckpoint() throws Exception {
        Path card = card();
        List<Path> dests = List.of(dir.resolve("d1/A001"), dir.resolve("d2/A001"));
        OffloadRequest request = OffloadRequest.of(card, dests, "A001").withCheckpointInterval(MIB);
        Thread runner = Thread.currentThread();
        // After 3.5 MiB of the clip: cancel the run as Ctrl-C would, and wait here until the cancellation
        // reaches this worker, so the last checkpoint is the one at 3 MiB.
        EngineHooks interrupt = new StopMidClip(3 * MIB + MIB / 2) {
            @Override
            void stop() {
                runner.interrupt();
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        long job;
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            JobSummary stopped = new OffloadEngine(Fixtures.SMALL.withHooks(interrupt)).run(store, request,
                    TransferListener.NONE);
            assertTrue(Thread.interrupted(), "the caller's interrupt status is kept (and cleared here)");
            assertEquals(JobState.INTERRUPTED, stopped.state(), stopped.message());
            assertEquals(ExitCode.INTERRUPTED, stopped.exitCode());
            assertTrue(stopped.message().contains("Cancelled"), stopped.message());
            assertEquals(3, stopped.filesCopied(), "the sidecars, read alongside the clip");
            job = stopped.jobId();
            assertEquals(3L * MIB, Fixtures.number(store,
                    "SELECT checkpoint_offset FROM transfer_file WHERE rel_path = 'B/clip.mov'"));
            assertEquals(List.of("reading"), Fixtures.strings(store,
                    "SELECT state FROM transfer_file WHERE rel_path = 'B/clip.mov'"));
            assertEquals(List.of("interrupted"), Fixtures.strings(store, "SELECT state FROM transfer_job"));
            for (Path d : dests) {
                assertTrue(Files.size(d.resolve("B/.clip.mov.cwpart")) >= 3L * MIB, "partial copy kept for resume");
                assertTrue(!Fixtures.exists(d.resolve("B/clip.mov")), "nothing incomplete under the final name");
            }
        }
        // As after a restart: a new engine and a new connection; re-running the same command resumes.
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            OffloadEngine engine = new OffloadEngine(Fixtures.SMALL);
            assertEquals(job, engine.findResumable(store, request).orElseThrow());
            JobSummary resumed = engine.resume(store, job, TransferListener.NONE);
            assertEquals(JobState.DONE, resumed.state(), resumed.message());
            assertEquals(3, resumed.filesSkippedVerified(), "the sidecars were verified before the interrupt");
            assertEquals(1, resumed.filesCopied());
            assertEquals(3L * MIB, resumed.bytesResumed());
            long clipRest = 6L * MIB + 123 - 3L * MIB;
            assertEquals(clipRest, engine.sourceStats().bytesRead(), "the clip's first 3 MiB were not read again");
            assertEquals(1, engine.sourceStats().filesOpened(), "only the clip was opened");
            assertEquals(clipRest, resumed.bytesCopied());
            TreeMap<String, String> expected = Fixtures.regularFiles(card);
            for (Path d : dests) {
                Fixtures.assertSameTree(expected, d);
            }
            assertEquals(1, Fixtures.number(store, "SELECT count(*) FROM activity WHERE action = 'transfer.file.resumed'"));
        }
    }

    /**
     * Stops the run once the clip was read up to {@code at}, after the sidecars were done (their
     * reader runs alongside the clip's, so without the wait the outcome would depend on timing).
     */
    private abstract static class StopMidClip implements EngineHooks {
        private final CountDownLatch sidecars = new CountDownLatch(3);
        private final long at;

        StopMidClip(long at) {
            this.at = at;
        }

        abstract void stop();

        @Override
        public void afterFile(String rel) {
            if (rel.endsWith(".txt")) {
                sidecars.countDown();
            }
        }

        @Override
        public void afterSourceChunk(String rel, long offset) {
            if (rel.equals("B/clip.mov") && offset >= at) {
                try {
                    assertTrue(sidecars.await(20, TimeUnit.SECONDS), "the sidecars were not copied alongside the clip");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                stop();
            }
        }
    }

    /** Thrown by a hook in place of kill -9: nothing after it runs, the journal stays as it was. */
    static final class SimulatedKill extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedKill() {
            super("simulated kill -9");
        }
    }

    @Test
    void killMidFileThenTheSameCommandResumesWithoutRereadingVerifiedFiles() throws Exception {
        killMidFileAndResume(List.of(dir.resolve("d1/A001"), dir.resolve("d2/A001")));
    }

    @Test
    void killMidFileThenResumeWithOneDestination() throws Exception {
        killMidFileAndResume(List.of(dir.resolve("d1/A001")));
    }

    private void killMidFileAndResume(List<Path> dests) throws Exception {
        Path card = card();
        OffloadRequest request = OffloadRequest.of(card, dests, "A001").withCheckpointInterval(2 * MIB);
        EngineHooks kill = new StopMidClip(5 * MIB) {
            @Override
            void stop() {
                throw new SimulatedKill();
            }
        };
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            assertThrows(SimulatedKill.class, () -> new OffloadEngine(Fixtures.SMALL.withHooks(kill)).run(store,
                    request, TransferListener.NONE));
            assertEquals(List.of("running"), Fixtures.strings(store, "SELECT state FROM transfer_job"),
                    "a killed process leaves the job running");
        }
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            OffloadEngine engine = new OffloadEngine(Fixtures.SMALL);
            long job = engine.findResumable(store, request).orElseThrow();
            JobSummary resumed = engine.resume(store, job, TransferListener.NONE);
            assertEquals(JobState.DONE, resumed.state(), resumed.message());
            assertTrue(resumed.filesSkippedVerified() > 0);
            assertEquals(3, resumed.filesSkippedVerified());
            assertEquals(4L * MIB, resumed.bytesResumed(), "continued from the checkpoint at 4 MiB");
            assertEquals(6L * MIB + 123 - 4L * MIB, engine.sourceStats().bytesRead());
            TreeMap<String, String> expected = Fixtures.regularFiles(card);
            for (Path d : dests) {
                Fixtures.assertSameTree(expected, d);
            }
        }
    }

    @Test
    void aCheckpointWhosePartialCopyChangedIsNotTrustedAndTheFileStartsOver() throws Exception {
        Path card = card();
        List<Path> dests = List.of(dir.resolve("d1/A001"), dir.resolve("d2/A001"));
        OffloadRequest request = OffloadRequest.of(card, dests, "A001").withCheckpointInterval(MIB);
        EngineHooks kill = new StopMidClip(2 * MIB + 64 * 1024) {
            @Override
            void stop() {
                throw new SimulatedKill();
            }
        };
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            assertThrows(SimulatedKill.class, () -> new OffloadEngine(Fixtures.SMALL.withHooks(kill)).run(store,
                    request, TransferListener.NONE));
        }
        // Damage the verified prefix of the second destination's partial copy.
        Path partial = dests.get(1).resolve("B/.clip.mov.cwpart");
        try (var raf = new java.io.RandomAccessFile(partial.toFile(), "rw")) {
            raf.seek(1000);
            int b = raf.read();
            raf.seek(1000);
            raf.write(b ^ 0x01);
        }
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            OffloadEngine engine = new OffloadEngine(Fixtures.SMALL);
            JobSummary resumed = engine.resume(store, engine.findResumable(store, request).orElseThrow(),
                    TransferListener.NONE);
            assertEquals(JobState.DONE, resumed.state(), resumed.message());
            assertEquals(0, resumed.bytesResumed(), "the checkpoint was discarded");
            assertEquals(6L * MIB + 123, engine.sourceStats().bytesRead(), "the clip was read from the start");
            List<String> notes = Fixtures.strings(store,
                    "SELECT detail FROM activity WHERE action = 'transfer.file.restarted'");
            assertEquals(1, notes.size());
            assertTrue(notes.get(0).contains("does not hash to the checkpoint") && notes.get(0).contains(
                    dests.get(1).toString()), notes.get(0));
            TreeMap<String, String> expected = Fixtures.regularFiles(card);
            for (Path d : dests) {
                Fixtures.assertSameTree(expected, d);
            }
        }
    }

    @Test
    void aCrashAfterTheSourceWasReadOnlyVerifiesOnResume() throws Exception {
        Path card = card();
        List<Path> dests = List.of(dir.resolve("d1/A001"), dir.resolve("d2/A001"));
        OffloadRequest request = OffloadRequest.of(card, dests, "A001");
        AtomicReference<String> killedAt = new AtomicReference<>();
        EngineHooks kill = new EngineHooks() {
            @Override
            public void beforeVerify(int destination, String rel, Path copy, int attempt) {
                if (rel.equals("B/clip.mov") && killedAt.compareAndSet(null, rel)) {
                    throw new SimulatedKill();
                }
            }
        };
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            assertThrows(SimulatedKill.class, () -> new OffloadEngine(Fixtures.SMALL.withHooks(kill)).run(store,
                    request, TransferListener.NONE));
            assertEquals(List.of("verifying"), Fixtures.strings(store,
                    "SELECT state FROM transfer_file WHERE rel_path = 'B/clip.mov'"));
        }
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            OffloadEngine engine = new OffloadEngine(Fixtures.SMALL);
            JobSummary resumed = engine.resume(store, engine.findResumable(store, request).orElseThrow(),
                    TransferListener.NONE);
            assertEquals(JobState.DONE, resumed.state(), resumed.message());
            // The sidecars are read alongside the clip, so some may still have been in flight at the
            // kill (and are read again now). The clip, read completely before the kill, is only
            // verified now: never read from the card again.
            assertEquals(4, resumed.filesSkippedVerified() + resumed.filesCopied());
            assertTrue(resumed.filesCopied() >= 1, "the clip's copies are published by this run");
            long reread = engine.sourceStats().bytesRead();
            assertTrue(reread <= 1000 + 2000 + 3000, "only sidecars read again: " + reread + " bytes");
            assertEquals(List.of("done"), Fixtures.strings(store,
                    "SELECT state FROM transfer_file WHERE rel_path = 'B/clip.mov'"));
            TreeMap<String, String> expected = Fixtures.regularFiles(card);
            for (Path d : dests) {
                Fixtures.assertSameTree(expected, d);
            }
        }
    }
}
