/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.system.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real card: an exFAT filesystem in an image file, attached to a loop device and mounted through
 * the FUSE exFAT driver. Needs root and exfatprogs + exfat-fuse; tests using it are skipped with one
 * line saying so where they are missing (CI runs as root and has them).
 */
final class LoopCard implements AutoCloseable {

    private final Path image;
    private final Path mountPoint;
    private String device;

    private LoopCard(Path image, Path mountPoint) {
        this.image = image;
        this.mountPoint = mountPoint;
    }

    static void assumeAvailable() throws IOException, InterruptedException {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "needs root for losetup and mount (CI runs as root)");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/mkfs.exfat")) && Files.isExecutable(Path.of("/usr/sbin/mount.exfat-fuse")),
                "needs exfatprogs and exfat-fuse (releng/setup-debian.sh installs them)");
        assumeTrue(Files.exists(Path.of("/dev/fuse")), "needs /dev/fuse");
    }

    /** Makes a fresh exFAT image of {@code sizeMiB} with {@code label} and mounts it. */
    static LoopCard create(Path dir, String label, int sizeMiB) throws IOException, InterruptedException {
        return create(dir, label, sizeMiB, dir.resolve("mnt-" + label));
    }

    /** The same, mounted at {@code mountPoint} (as a desktop mounts a card at {@code /media/USER/LABEL}). */
    static LoopCard create(Path dir, String label, int sizeMiB, Path mountPoint) throws IOException, InterruptedException {
        assumeAvailable();
        Path image = dir.resolve(label + ".img");
        try (var raf = new java.io.RandomAccessFile(image.toFile(), "rw")) {
            raf.setLength((long) sizeMiB << 20);
        }
        sh("mkfs.exfat", "-L", label, image.toString());
        LoopCard card = new LoopCard(image, Files.createDirectories(mountPoint));
        card.attach();
        return card;
    }

    Path root() {
        return mountPoint;
    }

    /** Attaches the image again and mounts it at the same place (a card put back in the reader). */
    void attach() throws IOException, InterruptedException {
        device = sh("losetup", "-f", "--show", image.toString()).strip();
        sh("mount.exfat-fuse", device, mountPoint.toString());
    }

    /**
     * Pulls the card: kills the FUSE driver so every open read fails at once (a lazy unmount alone
     * would keep serving open files), then detaches mount and loop device.
     */
    void yank() throws IOException, InterruptedException {
        String pids = shAllowFail("pgrep", "-f", "mount.exfat-fuse " + device + " ");
        for (String pid : pids.split("\\s+")) {
            if (!pid.isBlank()) {
                shAllowFail("kill", "-9", pid.strip());
            }
        }
        shAllowFail("umount", "-l", mountPoint.toString());
        shAllowFail("losetup", "-d", device);
        device = null;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (device != null) {
            shAllowFail("umount", mountPoint.toString());
            shAllowFail("losetup", "-d", device);
            device = null;
        }
        Files.deleteIfExists(image);
    }

    static String sh(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    private static String shAllowFail(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }
}
