/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.store.Store;
import io.cartwright.transfer.DestinationProgress;
import io.cartwright.transfer.JobState;
import io.cartwright.transfer.JobSummary;
import io.cartwright.transfer.OffloadRequest;
import io.cartwright.transfer.internal.OffloadEngine;

/** The per-destination write limit holds approximately, and progress reports the rate and ETA. */
class RateLimitTest {

    private static final int MIB = 1 << 20;

    @TempDir
    Path dir;

    @Test
    void writesAreHeldToTheLimitOfEachDestination() throws Exception {
        Path card = dir.resolve("card");
        Fixtures.write(card.resolve("clip.mov"), Fixtures.bytes(2 * MIB, 1));
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            AcceptanceCardTest.Recorder events = new AcceptanceCardTest.Recorder();
            long start = System.nanoTime();
            JobSummary s = new OffloadEngine(Fixtures.SMALL).run(store, OffloadRequest.of(card,
                    List.of(dir.resolve("d1"), dir.resolve("d2")), "A001").withWriteLimit(MIB), events);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(JobState.DONE, s.state(), s.message());
            // 2 MiB at 1 MiB/s: the first 64 KiB chunk goes at once, the rest takes about 1.94 s.
            assertTrue(seconds >= 1.8, "took " + seconds + " s");
            assertTrue(seconds < 6, "took " + seconds + " s");
            System.out.printf("[RateLimitTest] 2 MiB to two destinations limited to 1 MiB/s each: %.2f s%n", seconds);
            for (int d = 0; d < 2; d++) {
                DestinationProgress p = events.lastProgress.get(d);
                assertEquals(2L * MIB, p.bytesDone());
                assertEquals(2L * MIB, p.bytesTotal());
                assertEquals(0, p.etaSeconds());
                assertEquals(1, p.filesDone());
                assertTrue(p.bytesPerSecond() > 0.8 * MIB && p.bytesPerSecond() < 1.2 * MIB,
                        "rate " + p.bytesPerSecond());
            }
        }
    }
}
