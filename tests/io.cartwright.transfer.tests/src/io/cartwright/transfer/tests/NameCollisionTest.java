/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.store.Store;
import io.cartwright.transfer.JobState;
import io.cartwright.transfer.JobSummary;
import io.cartwright.transfer.OffloadRequest;
import io.cartwright.transfer.Problem;
import io.cartwright.transfer.TransferListener;
import io.cartwright.transfer.internal.DestinationTraits;
import io.cartwright.transfer.internal.EngineHooks;
import io.cartwright.transfer.internal.OffloadEngine;

/**
 * Names that differ only in case or Unicode normalisation: copied where the destination keeps them
 * apart, failed (never overwritten) where it would not.
 */
class NameCollisionTest {

    @TempDir
    Path dir;

    @Test
    void theSecondNameFailsOnACaseInsensitiveDestinationOnly() throws Exception {
        Path card = dir.resolve("card");
        Fixtures.write(card.resolve("c/Clip.MOV"), Fixtures.bytes(1000, 1));
        Fixtures.write(card.resolve("c/clip.mov"), Fixtures.bytes(1001, 2));
        Fixtures.write(card.resolve("c/caf\u00e9.txt"), Fixtures.bytes(10, 3));
        Fixtures.write(card.resolve("c/cafe\u0301.txt"), Fixtures.bytes(11, 4));
        Fixtures.write(card.resolve("D/x.txt"), Fixtures.bytes(12, 5));
        Fixtures.write(card.resolve("d/y.txt"), Fixtures.bytes(13, 6));
        Path exact = dir.resolve("ext4");
        Path exfat = dir.resolve("exfat");
        // The test filesystem is case-sensitive; the second destination is made to behave like exFAT.
        EngineHooks likeExfat = new EngineHooks() {
            @Override
            public DestinationTraits traits(Path root, DestinationTraits probed) {
                assertEquals(DestinationTraits.EXACT, probed, "the probe sees this filesystem as exact");
                return root.equals(exfat) ? new DestinationTraits(true, false) : probed;
            }
        };
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            JobSummary s = new OffloadEngine(Fixtures.SMALL.withHooks(likeExfat)).run(store,
                    OffloadRequest.of(card, List.of(exact, exfat), "A001"), TransferListener.NONE);
            assertEquals(JobState.FAILED, s.state());
            Fixtures.assertSameTree(Fixtures.regularFiles(card), exact);
            assertEquals(Fixtures.xxh3(card.resolve("c/Clip.MOV")), Fixtures.xxh3(exfat.resolve("c/Clip.MOV")));
            assertFalse(Fixtures.exists(exfat.resolve("c/clip.mov")));
            assertFalse(Fixtures.exists(exfat.resolve("d/y.txt")), "a file in a colliding folder fails too");
            assertTrue(Fixtures.exists(exfat.resolve("c/cafe\u0301.txt")) && Fixtures.exists(exfat.resolve(
                    "c/caf\u00e9.txt")), "exFAT does not normalise: both spellings copied");
            assertEquals(List.of("c/clip.mov", "d/y.txt"), s.failures().stream().map(Problem::path).toList());
            assertEquals("Not copied to " + exfat + ": 'clip.mov' and 'Clip.MOV' in folder 'c' differ only in case, "
                    + "and that destination ignores case in names, so one would overwrite the other. Copy it to a "
                    + "destination that compares names exactly.", s.failures().get(0).reason());
            assertTrue(s.failures().get(1).reason().contains("'d' and 'D' in the card's top folder differ only in case"),
                    s.failures().get(1).reason());
            assertTrue(s.warnings().stream().anyMatch(w -> w.path().equals("c/caf\u00e9.txt")
                    && w.reason().startsWith("'caf\u00e9.txt' (NFC) and 'cafe\u0301.txt' (NFD) differ only in Unicode "
                            + "normalisation (NFC/NFD). Both were copied")), s.warnings().toString());
        }
    }
}
