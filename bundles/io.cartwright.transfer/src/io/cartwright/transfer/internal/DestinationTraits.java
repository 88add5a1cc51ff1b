/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import org.eclipse.jdt.annotation.Nullable;

/**
 * How a destination filesystem compares names and which characters it refuses in them, found by
 * {@link DestinationProbe}.
 *
 * @param caseInsensitive {@code A.MOV} and {@code a.mov} name the same file (exFAT, FAT, NTFS, default APFS)
 * @param normalising the NFC and NFD spellings of a name name the same file (APFS, HFS+)
 * @param refusedCharacters the characters of {@link DestinationProbe#CANDIDATES} a name there cannot
 *            hold ({@code "*:<>?\|} on exFAT, FAT and NTFS); {@code U+0001} stands for all control
 *            characters
 */
public record DestinationTraits(boolean caseInsensitive, boolean normalising, String refusedCharacters) {

    /** A plain POSIX filesystem: names are byte strings. */
    public static final DestinationTraits EXACT = new DestinationTraits(false, false);

    /** Traits of a destination that takes every character the probe tries. */
    public DestinationTraits(boolean caseInsensitive, boolean normalising) {
        this(caseInsensitive, normalising, "");
    }

    /** Describes the traits for messages ("ignores case", "ignores case and Unicode normalisation"). */
    String describe() {
        if (caseInsensitive && normalising) {
            return "ignores case and Unicode normalisation in names";
        }
        return caseInsensitive ? "ignores case in names" : normalising ? "ignores Unicode normalisation in names"
                : "compares names exactly";
    }

    /** What in {@code name} this destination refuses, for messages ({@code "':'"}, "a control character"), or null. */
    @Nullable
    String refusedIn(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (refusedCharacters.indexOf(DestinationProbe.CONTROL) >= 0) {
                    return "a control character (U+" + String.format("%04X", (int) c) + ")";
                }
            } else if (refusedCharacters.indexOf(c) >= 0) {
                return "'" + c + "'";
            }
        }
        return null;
    }
}
