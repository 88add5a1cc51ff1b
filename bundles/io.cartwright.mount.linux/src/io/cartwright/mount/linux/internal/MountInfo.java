/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.linux.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Parses {@code /proc/self/mountinfo} (proc(5)). A line is
 * {@code 36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue}: mount id,
 * parent id, major:minor, root within the filesystem, mount point, per-mount options, zero or more
 * optional fields ended by {@code -}, filesystem type, source, super options. Paths and the source
 * have space, tab, newline and backslash escaped as octal ({@code \040}, {@code \011}, {@code \012},
 * {@code \134}). The file is read as bytes and parsed as ISO-8859-1 text (one char per byte);
 * escaped fields are decoded back to bytes and then with the file-name charset, so names in any
 * encoding survive.
 */
final class MountInfo {

    /**
     * One line.
     *
     * @param mountId the kernel's mount id (unique among current mounts, reused after unmount)
     * @param parentId the parent mount's id
     * @param major device major number ({@code 0} for anonymous devices: FUSE without a block device, tmpfs)
     * @param minor device minor number
     * @param root the directory of the filesystem mounted here ({@code /} unless a bind mount of a subfolder)
     * @param mountPoint where it is mounted
     * @param options per-mount options ({@code rw,nosuid,relatime})
     * @param fsType filesystem type as the kernel names it ({@code fuseblk}, {@code fuse.fusefat}, {@code vfat})
     * @param source the mount source ({@code /dev/sdb1}, or a driver name)
     * @param superOptions per-superblock options
     */
    record Entry(int mountId, int parentId, int major, int minor, String root, Path mountPoint, String options,
            String fsType, String source, String superOptions) {

        boolean readOnly() {
            return hasOption(options, "ro") || hasOption(superOptions, "ro");
        }

        /** Identity of the line for change detection. */
        String lineKey() {
            return mountId + ":" + major + ":" + minor + ":" + root + ":" + mountPoint + ":" + fsType + ":" + source;
        }

        private static boolean hasOption(String all, String option) {
            for (String o : all.split(",")) {
                if (o.equals(option)) {
                    return true;
                }
            }
            return false;
        }
    }

    private MountInfo() {
    }

    /** Parses the whole file; malformed lines are skipped (a partial read never throws). */
    static List<Entry> parse(String text) {
        List<Entry> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            Entry e = parseLine(line);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /** One line, or null when it is not a valid mountinfo line. */
    static @Nullable Entry parseLine(String line) {
        String[] f = line.strip().split(" ");
        int sep = -1;
        for (int i = 6; i < f.length; i++) {
            if (f[i].equals("-")) {
                sep = i;
                break;
            }
        }
        if (f.length < 10 || sep < 0 || f.length < sep + 3) {
            return null;
        }
        try {
            int colon = f[2].indexOf(':');
            return new Entry(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2].substring(0, colon)),
                    Integer.parseInt(f[2].substring(colon + 1)), unescape(f[3]), Path.of(unescape(f[4])), f[5],
                    unescape(f[sep + 1]), unescape(f[sep + 2]), sep + 3 < f.length ? f[sep + 3] : "");
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The file's bytes as the parser expects them: one char per byte. */
    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /**
     * Decodes the kernel's octal escapes (backslash 040 is a space) of a field given as ISO-8859-1
     * text, then the bytes with the charset the JDK uses for file names.
     */
    static String unescape(String s) {
        byte[] raw = s.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\\' && i + 3 < raw.length && isOctal(raw[i + 1]) && isOctal(raw[i + 2]) && isOctal(raw[i + 3])) {
                out.write(((raw[i + 1] - '0') << 6) | ((raw[i + 2] - '0') << 3) | (raw[i + 3] - '0'));
                i += 3;
            } else {
                out.write(raw[i]);
            }
        }
        return out.toString(FILE_NAMES);
    }

    private static final Charset FILE_NAMES = fileNameCharset();

    private static Charset fileNameCharset() {
        String name = System.getProperty("sun.jnu.encoding");
        try {
            return name != null && Charset.isSupported(name) ? Charset.forName(name) : Charset.defaultCharset();
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }

    private static boolean isOctal(byte b) {
        return b >= '0' && b <= '7';
    }
}
