/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.hash.tests;

import io.cartwright.hash.HashAlgorithm;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/** Deterministic pseudo-random test data, so a failure reproduces byte for byte. */
final class TestData {

    /**
     * Lengths around the engines' internal boundaries: XXH3's 16/128/240-byte short-input paths,
     * its 64-byte stripes and 1024-byte blocks, MD5/SHA's 64-byte blocks, and some large inputs.
     */
    static final int[] LENGTHS = { 0, 1, 3, 4, 8, 15, 16, 17, 63, 64, 65, 127, 128, 129, 239, 240, 241, 255, 256,
            1023, 1024, 1025, 4095, 4096, 65536, 1_000_003 };

    /** Chunk sizes for streaming: tiny, odd, page-sized, just over 64 KiB, 1 MiB. */
    static final int[] CHUNKS = { 1, 7, 4096, 65537, 1 << 20 };

    /** The algorithms that have a command-line oracle (all but C4). */
    static final List<HashAlgorithm> CLI_ALGORITHMS = Arrays.stream(HashAlgorithm.values())
            .filter(a -> a != HashAlgorithm.C4).toList();

    private TestData() {
    }

    static byte[] random(int length) {
        byte[] b = new byte[length];
        new SplittableRandom(0x5eed_0000L + length).nextBytes(b);
        return b;
    }

    static Stream<Integer> lengths() {
        return Arrays.stream(LENGTHS).boxed();
    }
}
