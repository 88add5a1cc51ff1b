/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.linux.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds what a FUSE filesystem without a block device number serves. {@code fuseblk} mounts
 * (exfat-fuse, ntfs-3g) carry the device's number in mountinfo; plain {@code fuse.*} mounts (fusefat,
 * exfat-fuse with some options) carry an anonymous number and often a driver name as source. The
 * driver's command line names the device or image and the mount point, so the process whose
 * arguments contain the mount point tells which device it serves.
 */
final class FuseSources {

    private final Path proc;

    FuseSources(Path proc) {
        this.proc = proc;
    }

    /** The device node or image file the FUSE driver for {@code mountPoint} was started with. */
    Optional<Path> served(Path mountPoint) {
        String mp = mountPoint.toString();
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, p -> p.getFileName().toString().chars()
                .allMatch(Character::isDigit))) {
            for (Path pid : pids) {
                List<String> args = arguments(pid.resolve("cmdline"));
                if (args.size() < 2 || !args.subList(1, args.size()).contains(mp)) {
                    continue;
                }
                for (String a : args.subList(1, args.size())) {
                    if (a.equals(mp) || !a.startsWith("/")) {
                        continue;
                    }
                    Path candidate = Path.of(a);
                    if (a.startsWith("/dev/") || Files.isRegularFile(candidate)) {
                        return Optional.of(candidate);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static List<String> arguments(Path cmdline) {
        List<String> out = new ArrayList<>();
        try {
            String all = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8);
            for (String a : all.split("\0")) {
                if (!a.isEmpty()) {
                    out.add(a);
                }
            }
        } catch (IOException e) {
            // the process ended meanwhile
        }
        return out;
    }
}
