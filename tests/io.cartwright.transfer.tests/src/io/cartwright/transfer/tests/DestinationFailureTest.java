/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.store.Store;
import io.cartwright.transfer.DestinationState;
import io.cartwright.transfer.JobState;
import io.cartwright.transfer.JobSummary;
import io.cartwright.transfer.OffloadRequest;
import io.cartwright.transfer.Problem;
import io.cartwright.transfer.TransferListener;
import io.cartwright.transfer.internal.EngineHooks;
import io.cartwright.transfer.internal.OffloadEngine;

/**
 * A destination without room fails alone, with a message naming it and the space needed, while the
 * other destination completes; a later run fills it in.
 */
class DestinationFailureTest {

    private static final int MIB = 1 << 20;

    @TempDir
    Path dir;

    private Path card() throws IOException {
        Path card = dir.resolve("card");
        Fixtures.write(card.resolve("A/one.mov"), Fixtures.bytes(MIB, 1));
        Fixtures.write(card.resolve("A/two.mov"), Fixtures.bytes(MIB, 2));
        Fixtures.write(card.resolve("B/three.mov"), Fixtures.bytes(MIB, 3));
        return card;
    }

    @Test
    void aTooSmallDestinationFailsBeforeTheStartAndTheOtherCompletes() throws Exception {
        Path card = card();
        Path big = dir.resolve("big/A001");
        Path small = dir.resolve("small/A001");
        OffloadRequest request = OffloadRequest.of(card, List.of(big, small), "A001");
        EngineHooks smallDisk = new EngineHooks() {
            @Override
            public long usableSpace(Path root, long actual) {
                return root.equals(small) ? 12 * MIB / 10 : actual;
            }
        };
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            OffloadEngine engine = new OffloadEngine(Fixtures.SMALL.withHooks(smallDisk));
            JobSummary s = engine.run(store, request, TransferListener.NONE);
            assertEquals(JobState.FAILED, s.state());
            String expected = "Destination " + small + " has 1.2 MiB free but this offload needs 3.0 MiB more; "
                    + "free space or choose another destination.";
            assertEquals(List.of(new Problem(small.toString(), expected)), s.failures());
            assertEquals(DestinationState.FAILED, s.destinations().get(1).state());
            assertEquals(expected, s.destinations().get(1).reason());
            assertEquals(DestinationState.DONE, s.destinations().get(0).state());
            assertEquals(3, s.destinations().get(0).filesVerified());
            assertEquals(3, s.filesFailed(), "no file is on both destinations");
            assertEquals(0, s.destinations().get(1).bytesWritten());
            assertEquals(List.of("failed"), Fixtures.strings(store, "SELECT state FROM transfer_dest WHERE idx = 1"));
            TreeMap<String, String> files = Fixtures.regularFiles(card);
            Fixtures.assertSameTree(files, big);
            Fixtures.assertSameTree(new TreeMap<>(), small);
            assertEquals(List.of(), Fixtures.folders(small), "nothing created on a destination refused for space");
            assertEquals(3, engine.sourceStats().filesOpened(), "each file read once, for the big destination");

            // Space freed: the same command again fills the small destination only.
            OffloadEngine again = new OffloadEngine(Fixtures.SMALL);
            JobSummary r = again.resume(store, again.findResumable(store, request).orElseThrow(), TransferListener.NONE);
            assertEquals(JobState.DONE, r.state(), r.message());
            assertEquals(3, r.filesCopied());
            assertEquals(3L * MIB, r.destinations().get(1).bytesWritten());
            assertEquals(0, r.destinations().get(0).bytesWritten(), "nothing written again to the big one");
            Fixtures.assertSameTree(files, small);
        }
    }

    @Test
    void aDestinationThatFillsUpMidJobFailsAloneWithTheSpaceNeeded() throws Exception {
        Path card = card();
        Path good = dir.resolve("good");
        Path full = dir.resolve("full");
        AtomicLong written = new AtomicLong();
        EngineHooks fills = new EngineHooks() {
            @Override
            public void beforeDestinationWrite(int destination, String rel, long bytes) throws IOException {
                if (destination == 1 && written.addAndGet(bytes) > 3 * MIB / 2) {
                    throw new IOException("No space left on device");
                }
            }
        };
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            JobSummary s = new OffloadEngine(Fixtures.SMALL.withHooks(fills)).run(store,
                    OffloadRequest.of(card, List.of(good, full), "A001"), TransferListener.NONE);
            assertEquals(JobState.FAILED, s.state());
            assertEquals(DestinationState.FAILED, s.destinations().get(1).state());
            String reason = s.destinations().get(1).reason();
            assertTrue(reason.startsWith("Destination " + full + " has "), reason);
            assertTrue(reason.contains(" free but this offload needs 2.0 MiB more; free space or choose another "
                    + "destination. It filled up while writing A/two.mov."), reason);
            assertEquals(List.of(new Problem(full.toString(), reason)), s.failures());
            Fixtures.assertSameTree(Fixtures.regularFiles(card), good);
            TreeMap<String, String> onFull = new TreeMap<>();
            onFull.put("A/one.mov", Fixtures.xxh3(card.resolve("A/one.mov")));
            Fixtures.assertSameTree(onFull, full); // the partial copy of two.mov was removed
            assertEquals(2, s.filesFailed());
        }
    }

    @Test
    void everyDestinationFillingUpFailsTheJobWithBothNamedAndKeepsTheCard() throws Exception {
        Path card = card();
        Path d1 = dir.resolve("d1/A001");
        Path d2 = dir.resolve("d2/A001");
        // Both drives report "full" in the middle of the first file.
        EngineHooks full = new EngineHooks() {
            @Override
            public void beforeDestinationWrite(int destination, String rel, long bytes) throws IOException {
                if (rel.equals("A/one.mov")) {
                    throw new IOException("No space left on device");
                }
            }
        };
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            JobSummary s = new OffloadEngine(Fixtures.SMALL.withHooks(full)).run(store,
                    OffloadRequest.of(card, List.of(d1, d2), "A001"), TransferListener.NONE);
            assertEquals(JobState.FAILED, s.state(), s.message());
            assertEquals(DestinationState.FAILED, s.destinations().get(0).state());
            assertEquals(DestinationState.FAILED, s.destinations().get(1).state());
            for (int i = 0; i < 2; i++) {
                String reason = s.destinations().get(i).reason();
                assertTrue(reason.startsWith("Destination " + (i == 0 ? d1 : d2) + " has ")
                        && reason.endsWith("It filled up while writing A/one.mov."), reason);
            }
            assertEquals(3, s.filesFailed());
            assertEquals(List.of(), Fixtures.tempFiles(d1), "the partial copies are removed");
            assertEquals(List.of(), Fixtures.tempFiles(d2));
            assertEquals(3, Fixtures.regularFiles(card).size(), "the card is untouched");
        }
    }
}
