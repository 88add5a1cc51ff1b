/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.hash.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.HashValue;
import io.cartwright.hash.Hashers;
import io.cartwright.hash.MultiHasher;
import io.cartwright.hash.StreamingHasher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.EnumSource.Mode;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our values equal {@code xxhsum -H3/-H2/-H1}, {@code md5sum}, {@code sha1sum} and {@code sha256sum}
 * byte for byte, one-shot and streamed in odd chunks through every input path.
 */
class CliEqualityTest {

    @TempDir
    static Path dir;

    /** algorithm → length → expected hex from the command-line tool. */
    private static final Map<HashAlgorithm, Map<Integer, String>> EXPECTED = new EnumMap<>(HashAlgorithm.class);

    @BeforeAll
    static void runTools() throws IOException, InterruptedException {
        List<Path> files = new ArrayList<>();
        for (int length : TestData.LENGTHS) {
            files.add(Files.write(dir.resolve(fileName(length)), TestData.random(length)));
        }
        for (HashAlgorithm a : TestData.CLI_ALGORITHMS) {
            Map<String, String> byName = CliTools.hashFiles(a, files);
            Map<Integer, String> byLength = new HashMap<>();
            for (int length : TestData.LENGTHS) {
                byLength.put(length, byName.get(fileName(length)));
            }
            EXPECTED.put(a, byLength);
        }
    }

    private static String fileName(int length) {
        return "data-" + length + ".bin";
    }

    static Stream<Arguments> algorithmsAndLengths() {
        return TestData.CLI_ALGORITHMS.stream()
                .flatMap(a -> TestData.lengths().map(n -> Arguments.of(a, n)));
    }

    @ParameterizedTest(name = "{0} of {1} bytes")
    @MethodSource("algorithmsAndLengths")
    void oneShotEqualsTool(HashAlgorithm algorithm, int length) {
        HashValue v = Hashers.hash(algorithm, TestData.random(length));
        assertEquals(algorithm, v.algorithm());
        assertEquals(EXPECTED.get(algorithm).get(length), v.text());
    }

    @ParameterizedTest(name = "{0} of 1000003 bytes in chunks")
    @EnumSource(mode = Mode.EXCLUDE, names = "C4")
    void chunkedEqualsTool(HashAlgorithm algorithm) {
        for (int length : new int[] { 17, 241, 1025, 65536, 1_000_003 }) {
            byte[] data = TestData.random(length);
            for (int chunk : TestData.CHUNKS) {
                StreamingHasher h = Hashers.create(algorithm);
                Feeder.feed(Feeder.Sink.of(h), data, chunk);
                assertEquals(length, h.length());
                assertEquals(EXPECTED.get(algorithm).get(length), h.value().text(),
                        algorithm.id() + " of " + length + " bytes in chunks of " + chunk);
            }
        }
    }

    @Test
    void multiHasherInChunksEqualsTools() {
        int length = 1_000_003;
        byte[] data = TestData.random(length);
        for (int chunk : new int[] { 7, 4096, 65537 }) {
            MultiHasher m = new MultiHasher(TestData.CLI_ALGORITHMS);
            Feeder.feed(Feeder.Sink.of(m), data, chunk);
            assertEquals(length, m.length());
            for (HashAlgorithm a : TestData.CLI_ALGORITHMS) {
                assertEquals(EXPECTED.get(a).get(length), m.values().get(a).text(), a.id() + " chunk " + chunk);
            }
        }
    }

    @ParameterizedTest(name = "hashFile {0}")
    @EnumSource(mode = Mode.EXCLUDE, names = "C4")
    void hashFileEqualsTool(HashAlgorithm algorithm) throws IOException {
        for (int length : new int[] { 0, 129, 1_000_003 }) {
            assertEquals(EXPECTED.get(algorithm).get(length),
                    Hashers.hashFile(algorithm, dir.resolve(fileName(length))).text());
        }
    }
}
