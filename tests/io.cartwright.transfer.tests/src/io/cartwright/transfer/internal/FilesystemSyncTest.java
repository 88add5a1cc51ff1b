/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * syncfs stands in for the fsyncs of a batch only where the kernel reports write errors from it and
 * the filesystem flushes what it holds; two folders of one filesystem share the call.
 */
class FilesystemSyncTest {

    @TempDir
    Path dir;

    @Test
    void onlyKernelsFromLinux58OnReportSyncfsErrors() {
        assertFalse(FilesystemSync.kernelReportsErrors("4.19.0-27-amd64"));
        assertFalse(FilesystemSync.kernelReportsErrors("5.4.0-150-generic"));
        assertFalse(FilesystemSync.kernelReportsErrors("5.7.19"));
        assertTrue(FilesystemSync.kernelReportsErrors("5.8.0"));
        assertTrue(FilesystemSync.kernelReportsErrors("5.15.0-91-generic"));
        assertTrue(FilesystemSync.kernelReportsErrors("6.1.0-18-amd64"));
        assertTrue(FilesystemSync.kernelReportsErrors("10.0"));
        assertFalse(FilesystemSync.kernelReportsErrors(""));
        assertFalse(FilesystemSync.kernelReportsErrors("unknown"));
    }

    @Test
    void foldersOfOneTrustedFilesystemShareItsDeviceAndSyncfsRuns() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b/c"));
        String type = Files.getFileStore(dir).type().toLowerCase(Locale.ROOT);
        boolean linux58 = FilesystemSync.kernelReportsErrors(System.getProperty("os.version"))
                && System.getProperty("os.name").startsWith("Linux");
        boolean expected = linux58 && (type.equals("ext4") || type.equals("xfs") || type.equals("btrfs")
                || type.equals("tmpfs"));
        Long device = FilesystemSync.device(a);
        assertEquals(expected, device != null, "filesystem " + type);
        assertEquals(device, FilesystemSync.device(b));
        if (device != null) {
            assertTrue(NativeIo.INSTANCE.syncFilesystem(b));
        }
    }
}
