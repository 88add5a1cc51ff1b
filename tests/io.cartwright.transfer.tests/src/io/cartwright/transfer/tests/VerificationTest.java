/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.core.ExitCode;
import io.cartwright.store.Store;
import io.cartwright.transfer.JobState;
import io.cartwright.transfer.JobSummary;
import io.cartwright.transfer.OffloadRequest;
import io.cartwright.transfer.Problem;
import io.cartwright.transfer.TransferListener;
import io.cartwright.transfer.VerifiedFile;
import io.cartwright.transfer.VerifyMode;
import io.cartwright.transfer.internal.EngineHooks;
import io.cartwright.transfer.internal.OffloadEngine;
import io.cartwright.transfer.internal.VerifyPreference;

/** Destination copies are re-read from the device and compared; a bad copy is retried, then failed. */
class VerificationTest {

    @TempDir
    Path dir;

    private static void flipByte(Path file, long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x40);
            raf.getFD().sync();
        }
    }

    private Path card() throws IOException {
        Path card = dir.resolve("card");
        Fixtures.write(card.resolve("clip.mov"), Fixtures.bytes(700_000, 1));
        Fixtures.write(card.resolve("other.wav"), Fixtures.bytes(5000, 2));
        return card;
    }

    @Test
    void aFlippedByteInADestinationIsCaughtAndTheFileIsCopiedAgain() throws Exception {
        Path card = card();
        List<Path> dests = List.of(dir.resolve("d1"), dir.resolve("d2"));
        EngineHooks flipOnce = new EngineHooks() {
            @Override
            public void beforeVerify(int destination, String rel, Path copy, int attempt) throws IOException {
                if (destination == 1 && rel.equals("clip.mov") && attempt == 1) {
                    flipByte(copy, 123_456);
                }
            }
        };
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            OffloadEngine engine = new OffloadEngine(Fixtures.SMALL.withHooks(flipOnce));
            JobSummary s = engine.run(store, OffloadRequest.of(card, dests, "A001"), TransferListener.NONE);
            assertEquals(JobState.DONE, s.state(), s.message());
            assertEquals(2, s.filesCopied());
            assertEquals(3, engine.sourceStats().filesOpened(), "clip.mov was read from the source a second time");
            assertEquals(2, Fixtures.number(store, "SELECT attempts FROM transfer_file WHERE rel_path = 'clip.mov'"));
            List<String> mismatches = Fixtures.strings(store,
                    "SELECT detail FROM activity WHERE action = 'transfer.copy.mismatch'");
            assertEquals(1, mismatches.size());
            assertTrue(mismatches.get(0).contains("destination 1 " + dests.get(1))
                    && mismatches.get(0).contains("source xxh3:" + Fixtures.xxh3(card.resolve("clip.mov"))),
                    mismatches.get(0));
            TreeMap<String, String> expected = Fixtures.regularFiles(card);
            Fixtures.assertSameTree(expected, dests.get(0));
            Fixtures.assertSameTree(expected, dests.get(1));
        }
    }

    @Test
    void aDestinationThatKeepsCorruptingFailsAfterThreeReadsNamingItAndBothHashes() throws Exception {
        Path card = card();
        List<Path> dests = List.of(dir.resolve("d1"), dir.resolve("d2"));
        EngineHooks flipAlways = new EngineHooks() {
            @Override
            public void beforeVerify(int destination, String rel, Path copy, int attempt) throws IOException {
                if (destination == 1 && rel.equals("clip.mov")) {
                    flipByte(copy, 0);
                }
            }
        };
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            OffloadEngine engine = new OffloadEngine(Fixtures.SMALL.withHooks(flipAlways));
            JobSummary s = engine.run(store, OffloadRequest.of(card, dests, "A001"), TransferListener.NONE);
            assertEquals(JobState.FAILED, s.state());
            assertEquals(ExitCode.FAILED, s.exitCode());
            assertEquals(1, s.filesFailed());
            assertEquals(4, engine.sourceStats().filesOpened(), "three reads of clip.mov, one of other.wav");
            assertEquals(1, s.failures().size());
            Problem p = s.failures().get(0);
            assertEquals("clip.mov", p.path());
            String source = "xxh3:" + Fixtures.xxh3(card.resolve("clip.mov"));
            assertTrue(p.reason().startsWith("Verification failed 3 times on destination " + dests.get(1)
                    + ": source " + source + ", destination xxh3:"), p.reason());
            assertFalse(p.reason().contains("destination " + source), "the two hashes differ");
            assertFalse(Fixtures.exists(dests.get(1).resolve("clip.mov")), "no bad copy under the final name");
            assertEquals(List.of(), Fixtures.tempFiles(dests.get(1)));
            assertEquals(Fixtures.xxh3(card.resolve("clip.mov")), Fixtures.xxh3(dests.get(0).resolve("clip.mov")));
            assertEquals(List.of("failed"), Fixtures.strings(store,
                    "SELECT d.state FROM transfer_file_dest d JOIN transfer_file f ON f.id = d.file "
                            + "WHERE f.rel_path = 'clip.mov' AND d.dest = 1"));
            assertEquals(List.of("done"), Fixtures.strings(store,
                    "SELECT d.state FROM transfer_file_dest d JOIN transfer_file f ON f.id = d.file "
                            + "WHERE f.rel_path = 'clip.mov' AND d.dest = 0"));
            // The primary copy is still verified and listed, marked incomplete.
            VerifiedFile clip = engine.verifiedFiles(store, s.jobId()).stream()
                    .filter(f -> f.relativePath().equals("clip.mov")).findFirst().orElseThrow();
            assertFalse(clip.complete());
            assertEquals(1, clip.copies().size());
        }
    }

    @Test
    void theReReadModeIsRecordedDirectByDefaultAndFadviseAsFallback() throws Exception {
        Path card = card();
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            JobSummary direct = new OffloadEngine(Fixtures.SMALL).run(store,
                    OffloadRequest.of(card, List.of(dir.resolve("direct")), "A"), TransferListener.NONE);
            JobSummary fadvise = new OffloadEngine(Fixtures.SMALL.withVerify(VerifyPreference.FADVISE_ONLY)).run(store,
                    OffloadRequest.of(card, List.of(dir.resolve("fadvise")), "B"), TransferListener.NONE);
            assertEquals(JobState.DONE, direct.state());
            assertEquals(JobState.DONE, fadvise.state());
            assertEquals(List.of("direct", "direct"), Fixtures.strings(store, "SELECT d.verify_mode FROM "
                    + "transfer_file_dest d JOIN transfer_file f ON f.id = d.file WHERE f.job = ?", direct.jobId()));
            assertEquals(List.of("fadvise", "fadvise"), Fixtures.strings(store, "SELECT d.verify_mode FROM "
                    + "transfer_file_dest d JOIN transfer_file f ON f.id = d.file WHERE f.job = ?", fadvise.jobId()));
            assertEquals(VerifyMode.FADVISE, new OffloadEngine().verifiedFiles(store, fadvise.jobId()).get(0).copies()
                    .get(0).mode());
            assertTrue(fadvise.warnings().isEmpty(), "fadvise is not a degraded mode: " + fadvise.warnings());
        }
    }
}
