/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.linux.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Optional;

import io.cartwright.mount.FilesystemFacts;

/**
 * Reads type, id and label straight from a filesystem's first sectors, read-only, without mounting:
 *
 * <ul>
 * <li>exFAT: {@code "EXFAT   "} at 3; VolumeSerialNumber (u32) at 100; the label is the volume
 * label entry (type 0x83, UTF-16LE) in the root directory (cluster FirstClusterOfRootDirectory at 96,
 * cluster heap at sector ClusterHeapOffset at 88, shifts at 108/109).</li>
 * <li>FAT12/16/32: BIOS parameter block; the type follows from the cluster count (Microsoft's rule);
 * the volume id is at 0x43 (FAT32) or 0x27 (FAT12/16) when the extended boot signature 0x29 is
 * present; the label is the root directory's volume-id entry (attribute 0x08), else the boot
 * sector's copy at 0x47 / 0x2B.</li>
 * <li>ext2/3/4: magic 0xEF53 at 1024+0x38; UUID at 1024+0x68; label at 1024+0x78.</li>
 * <li>NTFS: {@code "NTFS    "} at 3; 64-bit serial at 0x48 (the label lives in the MFT and is not read).</li>
 * </ul>
 * Ids are rendered as blkid and the OS tools show them: {@code 6BAE-D987} for FAT and exFAT, a
 * lower-case UUID for ext, 16 hex digits for NTFS.
 */
final class Superblocks {

    private static final int HEAD = 4096;
    private static final int MAX_DIR_READ = 64 * 1024;
    /** Short names are in an OEM code page; 437 is what cameras and mkfs.fat write (Latin-1 if the JDK lacks it). */
    private static final Charset OEM = Charset.isSupported("IBM437") ? Charset.forName("IBM437") : StandardCharsets.ISO_8859_1;

    private Superblocks() {
    }

