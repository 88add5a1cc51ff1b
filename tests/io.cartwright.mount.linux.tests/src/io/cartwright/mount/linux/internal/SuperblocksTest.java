/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.mount.FilesystemFacts;
import io.cartwright.testsupport.LoopImage;

/**
 * The superblock reader against images made by the real mkfs tools (no root needed: the image file
 * is read like a device), checked against blkid where it is installed.
 */
class SuperblocksTest {

    @TempDir
    Path dir;

    private Path image(String name, int sizeMiB) throws IOException {
        Path p = dir.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(p.toFile(), "rw")) {
            raf.setLength((long) sizeMiB << 20);
        }
        return p;
    }

    private static void need(String tool) {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin", tool)) || Files.isExecutable(Path.of("/sbin", tool)),
                "skipped: " + tool + " is not installed (releng/setup-debian.sh installs exfatprogs and dosfstools)");
    }

    /** blkid's view of an image file, or an empty map when blkid is missing. */
    private static Map<String, String> blkid(Path image) throws IOException {
        Map<String, String> out = new HashMap<>();
        if (!Files.isExecutable(Path.of("/usr/sbin/blkid")) && !Files.isExecutable(Path.of("/sbin/blkid"))) {
            return out;
        }
        Matcher m = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(LoopImage.run(false, "blkid", image.toString()));
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    @Test
    void exfatSerialAndLabelFromTheRootDirectory() throws Exception {
        need("mkfs.exfat");
        Path img = image("a.img", 64);
        LoopImage.run(true, "mkfs.exfat", "-L", "A001", img.toString());
        FilesystemFacts f = Superblocks.read(img, Files.size(img)).orElseThrow();
        assertEquals("exfat", f.type());
        assertEquals("A001", f.label());
        assertTrue(f.id().matches("[0-9A-F]{4}-[0-9A-F]{4}"), f.id());
        assertEquals(64L << 20, f.capacity());
        Map<String, String> b = blkid(img);
        if (!b.isEmpty()) {
            assertEquals(b.get("UUID"), f.id(), "the same id blkid and the OS tools show");
            assertEquals(b.get("LABEL"), f.label());
        }
    }

    @Test
    void aNewExfatFilesystemHasANewSerial() throws Exception {
        need("mkfs.exfat");
        Path img = image("b.img", 64);
        LoopImage.run(true, "mkfs.exfat", "-L", "B002", img.toString());
        String first = Superblocks.read(img, 0).orElseThrow().id();
        Thread.sleep(20);
        LoopImage.run(true, "mkfs.exfat", "-L", "B002", img.toString());
        assertNotEquals(first, Superblocks.read(img, 0).orElseThrow().id(), "re-making the filesystem changes its id");
    }

    @Test
    void fat32VolumeIdAndLabel() throws Exception {
        need("mkfs.vfat");
        Path img = image("c.img", 64);
        LoopImage.run(true, "mkfs.vfat", "-F", "32", "-n", "FATCARD", img.toString());
        FilesystemFacts f = Superblocks.read(img, Files.size(img)).orElseThrow();
        assertEquals("fat32", f.type());
        assertEquals("FATCARD", f.label());
        Map<String, String> b = blkid(img);
        if (!b.isEmpty()) {
            assertEquals(b.get("UUID"), f.id());
        }
        assertTrue(f.id().matches("[0-9A-F]{4}-[0-9A-F]{4}"), f.id());
    }

    @Test
    void fat16AndAFatWithoutLabel() throws Exception {
        need("mkfs.vfat");
        Path img = image("d.img", 32);
        LoopImage.run(true, "mkfs.vfat", "-F", "16", "-i", "1234ABCD", img.toString());
        FilesystemFacts f = Superblocks.read(img, 0).orElseThrow();
        assertEquals("fat16", f.type());
        assertEquals("1234-ABCD", f.id(), "the volume id given to mkfs");
        assertEquals("", f.label(), "NO NAME is no label");
    }

    @Test
    void ext4UuidAndLabel() throws Exception {
        need("mkfs.ext4");
        Path img = image("e.img", 32);
        LoopImage.run(true, "mkfs.ext4", "-q", "-F", "-L", "SHUTTLE", "-U", "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0", img.toString());
        FilesystemFacts f = Superblocks.read(img, 0).orElseThrow();
        assertEquals("ext4", f.type());
        assertEquals("0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0", f.id());
        assertEquals("SHUTTLE", f.label());
    }

    @Test
    void zerosAndMissingFilesAreNothing() throws Exception {
        assertTrue(Superblocks.read(image("z.img", 1), 0).isEmpty());
        assertTrue(Superblocks.read(dir.resolve("missing.img"), 0).isEmpty());
    }
}
