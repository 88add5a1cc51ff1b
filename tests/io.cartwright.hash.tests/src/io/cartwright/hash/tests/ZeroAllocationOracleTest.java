/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.hash.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.Hashers;
import io.cartwright.hash.StreamingHasher;
import java.util.HexFormat;
import net.openhft.hashing.LongHashFunction;
import net.openhft.hashing.LongTupleHashFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A second, independent Java implementation of the xxHash family (OpenHFT zero-allocation-hashing,
 * one-shot only) agrees with our streaming hash4j-based hashers on the same data.
 */
class ZeroAllocationOracleTest {

    private static final HexFormat HEX = HexFormat.of();

    /** A 64-bit xxHash value's canonical text: big-endian, i.e. the number in 16 hex digits. */
    private static String hex64(long v) {
        return HEX.toHexDigits(v);
    }

    @ParameterizedTest(name = "{0} bytes")
    @MethodSource("io.cartwright.hash.tests.TestData#lengths")
    void xxh3_64(int length) {
        byte[] data = TestData.random(length);
        String expected = hex64(LongHashFunction.xx3().hashBytes(data));
        assertEquals(expected, Hashers.hash(HashAlgorithm.XXH3_64, data).text());
        assertEquals(expected, streamed(HashAlgorithm.XXH3_64, data));
    }

    @ParameterizedTest(name = "{0} bytes")
    @MethodSource("io.cartwright.hash.tests.TestData#lengths")
    void xxh3_128(int length) {
        byte[] data = TestData.random(length);
        // OpenHFT returns {low 64 bits, high 64 bits}; the canonical text is high then low.
        long[] lowHigh = LongTupleHashFunction.xx128().hashBytes(data);
        String expected = hex64(lowHigh[1]) + hex64(lowHigh[0]);
        assertEquals(expected, Hashers.hash(HashAlgorithm.XXH3_128, data).text());
        assertEquals(expected, streamed(HashAlgorithm.XXH3_128, data));
        // Its low half is XXH3-128's documented "low64", which OpenHFT also offers on its own.
        assertEquals(lowHigh[0], LongHashFunction.xx128low().hashBytes(data));
    }

    @ParameterizedTest(name = "{0} bytes")
    @MethodSource("io.cartwright.hash.tests.TestData#lengths")
    void xxh64(int length) {
        byte[] data = TestData.random(length);
        String expected = hex64(LongHashFunction.xx().hashBytes(data));
        assertEquals(expected, Hashers.hash(HashAlgorithm.XXH64, data).text());
        assertEquals(expected, streamed(HashAlgorithm.XXH64, data));
    }

    private static String streamed(HashAlgorithm algorithm, byte[] data) {
        StreamingHasher h = Hashers.create(algorithm);
        Feeder.feed(Feeder.Sink.of(h), data, 4093);
        return h.value().text();
    }
}
