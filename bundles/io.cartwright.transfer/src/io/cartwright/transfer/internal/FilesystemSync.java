/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Whether one {@code syncfs} of a destination's filesystem can stand in for an fsync of every copy
 * written there, and which destinations share a filesystem (one call serves them all). Only where
 * the kernel reports write errors from it (Linux 5.8 and later; before, a failed write-back went
 * unnoticed) and the filesystem is a local one whose sync commits its journal and flushes the drive
 * (ext4, ext3, XFS, Btrfs, F2FS; tmpfs has nothing to flush). FUSE drivers such as exFAT's and
 * network filesystems are not flushed by it: their copies get an fsync each.
 */
final class FilesystemSync {

    private static final Set<String> TRUSTED = Set.of("ext4", "ext3", "xfs", "btrfs", "f2fs", "tmpfs");
    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");

    private FilesystemSync() {
    }

    /** The device number of the filesystem under {@code root} if a syncfs of it can be trusted, else null. */
    static @Nullable Long device(Path root) {
        if (!System.getProperty("os.name", "").startsWith("Linux")
                || !kernelReportsErrors(System.getProperty("os.version", ""))) {
            return null;
        }
        try {
            String type = Files.getFileStore(root).type().toLowerCase(Locale.ROOT);
            if (!TRUSTED.contains(type)) {
                return null;
            }
            return Files.getAttribute(root, "unix:dev") instanceof Long dev ? dev : null;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    /** True for a Linux release from 5.8 on, whose syncfs returns write-back errors. */
    static boolean kernelReportsErrors(String osVersion) {
        Matcher m = VERSION.matcher(osVersion);
        if (!m.find()) {
            return false;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        return major > 5 || major == 5 && minor >= 8;
    }
}
