/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.cartwright.core.Printable;

/**
 * Which folder and file names every destination filesystem we write to accepts (exFAT, NTFS, HFS+,
 * APFS, ext4), and how those filesystems compare names. Used for every destination a plan makes and
 * for project and work-unit names, which become folder names.
 */
public final class SafeNames {

    /** The longest name exFAT, NTFS and HFS+ accept, in UTF-16 code units. */
    public static final int MAX_NAME_LENGTH = 255;

    private static final String INVALID_CHARS = "<>:\"/\\|?*";

    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4",
            "COM5", "COM6", "COM7", "COM8", "COM9", "COM\u00b9", "COM\u00b2", "COM\u00b3", "LPT1", "LPT2", "LPT3", "LPT4",
            "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT\u00b9", "LPT\u00b2", "LPT\u00b3", "CONIN$", "CONOUT$");

    private SafeNames() {
    }

    /**
     * Why {@code name} cannot be a folder or file name on every destination, or empty if it can.
     * Refused: empty, {@code .} and {@code ..}, longer than {@value #MAX_NAME_LENGTH} UTF-16 units,
     * control characters (below U+0020) and {@code < > : " / \ | ? *}, a trailing dot or space, and
     * the Windows device names ({@code CON}, {@code PRN}, {@code AUX}, {@code NUL}, {@code COM1}-{@code 9},
     * {@code LPT1}-{@code 9}), with or without an extension.
     */
    public static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("an empty folder or file name (two '/' in a row, or a token with no value)");
        }
        if (name.equals(".") || name.equals("..")) {
            return Optional.of("'" + name + "' is not allowed as a name (it would leave the destination folder)");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return Optional.of("a name of " + name.length() + " characters; exFAT, NTFS and HFS+ allow at most "
                    + MAX_NAME_LENGTH + " ('" + name.substring(0, 40) + "...')");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20) {
                return Optional.of(Printable.quoted(name) + " contains the control character U+"
                        + String.format(Locale.ROOT, "%04X", (int) c) + ", invalid on exFAT and NTFS");
            }
            if (INVALID_CHARS.indexOf(c) >= 0) {
                return Optional.of("'" + name + "' contains '" + c + "', invalid on exFAT and NTFS"
                        + (c == ':' ? " and HFS+" : ""));
            }
        }
        char last = name.charAt(name.length() - 1);
        if (last == '.' || last == ' ') {
            return Optional.of("'" + name + "' ends with a " + (last == '.' ? "dot" : "space")
                    + ", which Windows drops (exFAT, NTFS)");
        }
        int dot = name.indexOf('.');
        String base = (dot < 0 ? name : name.substring(0, dot)).stripTrailing().toUpperCase(Locale.ROOT);
        if (RESERVED.contains(base)) {
            return Optional.of("'" + name + "' is a reserved device name on Windows (exFAT, NTFS)");
        }
        return Optional.empty();
    }

    /** True if {@link #problem} finds nothing. */
    public static boolean isSafe(String name) {
        return problem(name).isEmpty();
    }

    /**
     * The key under which exFAT, NTFS and APFS/HFS+ see two paths as the same: Unicode NFC, then
     * lower case. Two destinations with one key collide.
     */
    public static String collisionKey(String path) {
        return Normalizer.normalize(path, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
