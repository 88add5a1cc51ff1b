/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount;

import java.util.Locale;
import java.util.Objects;

/**
 * What a filesystem says about itself, read from the device (superblock, or the OS's copy of it):
 * the facts the device registry builds a card's synthetic identity from.
 *
 * @param type canonical filesystem type ({@link #canonicalType}), e.g. {@code exfat}, {@code fat32}
 * @param id the filesystem's own identifier as the OS shows it: the FAT/exFAT/NTFS volume serial
 *        ({@code 6BAE-D987}), or the ext/btrfs/xfs UUID; empty if the filesystem has none
 * @param label the volume label; may be empty. Never part of an identity: many cards share one
 * @param capacity size in bytes of the partition (or whole medium) the filesystem lives on; 0 if unknown
 */
public record FilesystemFacts(String type, String id, String label, long capacity) {

    public FilesystemFacts {
        type = canonicalType(type);
        id = Objects.requireNonNullElse(id, "").strip();
        label = Objects.requireNonNullElse(label, "").strip();
    }

    /**
     * The one spelling used everywhere for a filesystem type, whatever the OS calls it: {@code vfat},
     * {@code msdos}, {@code FAT32} become {@code fat32} (or {@code fat16}/{@code fat12} when known;
     * plain {@code vfat} without a size becomes {@code fat}); {@code fuseblk}-style driver names are
     * not filesystem types and are kept as given in lower case.
     */
    public static String canonicalType(String osName) {
        if (osName == null) {
            return "";
        }
        String t = osName.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("fuse.")) {
            t = t.substring("fuse.".length());
        }
        return switch (t) {
            case "exfat", "exfat-fuse", "exfat_fuse" -> "exfat";
            case "vfat", "msdos", "fat", "fusefat", "ms-dos" -> "fat";
            case "fat12", "ms-dos (fat12)" -> "fat12";
            case "fat16", "ms-dos (fat16)" -> "fat16";
            case "fat32", "ms-dos (fat32)" -> "fat32";
            case "ntfs", "ntfs3", "ntfs-3g" -> "ntfs";
            case "hfs", "hfsplus", "hfs+" -> "hfsplus";
            default -> t;
        };
    }

    /**
     * The family a type belongs to for identity purposes: {@code fat} for FAT12/16/32 (one OS may
     * report only "vfat"), the canonical type otherwise.
     */
    public static String family(String type) {
        String t = canonicalType(type);
        return t.startsWith("fat") ? "fat" : t;
    }

    /** The identifier reduced to its hexadecimal digits in upper case: {@code 6BAE-D987} and {@code 6bae d987} agree. */
    public static String normalisedId(String id) {
        if (id == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.digit(c, 16) >= 0) {
                b.append(Character.toUpperCase(c));
            }
        }
        return b.toString();
    }

    /** True when there is an id to identify the filesystem by. */
    public boolean identifiable() {
        return !normalisedId(id).isEmpty();
    }
}
