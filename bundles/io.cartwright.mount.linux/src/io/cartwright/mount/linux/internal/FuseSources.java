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

    /*
     * A driver that forks into the background (fusefat, most libfuse drivers) mounts in its first
     * process and lets that exit once the daemon child runs. A scan that lists /proc between the two
     * sees only the first, already gone when its arguments are read; a second look finds the child.
     */
    private static final int LOOKS = 10;
    private static final long PAUSE_MILLIS = 10;

    private final Path proc;
    private final int looks;
    private final long pauseMillis;

    FuseSources(Path proc) {
        this(proc, LOOKS, PAUSE_MILLIS);
    }

    FuseSources(Path proc, int looks, long pauseMillis) {
        this.proc = proc;
        this.looks = looks;
        this.pauseMillis = pauseMillis;
    }

    /** What one look at the processes found: a driver with the mount point, and the source it names. */
    private record Look(boolean driverSeen, Optional<Path> source) {
    }

    /** The device node or image file the FUSE driver for {@code mountPoint} was started with. */
    Optional<Path> served(Path mountPoint) {
        String mp = mountPoint.toString();
        for (int look = 1;; look++) {
            Look l = look(mp);
            if (l.driverSeen() || look == looks) {
                return l.source(); // a driver naming no device or image will not name one later
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    private Look look(String mp) {
        boolean driverSeen = false;
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, p -> p.getFileName().toString().chars()
                .allMatch(Character::isDigit))) {
            for (Path pid : pids) {
                List<String> args = arguments(pid.resolve("cmdline"));
                if (args.size() < 2 || !args.subList(1, args.size()).contains(mp)) {
                    continue;
                }
                driverSeen = true;
                for (String a : args.subList(1, args.size())) {
                    if (a.equals(mp) || !a.startsWith("/")) {
                        continue;
                    }
                    Path candidate = Path.of(a);
                    if (a.startsWith("/dev/") || Files.isRegularFile(candidate)) {
                        return new Look(true, Optional.of(candidate));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // /proc could not be listed to the end: what was seen so far is the answer
        }
        return new Look(driverSeen, Optional.empty());
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
