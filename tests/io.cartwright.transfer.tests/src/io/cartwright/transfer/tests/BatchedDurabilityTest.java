/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.store.Store;
import io.cartwright.transfer.DestinationState;
import io.cartwright.transfer.JobState;
import io.cartwright.transfer.JobSummary;
import io.cartwright.transfer.OffloadRequest;
import io.cartwright.transfer.TransferListener;
import io.cartwright.transfer.internal.EngineHooks;
import io.cartwright.transfer.internal.OffloadEngine;
import io.cartwright.transfer.internal.SyncfsTrust;

/**
 * Where one syncfs of a filesystem can be trusted, copies are made durable a batch at a time and
 * only then renamed into place: every copy is synced exactly once, none appears under its final
 * name before, a crash before the sync leaves only temporary files that the next run verifies
 * without reading the card again, and a failed sync fails that destination alone. Elsewhere each
 * copy is fsynced by its writer, as before.
 */
class BatchedDurabilityTest {

    private static final int SIDECARS = 40;
    private static final String CLIP = "CLIP/C001.mov";

    @TempDir
    Path dir;

    /** One destination's part of a batch's sync, as the engine announced it. */
    private record Sync(int destination, int copies, int publishedBefore) {
    }

    /** Records the syncs; the first waits until every sidecar copy was re-read, so a batch gathers. */
    private class Recorder implements EngineHooks {
        final List<Sync> syncs = new CopyOnWriteArrayList<>();
        final CountDownLatch allVerified = new CountDownLatch(2 * SIDECARS);
        private final List<Path> dests;
        private final boolean syncfs;

        Recorder(List<Path> dests, boolean syncfs) {
            this.dests = dests;
            this.syncfs = syncfs;
        }

        @Override
        public boolean syncfs(Path root, boolean trusted) {
            return syncfs && trusted;
        }

        @Override
        public void beforeVerify(int destination, String rel, Path copy, int attempt) {
            if (rel.endsWith(".xml")) {
                allVerified.countDown();
            }
        }

        @Override
        public void beforeSync(int destination, int copies) {
            if (syncs.isEmpty()) {
                try {
                    assertTrue(allVerified.await(30, TimeUnit.SECONDS), "the sidecars were not verified meanwhile");
                    Thread.sleep(300); // the last verifier hands its file over
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            syncs.add(new Sync(destination, copies, published()));
        }

        int published() {
            int n = 0;
            for (Path d : dests) {
                for (int i = 0; i < SIDECARS; i++) {
                    n += Fixtures.exists(d.resolve(sidecar(i))) ? 1 : 0;
                }
                n += Fixtures.exists(d.resolve(CLIP)) ? 1 : 0;
            }
            return n;
        }
    }

    /** A card of {@link #SIDECARS} small sidecars (below one read buffer) beside a clip. */
    private Path card() throws IOException {
        Path card = dir.resolve("card");
        for (int i = 0; i < SIDECARS; i++) {
            Fixtures.write(card.resolve(sidecar(i)), Fixtures.bytes(500 + 97 * i, i));
        }
        Fixtures.write(card.resolve(CLIP), Fixtures.bytes(3 << 20, 99));
        return card;
    }

    private static String sidecar(int i) {
        return "M" + i / 10 + "/S" + i + ".xml";
    }

    private List<Path> destinations() {
        return List.of(dir.resolve("d1/A001"), dir.resolve("d2/A001"));
    }

    /** True where the engine trusts syncfs for the test's folders (Linux 5.8+ on the filesystems it names). */
    private boolean syncfsTrusted() {
        return SyncfsTrust.at(dir);
    }

    @Test
    void copiesAreSyncedOnceInBatchesBeforeTheyAppear() throws Exception {
        assumeTrue(syncfsTrusted(), "syncfs is not trusted for " + Files.getFileStore(dir).type() + " here");
        Recorder recorder = offload(true);
        int synced = 0;
        int largest = 0;
        for (Sync s : recorder.syncs) {
            assertTrue(s.publishedBefore() <= synced, "no copy under its final name before its sync: " + s
                    + " after " + synced + " synced copies");
            synced += s.copies();
            largest = Math.max(largest, s.copies());
        }
        assertEquals(2 * (SIDECARS + 1), synced, "every copy synced exactly once: " + recorder.syncs);
        assertTrue(largest >= 10, "the copies verified while the first sync waited form one batch: " + recorder.syncs);
    }

    @Test
    void whereSyncfsIsNotTrustedEveryCopyIsFsyncedByItsWriterAndNothingWaitsForABatch() throws Exception {
        Recorder recorder = offload(false);
        assertEquals(List.of(), recorder.syncs);
    }

    private Recorder offload(boolean syncfs) throws Exception {
        Path card = card();
        Recorder recorder = new Recorder(destinations(), syncfs);
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            JobSummary s = new OffloadEngine(Fixtures.SMALL.withHooks(recorder)).run(store,
                    OffloadRequest.of(card, destinations(), "A001"), TransferListener.NONE);
            assertEquals(JobState.DONE, s.state(), s.message());
            assertEquals(SIDECARS + 1, s.filesCopied());
        }
        TreeMap<String, String> expected = Fixtures.regularFiles(card);
        for (Path d : destinations()) {
            Fixtures.assertSameTree(expected, d);
        }
        return recorder;
    }

