/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.device;

import java.util.Locale;
import java.util.Optional;

import io.cartwright.mount.FilesystemFacts;
import io.cartwright.mount.MountedVolume;

/**
 * How a volume is recognised: the canonical identity keys (docs/devices.md gives the reasons).
 *
 * <ol>
 * <li><b>Hardware key</b>, preferred: {@code hw:v1:<vendor>/<model>/<serial>[/p<partition>]}, only when
 * the serial belongs to the medium itself ({@link MountedVolume#serialIdentifiesMedium()}: an SD
 * card's CID serial in a native slot, a USB/Thunderbolt SSD, an NVMe drive). A card reader's serial
 * is the same for every card put into it, so it is never a card's identity. Vendor and model are part
 * of the key because serials are unique only per maker and model.</li>
 * <li><b>Filesystem key</b> (synthetic): {@code fs:v1:<family>:<volume id>:<capacity>}. The family is the
 * filesystem type with FAT12/16/32 folded to {@code fat}; the volume id is the filesystem's own
 * serial or UUID (written by mkfs from a clock or random source, never changed by use) reduced to
 * upper-case hex digits; the capacity is the byte size of the partition holding the filesystem (set
 * when the card was partitioned, unchanged by use). The label is never part of it: many cards share
 * "NO NAME" or "Untitled", and people rename cards.</li>
 * </ol>
 * Both are computed from facts every OS reports without special rights, so a volume gets the same
 * key at every mount, in every reader, at every mount point.
 */
public final class IdentityRecipe {

    /** Version tag inside every key; a future recipe gets a new tag and old keys stay valid. */
    public static final String VERSION = "v1";

    private IdentityRecipe() {
    }

    /** The hardware key, when the volume's serial identifies the medium itself. */
    public static Optional<String> hardwareKey(MountedVolume v) {
        if (!v.serialIdentifiesMedium() || v.hardwareSerial().isBlank()) {
            return Optional.empty();
        }
        return Optional.of("hw:" + VERSION + ":" + part(v.vendor()) + "/" + part(v.model()) + "/" + part(v.hardwareSerial())
                + (v.partition() > 0 ? "/p" + v.partition() : ""));
    }

    /** The synthetic filesystem key, when the filesystem has an id. */
    public static Optional<String> filesystemKey(FilesystemFacts f) {
        String id = FilesystemFacts.normalisedId(f.id());
        String family = FilesystemFacts.family(f.type());
        if (id.isEmpty() || family.isEmpty() || isBlankId(id)) {
            return Optional.empty();
        }
        return Optional.of("fs:" + VERSION + ":" + part(family) + ":" + id + ":" + Math.max(0, f.capacity()));
    }

    /** An all-zero id means the formatter wrote none. */
    private static boolean isBlankId(String id) {
        return id.chars().allMatch(c -> c == '0');
    }

    private static String part(String s) {
        return s.strip().replaceAll("\\s+", " ").replace('/', '_').replace(':', '_').toUpperCase(Locale.ROOT);
    }
}
