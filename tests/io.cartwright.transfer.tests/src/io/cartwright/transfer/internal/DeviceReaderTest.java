/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.transfer.VerifyMode;

/**
 * The verifiers' device reader: the same hash as the bytes on disk whatever the file's size against
 * its request size, and a buffer that grows to what the files need instead of the bound up front.
 */
class DeviceReaderTest {

    private static final int BOUND = EngineSettings.DEFAULT.verifyBufferSize();

    @TempDir
    Path dir;

    @Test
    void hashesEveryByteOfFilesAroundEveryRequestBoundary() throws Exception {
        int half = BOUND / 2;
        long[] sizes = {0, 1, 4095, 4096, 4097, 30_000, (4 << 20) + 3, half - 1, half, half + 1, 2L * half + 512,
                3L * half + 7};
        DeviceReader reader = new DeviceReader(BOUND, VerifyPreference.DIRECT_FIRST, NativeIo.INSTANCE, new BlockSizes());
        Random random = new Random(42);
        for (long size : sizes) {
            byte[] bytes = new byte[(int) size];
            random.nextBytes(bytes);
            Path file = Files.write(dir.resolve("clip-" + size + ".mov"), bytes);
            DeviceReader.Result r = reader.hash(file, size, List.of(HashAlgorithm.SHA256));
            assertEquals(sha256(bytes), r.values().get(HashAlgorithm.SHA256).text(), size + " bytes");
            assertEquals(VerifyMode.DIRECT, r.mode(), "read around the page cache: " + size + " bytes");
            Files.delete(file);
        }
    }

    @Test
    void theBufferGrowsWithTheFilesUpToTheBound() throws Exception {
        DeviceReader reader = new DeviceReader(BOUND, VerifyPreference.DIRECT_FIRST, NativeIo.INSTANCE, new BlockSizes());
        assertEquals(0, reader.bufferCapacity(), "nothing allocated before the first file");
        Path sidecar = Files.write(dir.resolve("A001C001.xml"), new byte[30_000]);
        reader.hash(sidecar, 30_000, List.of(HashAlgorithm.XXH3_64));
        int small = reader.bufferCapacity();
        assertTrue(small > 0 && small <= 256 << 10, "a sidecar needs two small halves, not the bound: " + small);

        Path clip = Files.write(dir.resolve("A001C002.mov"), new byte[BOUND + 12_345]);
        reader.hash(clip, BOUND + 12_345, List.of(HashAlgorithm.XXH3_64));
        assertEquals(BOUND, reader.bufferCapacity(), "a clip larger than the bound uses all of it");
        reader.hash(sidecar, 30_000, List.of(HashAlgorithm.XXH3_64));
        assertEquals(BOUND, reader.bufferCapacity(), "and it is kept for the next clip");

        DeviceReader cached = new DeviceReader(BOUND, VerifyPreference.FADVISE_ONLY, NativeIo.INSTANCE, new BlockSizes());
        cached.hash(sidecar, 30_000, List.of(HashAlgorithm.XXH3_64));
        assertTrue(cached.bufferCapacity() <= 256 << 10, "the fallback read sizes its buffer too: "
                + cached.bufferCapacity());
    }

    @Test
    void aFileShorterThanExpectedIsAnError() throws Exception {
        Path clip = Files.write(dir.resolve("A001C003.mov"), new byte[100_000]);
        DeviceReader reader = new DeviceReader(BOUND, VerifyPreference.DIRECT_FIRST, NativeIo.INSTANCE, new BlockSizes());
        EOFException e = assertThrows(EOFException.class,
                () -> reader.hash(clip, 100_001, List.of(HashAlgorithm.XXH3_64)));
        assertTrue(e.getMessage().contains("expected 100001"), e.getMessage());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