    /** Thrown by a hook in place of kill -9: nothing after it runs, the journal stays as it was. */
    static final class SimulatedKill extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedKill() {
            super("simulated kill -9");
        }
    }

    @Test
    void aCrashBeforeTheSyncLeavesOnlyTemporaryFilesAndTheResumeOnlyVerifiesThem() throws Exception {
        assumeTrue(syncfsTrusted(), "syncfs is not trusted for " + Files.getFileStore(dir).type() + " here");
        Path card = dir.resolve("card");
        for (int i = 0; i < 12; i++) {
            Fixtures.write(card.resolve("AUDIO/T" + i + ".xml"), Fixtures.bytes(1000 + i, i));
        }
        CountDownLatch verified = new CountDownLatch(24);
        EngineHooks kill = new EngineHooks() {
            @Override
            public void beforeVerify(int destination, String rel, Path copy, int attempt) {
                verified.countDown();
            }

            @Override
            public void beforeSync(int destination, int copies) {
                try {
                    verified.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new SimulatedKill();
            }
        };
        OffloadRequest request = OffloadRequest.of(card, destinations(), "A001");
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            assertThrows(SimulatedKill.class, () -> new OffloadEngine(Fixtures.SMALL.withHooks(kill)).run(store,
                    request, TransferListener.NONE));
            for (Path d : destinations()) {
                assertEquals(List.of(), List.copyOf(Fixtures.regularFiles(d).keySet().stream()
                        .filter(p -> !p.startsWith(".") && !p.contains("/.")).toList()),
                        "nothing under a final name before it was synced on " + d);
                assertEquals(12, Fixtures.tempFiles(d).size(), "the verified copies wait as temporary files");
            }
        }
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            OffloadEngine engine = new OffloadEngine(Fixtures.SMALL);
            long job = engine.findResumable(store, request).orElseThrow();
            JobSummary resumed = engine.resume(store, job, TransferListener.NONE);
            assertEquals(JobState.DONE, resumed.state(), resumed.message());
            assertEquals(12, resumed.filesCopied());
            assertEquals(0, engine.sourceStats().filesOpened(), "complete copies are verified, the card not read");
            TreeMap<String, String> expected = Fixtures.regularFiles(card);
            for (Path d : destinations()) {
                Fixtures.assertSameTree(expected, d);
            }
        }
    }

    @Test
    void aFailingSyncFailsThatDestinationAloneAndTheRunAfterCompletesIt() throws Exception {
        assumeTrue(syncfsTrusted(), "syncfs is not trusted for " + Files.getFileStore(dir).type() + " here");
        Path card = card();
        AtomicInteger failedSyncs = new AtomicInteger();
        EngineHooks failing = new EngineHooks() {
            @Override
            public void beforeSync(int destination, int copies) throws IOException {
                if (destination == 1) {
                    failedSyncs.incrementAndGet();
                    throw new IOException("Input/output error");
                }
            }
        };
        OffloadRequest request = OffloadRequest.of(card, destinations(), "A001");
        Path bad = destinations().get(1);
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            JobSummary s = new OffloadEngine(Fixtures.SMALL.withHooks(failing)).run(store, request,
                    TransferListener.NONE);
            assertEquals(JobState.FAILED, s.state(), s.message());
            assertEquals(1, failedSyncs.get(), "a failed destination is not synced again");
            assertEquals(DestinationState.DONE, s.destinations().get(0).state());
            assertEquals(DestinationState.FAILED, s.destinations().get(1).state());
            assertEquals("Destination " + bad + " failed while making copies durable: Input/output error. Check the "
                    + "drive, then run the same command again to resume.", s.destinations().get(1).reason());
            Fixtures.assertSameTree(Fixtures.regularFiles(card), destinations().get(0));
            assertTrue(Fixtures.regularFiles(bad).keySet().stream().noneMatch(p -> !p.contains("/.")),
                    "no unsynced copy under its final name: " + Fixtures.regularFiles(bad).keySet());
        }
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            OffloadEngine engine = new OffloadEngine(Fixtures.SMALL);
            JobSummary again = engine.run(store, request, TransferListener.NONE);
            assertEquals(JobState.DONE, again.state(), again.message());
            for (Path d : destinations()) {
                Fixtures.assertSameTree(Fixtures.regularFiles(card), d);
            }
        }
    }
}
