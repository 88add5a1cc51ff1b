/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A card for tests: a filesystem image, attached to a loop device and mounted through FUSE (exFAT
 * with exfat-fuse, FAT32 with fusefat; this kernel may have no vfat module). Needs root. Every
 * step is undone by {@link #close()}.
 */
public final class LoopImage implements AutoCloseable {

    private final Path image;
    private final Path mountPoint;
    private String device;
    private boolean mounted;

    /** The image file. */
    public Path image() {
        return image;
    }

    /** Where the filesystem is (or will be) mounted. */
    public Path mountPoint() {
        return mountPoint;
    }

    /** The loop device node while attached, else null. */
    public String device() {
        return device;
    }

    private LoopImage(Path image, Path mountPoint) {
        this.image = image;
        this.mountPoint = mountPoint;
    }

    public static boolean isRoot() {
        try {
            return "0".equals(run(false, "id", "-u").strip());
        } catch (IOException e) {
            return false;
        }
    }

    /** Skips the calling test, with one line saying why, unless real exFAT mounts are possible. */
    public static void assumeExfatMounts() {
        assumeTrue(isRoot() && Files.exists(Path.of("/dev/fuse")) && Files.isExecutable(Path.of("/usr/sbin/mount.exfat-fuse"))
                && Files.isExecutable(Path.of("/usr/sbin/mkfs.exfat")) && Files.isExecutable(Path.of("/usr/sbin/losetup")),
                "skipped: real mounts need root, /dev/fuse, losetup, exfatprogs and exfat-fuse (CI runs as root with them)");
    }

    /** Skips the calling test unless FAT32 images can be mounted through fusefat. */
    public static void assumeFatMounts() {
        assumeExfatMounts();
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/fusefat")) && Files.isExecutable(Path.of("/usr/sbin/mkfs.vfat")),
                "skipped: FAT32 mounts need fusefat and dosfstools (releng/setup-debian.sh installs them)");
    }

    /** Makes an image of {@code sizeMiB} with {@code fs} ("exfat" or "fat32") and {@code label}; not attached yet. */
    public static LoopImage create(Path dir, String name, String fs, String label, int sizeMiB) throws IOException {
        Path image = dir.resolve(name + ".img");
        try (RandomAccessFile raf = new RandomAccessFile(image.toFile(), "rw")) {
            raf.setLength((long) sizeMiB << 20);
        }
        mkfs(image.toString(), fs, label);
        return new LoopImage(image, Files.createDirectories(dir.resolve("mnt-" + name)));
    }

    public static void mkfs(String target, String fs, String label) throws IOException {
        if (fs.equals("exfat")) {
            run(true, "mkfs.exfat", "-L", label, target);
        } else {
            run(true, "mkfs.vfat", "-F", "32", "-n", label, target);
        }
    }

    public LoopImage attach() throws IOException {
        device = run(true, "losetup", "-f", "--show", image.toString()).strip();
        return this;
    }

    /** Mounts through FUSE and returns once the mount command has returned. */
    public void mount(String fs) throws IOException {
        if (fs.equals("exfat")) {
            run(true, "mount.exfat-fuse", device, mountPoint.toString());
        } else {
            run(true, "fusefat", "-o", "ro", device, mountPoint.toString());
        }
        mounted = true;
    }

    public void unmount() throws IOException {
        if (mounted) {
            run(true, "umount", mountPoint.toString());
            mounted = false;
        }
    }

    public void detach() throws IOException {
        if (device != null) {
            run(false, "losetup", "-d", device);
            device = null;
        }
    }

    @Override
    public void close() throws IOException {
        if (mounted) {
            if (run(false, "umount", mountPoint.toString()).startsWith("failed")) {
                run(false, "umount", "-l", mountPoint.toString());
            }
            mounted = false;
        }
        detach();
        Files.deleteIfExists(image);
    }

    /**
     * Runs a command; output goes through a file because FUSE drivers fork into the background and
     * keep a pipe open. Returns the output, or "failed: ..." when it failed and {@code check} is off.
     */
    public static String run(boolean check, String... command) throws IOException {
        Path log = Files.createTempFile("cartwright-cmd", ".log");
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in 60 s");
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                if (check) {
                    throw new IOException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + out);
                }
                return "failed: " + out;
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
