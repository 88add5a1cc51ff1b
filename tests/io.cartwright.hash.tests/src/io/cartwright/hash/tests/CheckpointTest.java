/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.hash.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.HashValue;
import io.cartwright.hash.Hashers;
import io.cartwright.hash.MultiHasher;
import io.cartwright.hash.StreamingHasher;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Save a running hash, rebuild it, continue: the result equals the uninterrupted hash. Bad states
 * are refused with a message that says what is wrong.
 */
class CheckpointTest {

    private static final int LENGTH = 1_000_003;
    /** Split points: empty prefix, inside a block, on block/stripe boundaries, deep in the data. */
    private static final int[] SPLITS = { 0, 1, 63, 64, 240, 241, 1024, 4099, 65536, 500_001, LENGTH };

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void restoredHasherContinuesExactly(HashAlgorithm algorithm) {
        byte[] data = TestData.random(LENGTH);
        String expected = Hashers.hash(algorithm, data).text();
        for (int split : SPLITS) {
            StreamingHasher first = Hashers.create(algorithm);
            Feeder.feed(Feeder.Sink.of(first), data, 0, split, 4093);
            byte[] state = first.state();

            StreamingHasher resumed = Hashers.restore(algorithm, state);
            assertEquals(algorithm, resumed.algorithm());
            assertEquals(split, resumed.length(), "restored length");
            assertEquals(first.value(), resumed.value(), "restored value before continuing");
            Feeder.feed(Feeder.Sink.of(resumed), data, split, LENGTH, 65537);
            assertEquals(LENGTH, resumed.length());
            assertEquals(expected, resumed.value().text(), algorithm.id() + " resumed at " + split);

            // The original is independent of the copy and can also continue.
            first.update(data, split, LENGTH - split);
            assertEquals(expected, first.value().text());
        }
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void valueAndStateDoNotDisturbTheStream(HashAlgorithm algorithm) {
        byte[] data = TestData.random(100_000);
        StreamingHasher h = Hashers.create(algorithm);
        for (int off = 0; off < data.length; off += 9_999) {
            int len = Math.min(9_999, data.length - off);
            h.update(data, off, len);
            h.value();
            h.state();
            assertEquals(Hashers.hash(algorithm, Arrays.copyOf(data, off + len)), h.value());
        }
        assertEquals(Hashers.hash(algorithm, data), h.value());
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void restoreChainAcrossManyCheckpoints(HashAlgorithm algorithm) {
        byte[] data = TestData.random(300_007);
        byte[] state = Hashers.create(algorithm).state();
        for (int off = 0; off < data.length; off += 30_011) {
            StreamingHasher h = Hashers.restore(algorithm, state);
            h.update(data, off, Math.min(30_011, data.length - off));
            state = h.state();
        }
        assertEquals(Hashers.hash(algorithm, data), Hashers.restore(algorithm, state).value());
    }

    @Test
    void multiHasherCheckpointRestore() {
        List<HashAlgorithm> all = List.of(HashAlgorithm.C4, HashAlgorithm.XXH3_64, HashAlgorithm.MD5,
                HashAlgorithm.XXH3_128, HashAlgorithm.SHA256, HashAlgorithm.XXH64, HashAlgorithm.SHA1);
        byte[] data = TestData.random(LENGTH);
        MultiHasher whole = new MultiHasher(all);
        whole.update(data, 0, data.length);
        Map<HashAlgorithm, HashValue> expected = whole.values();
        for (int split : SPLITS) {
            MultiHasher first = new MultiHasher(all);
            Feeder.feed(Feeder.Sink.of(first), data, 0, split, 4096);
            MultiHasher resumed = MultiHasher.restore(first.checkpoint());
            assertEquals(List.copyOf(all), List.copyOf(resumed.algorithms()), "order kept");
            assertEquals(split, resumed.length());
            Feeder.feed(Feeder.Sink.of(resumed), data, split, LENGTH, 65537);
            assertEquals(LENGTH, resumed.length());
            assertEquals(expected, resumed.values(), "resumed at " + split);
            assertEquals(List.copyOf(all), List.copyOf(resumed.values().keySet()), "values() order");
        }
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void stateOfAnotherAlgorithmIsRefused(HashAlgorithm algorithm) {
        StreamingHasher h = Hashers.create(algorithm);
        h.update(new byte[100], 0, 100);
        byte[] state = h.state();
        for (HashAlgorithm other : HashAlgorithm.values()) {
            if (other != algorithm) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> Hashers.restore(other, state));
                assertTrue(e.getMessage().contains(algorithm.id()) && e.getMessage().contains(other.id()),
                        "message names both algorithms: " + e.getMessage());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void corruptStatesAreRefused(HashAlgorithm algorithm) {
        StreamingHasher h = Hashers.create(algorithm);
        h.update(TestData.random(5000), 0, 5000);
        byte[] state = h.state();

        assertRefused(algorithm, new byte[0], "too short");
        assertRefused(algorithm, Arrays.copyOf(state, state.length - 1), "checksum");
        assertRefused(algorithm, Arrays.copyOf(state, state.length + 1), "checksum");
        for (int i = 0; i < state.length; i += Math.max(1, state.length / 40)) {
            byte[] flipped = state.clone();
            flipped[i] ^= 0x10;
            assertRefused(algorithm, flipped, null);
        }
        byte[] garbage = new byte[state.length];
        new SplittableRandom(42).nextBytes(garbage);
        assertRefused(algorithm, garbage, "Not a Cartwright hash state");
        // A multi-hash checkpoint is not a single hasher state, and vice versa.
        assertRefused(algorithm, new MultiHasher(List.of(algorithm)).checkpoint(), "multi-hash checkpoint");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MultiHasher.restore(state));
        assertTrue(e.getMessage().contains("single hash state"), e.getMessage());
    }

    @Test
    void corruptMultiCheckpointsAreRefused() {
        MultiHasher m = new MultiHasher(List.of(HashAlgorithm.XXH3_64, HashAlgorithm.MD5));
        m.update(new byte[12345], 0, 12345);
        byte[] cp = m.checkpoint();
        assertThrows(IllegalArgumentException.class, () -> MultiHasher.restore(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> MultiHasher.restore(Arrays.copyOf(cp, cp.length - 7)));
        for (int i = 0; i < cp.length; i += 5) {
            byte[] flipped = cp.clone();
            flipped[i] ^= 0x01;
            assertThrows(IllegalArgumentException.class, () -> MultiHasher.restore(flipped), "flip at " + i);
        }
        byte[] garbage = new byte[cp.length];
        new SplittableRandom(7).nextBytes(garbage);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MultiHasher.restore(garbage));
        assertTrue(e.getMessage().contains("Not a Cartwright multi-hash checkpoint"), e.getMessage());
    }

    private static void assertRefused(HashAlgorithm algorithm, byte[] state, String messagePart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Hashers.restore(algorithm, state));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        if (messagePart != null) {
            assertTrue(e.getMessage().contains(messagePart), "expected '" + messagePart + "' in: " + e.getMessage());
        }
    }
}
