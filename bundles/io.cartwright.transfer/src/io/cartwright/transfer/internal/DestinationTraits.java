/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

/**
 * How a destination filesystem compares names, found by {@link DestinationProbe}.
 *
 * @param caseInsensitive {@code A.MOV} and {@code a.mov} name the same file (exFAT, FAT, NTFS, default APFS)
 * @param normalising the NFC and NFD spellings of a name name the same file (APFS, HFS+)
 */
public record DestinationTraits(boolean caseInsensitive, boolean normalising) {

    /** A plain POSIX filesystem: names are byte strings. */
    public static final DestinationTraits EXACT = new DestinationTraits(false, false);

    /** Describes the traits for messages ("ignores case", "ignores case and Unicode normalisation"). */
    String describe() {
        if (caseInsensitive && normalising) {
            return "ignores case and Unicode normalisation in names";
        }
        return caseInsensitive ? "ignores case in names" : normalising ? "ignores Unicode normalisation in names"
                : "compares names exactly";
    }
}
