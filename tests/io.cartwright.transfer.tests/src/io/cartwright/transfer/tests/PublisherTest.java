/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.transfer.internal.NativeIo;

/** The native helpers the engine relies on do what they claim on this platform. */
class PublisherTest {

    @TempDir
    Path dir;

    @Test
    void dropsTheCachedPagesOfAFile() throws Exception {
        Path f = Fixtures.write(dir.resolve("caf\u00e9 file.bin"), Fixtures.bytes(100_000, 1));
        assertTrue(NativeIo.INSTANCE.canDropCache(), "JNA and libc are available on Linux");
        assertTrue(NativeIo.INSTANCE.dropCachedPages(f), "posix_fadvise succeeded on a non-ASCII name");
        assertArrayEquals(Fixtures.bytes(100_000, 1), Files.readAllBytes(f));
    }
}
