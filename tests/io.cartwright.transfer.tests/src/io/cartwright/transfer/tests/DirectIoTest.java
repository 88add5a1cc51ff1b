/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.store.Store;
import io.cartwright.transfer.JobState;
import io.cartwright.transfer.JobSummary;
import io.cartwright.transfer.OffloadRequest;
import io.cartwright.transfer.TransferListener;
import io.cartwright.transfer.internal.EngineHooks;
import io.cartwright.transfer.internal.EngineSettings;
import io.cartwright.transfer.internal.NativeIo;
import io.cartwright.transfer.internal.OffloadEngine;

/**
 * The card is read and the copies written with O_DIRECT where the filesystem allows (here: the test
 * folder's ext4), so neither passes through the page cache; sizes around the block size and buffer
 * size, whose tails go through the page cache, come out identical either way.
 */
class DirectIoTest {

    private static final int MIB = 1 << 20;

    /** Turns O_DIRECT off: everything goes through the page cache, as on filesystems without it. */
    private static final EngineHooks OFF = new EngineHooks() {
        @Override
        public boolean directIo(Path path, boolean supported) {
            return false;
        }
    };

    @TempDir
    Path dir;

    /**
     * Sizes at and around the 4 KiB block, the 64 KiB test buffer and the 128 KiB half of the test's
     * verify buffer (the unit of its read ahead), plus multi-MiB clips.
     */
    private Path card() throws IOException {
        Path card = dir.resolve("card");
        int[] sizes = {0, 1, 4095, 4096, 4097, 65535, 65536, 65537, 3 * MIB + 4096, 5 * MIB + 777, // f9: the clip
            131071, 131072, 131073, 262145};
        for (int i = 0; i < sizes.length; i++) {
            Fixtures.write(card.resolve("f" + i + ".bin"), Fixtures.bytes(sizes[i], 40 + i));
        }
        return card;
    }

    @Test
    void copiesAreIdenticalWithAndWithoutDirectIo() throws Exception {
        Path card = card();
        Map<String, Boolean> asked = new ConcurrentHashMap<>();
        EngineHooks record = new EngineHooks() {
            @Override
            public boolean directIo(Path path, boolean supported) {
                asked.put(path.getFileName().toString(), supported);
                return supported;
            }
        };
        TreeMap<String, String> expected = Fixtures.regularFiles(card);
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            for (EngineSettings settings : List.of(Fixtures.SMALL.withHooks(record), EngineSettings.DEFAULT
                    .withHooks(record), Fixtures.SMALL.withHooks(OFF))) {
                Path d1 = dir.resolve("out-" + settings.bufferSize() + "-" + (settings.hooks() == OFF) + "/d1");
                Path d2 = d1.resolveSibling("d2");
                JobSummary s = new OffloadEngine(settings).run(store,
                        OffloadRequest.of(card, List.of(d1, d2), "card-" + d1.getParent().getFileName()),
                        TransferListener.NONE);
                assertEquals(JobState.DONE, s.state(), s.message());
                Fixtures.assertSameTree(expected, d1);
                Fixtures.assertSameTree(expected, d2);
                assertEquals(List.of(), Fixtures.tempFiles(d1));
            }
        }
        assertEquals(Boolean.TRUE, asked.get("d1"), "ext4 takes O_DIRECT writes: " + asked);
        assertEquals(Boolean.TRUE, asked.get("f9.bin"), "ext4 takes O_DIRECT reads: " + asked);
    }

    @Test
    void directIoLeavesTheCardAndTheCopiesOutOfThePageCache() throws Exception {
        Path card = card();
        Path clip = card.resolve("f9.bin");
        assertTrue(NativeIo.INSTANCE.dropCachedPages(clip), "needs posix_fadvise");
        Path buffered = dir.resolve("buffered/d1");
        Path direct = dir.resolve("direct/d1");
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            JobSummary s = new OffloadEngine(EngineSettings.DEFAULT).run(store,
                    OffloadRequest.of(card, List.of(direct), "direct"), TransferListener.NONE);
            assertEquals(JobState.DONE, s.state(), s.message());
            long cardResident = residentBytes(clip);
            long copyResident = residentBytes(direct.resolve("f9.bin"));
            s = new OffloadEngine(EngineSettings.DEFAULT.withHooks(OFF)).run(store,
                    OffloadRequest.of(card, List.of(buffered), "buffered"), TransferListener.NONE);
            assertEquals(JobState.DONE, s.state(), s.message());
            long bufferedResident = residentBytes(buffered.resolve("f9.bin"));
            // Only the unaligned tail (777 bytes: one page) may pass through the cache.
            assertTrue(cardResident <= 2 * 4096, "card pages cached: " + cardResident);
            assertTrue(copyResident <= 2 * 4096, "copy pages cached: " + copyResident);
            // The same copy written through the page cache stays there: the check above can fail.
            assertTrue(bufferedResident > MIB, "buffered copy pages cached: " + bufferedResident);
        }
    }

    /** Bytes of {@code file} in the page cache, from util-linux's fincore. */
    private static long residentBytes(Path file) throws Exception {
        Process p = new ProcessBuilder("fincore", "--bytes", "--noheadings", "--output", "RES", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        return Long.parseLong(out);
    }
}