    /**
     * Reads the filesystem on {@code device} (a block device or an image file).
     *
     * @param capacity the size of the partition, reported with the facts
     * @return empty when the device cannot be opened or holds no filesystem known here
     */
    static Optional<FilesystemFacts> read(Path device, long capacity) {
        try (FileChannel ch = FileChannel.open(device, StandardOpenOption.READ)) {
            ByteBuffer head = readAt(ch, 0, HEAD);
            Optional<FilesystemFacts> f = exfat(ch, head, capacity);
            if (f.isEmpty()) {
                f = ntfs(head, capacity);
            }
            if (f.isEmpty()) {
                f = fat(ch, head, capacity);
            }
            if (f.isEmpty() && head.limit() >= 2048) {
                f = ext(head, capacity);
            }
            return f;
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<FilesystemFacts> exfat(FileChannel ch, ByteBuffer b, long capacity) throws IOException {
        if (b.limit() < 512 || !ascii(b, 3, 8).equals("EXFAT   ")) {
            return Optional.empty();
        }
        long serial = b.getInt(100) & 0xffffffffL;
        int sectorShift = b.get(108) & 0xff;
        int clusterShift = b.get(109) & 0xff;
        String label = "";
        if (sectorShift >= 9 && sectorShift <= 12 && clusterShift <= 25 - sectorShift) {
            long heap = b.getInt(88) & 0xffffffffL;
            long root = b.getInt(96) & 0xffffffffL;
            long offset = (heap + ((root - 2) << clusterShift)) << sectorShift;
            int clusterBytes = 1 << (sectorShift + clusterShift);
            ByteBuffer dir = readAt(ch, offset, Math.min(clusterBytes, MAX_DIR_READ));
            for (int p = 0; p + 32 <= dir.limit(); p += 32) {
                int type = dir.get(p) & 0xff;
                if (type == 0x00) {
                    break; // end of directory
                }
                if (type == 0x83) {
                    int count = Math.min(11, dir.get(p + 1) & 0xff);
                    byte[] name = new byte[count * 2];
                    dir.get(p + 2, name);
                    label = new String(name, StandardCharsets.UTF_16LE);
                    break;
                }
            }
        }
        return Optional.of(new FilesystemFacts("exfat", fatSerial(serial), label, capacity));
    }

    static Optional<FilesystemFacts> fat(FileChannel ch, ByteBuffer b, long capacity) throws IOException {
        if (b.limit() < 512 || (b.get(510) & 0xff) != 0x55 || (b.get(511) & 0xff) != 0xAA) {
            return Optional.empty();
        }
        int jump = b.get(0) & 0xff;
        int bytesPerSector = b.getShort(11) & 0xffff;
        int sectorsPerCluster = b.get(13) & 0xff;
        int reserved = b.getShort(14) & 0xffff;
        int fats = b.get(16) & 0xff;
        int rootEntries = b.getShort(17) & 0xffff;
        long total16 = b.getShort(19) & 0xffff;
        long fatSize16 = b.getShort(22) & 0xffff;
        long total32 = b.getInt(32) & 0xffffffffL;
        if ((jump != 0xEB && jump != 0xE9) || Integer.bitCount(bytesPerSector) != 1 || bytesPerSector < 512
                || bytesPerSector > 4096 || sectorsPerCluster == 0 || Integer.bitCount(sectorsPerCluster) != 1
                || reserved == 0 || fats == 0) {
            return Optional.empty();
        }
        long fatSize = fatSize16 != 0 ? fatSize16 : b.getInt(36) & 0xffffffffL;
        long total = total16 != 0 ? total16 : total32;
        long rootDirSectors = (rootEntries * 32L + bytesPerSector - 1) / bytesPerSector;
        long dataSectors = total - (reserved + fats * fatSize + rootDirSectors);
        if (fatSize == 0 || dataSectors <= 0) {
            return Optional.empty();
        }
        long clusters = dataSectors / sectorsPerCluster;
        String type = clusters < 4085 ? "fat12" : clusters < 65525 ? "fat16" : "fat32";
        boolean fat32 = type.equals("fat32");
        int ext = fat32 ? 0x40 : 0x24; // BS_DrvNum; BS_BootSig follows at +2
        int signature = b.get(ext + 2) & 0xff;
        String serial = "";
        String bootLabel = "";
        if (signature == 0x29 || signature == 0x28) {
            serial = fatSerial(b.getInt(ext + 3) & 0xffffffffL);
            if (signature == 0x29) {
                bootLabel = oem(b, ext + 7, 11);
            }
        }
        long rootOffset;
        int rootBytes;
        if (fat32) {
            long rootCluster = b.getInt(44) & 0xffffffffL;
            rootOffset = (reserved + fats * fatSize + (rootCluster - 2) * sectorsPerCluster) * bytesPerSector;
            rootBytes = sectorsPerCluster * bytesPerSector;
        } else {
            rootOffset = (reserved + fats * fatSize) * bytesPerSector;
            rootBytes = (int) (rootDirSectors * bytesPerSector);
        }
        String label = "";
        ByteBuffer dir = readAt(ch, rootOffset, Math.min(rootBytes, MAX_DIR_READ));
        for (int p = 0; p + 32 <= dir.limit(); p += 32) {
            int first = dir.get(p) & 0xff;
            if (first == 0x00) {
                break;
            }
            int attr = dir.get(p + 11) & 0xff;
            if (first != 0xE5 && (attr & 0x0F) != 0x0F && (attr & 0x18) == 0x08) {
                label = oem(dir, p, 11);
                break;
            }
        }
        if (label.isEmpty() && !bootLabel.equals("NO NAME")) {
            label = bootLabel;
        }
        return Optional.of(new FilesystemFacts(type, serial, label, capacity));
    }

    static Optional<FilesystemFacts> ext(ByteBuffer b, long capacity) {
        int sb = 1024;
        if ((b.getShort(sb + 0x38) & 0xffff) != 0xEF53) {
            return Optional.empty();
        }
        int compat = b.getInt(sb + 0x5C);
        int incompat = b.getInt(sb + 0x60);
        String type = (incompat & (0x40 | 0x80 | 0x200)) != 0 ? "ext4" : (compat & 0x4) != 0 ? "ext3" : "ext2";
        byte[] uuid = new byte[16];
        b.get(sb + 0x68, uuid);
        String hex = HexFormat.of().formatHex(uuid);
        String id = hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
        byte[] name = new byte[16];
        b.get(sb + 0x78, name);
        int len = 0;
        while (len < 16 && name[len] != 0) {
            len++;
        }
        return Optional.of(new FilesystemFacts(type, id, new String(name, 0, len, StandardCharsets.UTF_8), capacity));
    }

    static Optional<FilesystemFacts> ntfs(ByteBuffer b, long capacity) {
        if (b.limit() < 512 || !ascii(b, 3, 8).equals("NTFS    ")) {
            return Optional.empty();
        }
        return Optional.of(new FilesystemFacts("ntfs", String.format("%016X", b.getLong(0x48)), "", capacity));
    }

    /** A 32-bit FAT/exFAT volume serial as {@code XXXX-XXXX}. */
    static String fatSerial(long v) {
        return String.format("%04X-%04X", (v >>> 16) & 0xffff, v & 0xffff);
    }

    private static ByteBuffer readAt(FileChannel ch, long offset, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buf.hasRemaining()) {
            int n = ch.read(buf, offset + buf.position());
            if (n < 0) {
                break;
            }
        }
        buf.flip();
        return buf.order(ByteOrder.LITTLE_ENDIAN);
    }

    private static String ascii(ByteBuffer b, int at, int len) {
        byte[] x = new byte[len];
        b.get(at, x);
        return new String(x, StandardCharsets.US_ASCII);
    }

    private static String oem(ByteBuffer b, int at, int len) {
        byte[] x = new byte[len];
        b.get(at, x);
        if (x[0] == 0x05) {
            x[0] = (byte) 0xE5; // the escape for a leading 0xE5 byte
        }
        return new String(x, OEM).strip();
    }
}
