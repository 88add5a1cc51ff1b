/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's remembered block sizes give the filesystem's own answer, and a failure is not remembered. */
class BlockSizesTest {

    @TempDir
    Path dir;

    @Test
    void answersAsTheFilesystemDoesForEveryFileOfADevice() throws Exception {
        Path a = Files.writeString(dir.resolve("a.mov"), "a");
        Path b = Files.writeString(Files.createDirectories(dir.resolve("sub/deeper")).resolve("b.xml"), "b");
        int expected = DirectIo.blockSize(a);
        assertTrue(expected > 0, "the test folder's filesystem reports a block size: " + expected);
        BlockSizes sizes = new BlockSizes();
        assertEquals(expected, sizes.of(a));
        assertEquals(expected, sizes.of(b), "same device, same answer");
        assertEquals(0, sizes.of(dir.resolve("vanished.mov")), "a file that is gone: no O_DIRECT, no exception");
        assertEquals(expected, sizes.of(a), "the failure did not replace what is known");
        Path later = Files.writeString(dir.resolve("later.mov"), "c");
        assertEquals(expected, new BlockSizes().of(later), "a new run asks the filesystem again");
    }
}
