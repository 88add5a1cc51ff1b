/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One mounted filesystem as a {@link io.cartwright.mount.spi.MountProvider} found it. Immutable;
 * strings are never null (empty when unknown).
 *
 * @param key identifies this <em>appearance</em> of the mount: unique among all mounts since boot,
 *        so an unmount and a re-mount of the same card give a different key (Linux: boot id + the
 *        kernel's unique mount id). The device registry maps each key to one mount generation
 * @param mountPoint where the filesystem is mounted
 * @param deviceNode the block device (or image file) holding the filesystem: {@code /dev/sdb1},
 *        {@code /dev/disk4s1}, {@code \\.\E:}; empty if none (network shares, pseudo filesystems)
 * @param fsType canonical filesystem type ({@link FilesystemFacts#canonicalType})
 * @param label volume label; may be empty. Never enough to identify a card
 * @param fsId filesystem UUID or volume serial as the OS shows it; empty if unknown
 * @param capacity bytes of the partition or medium holding the filesystem; 0 if unknown
 * @param free bytes free when the volume was found; 0 if unknown
 * @param readOnly mounted read-only
 * @param removable the medium can be detached while the computer runs (cards, USB/Thunderbolt
 *        drives, attached images)
 * @param bus how the medium is attached
 * @param vendor vendor of the device (reader, drive or card) as the OS reports it
 * @param model model of the device as the OS reports it
 * @param hardwareSerial serial number the OS exposes for the device; may belong to a card reader
 *        rather than the card, see {@code serialIdentifiesMedium}
 * @param serialIdentifiesMedium true when {@code hardwareSerial} belongs to the medium itself (an
 *        SD card's CID serial, a USB SSD, an NVMe drive), false when it belongs to a reader slot
 *        holding removable media, or when there is no serial
 * @param partition partition number on the medium, 0 for a whole medium or when unknown
 * @param mountGeneration the device's mount counter for this appearance, assigned by the device
 *        registry; 0 when not assigned
 * @param classification system, removable or other
 */
public record MountedVolume(String key, Path mountPoint, String deviceNode, String fsType, String label, String fsId,
        long capacity, long free, boolean readOnly, boolean removable, Bus bus, String vendor, String model,
        String hardwareSerial, boolean serialIdentifiesMedium, int partition, long mountGeneration,
        Classification classification) {

    public MountedVolume {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(mountPoint, "mountPoint");
        deviceNode = Objects.requireNonNullElse(deviceNode, "");
        fsType = FilesystemFacts.canonicalType(fsType);
        label = Objects.requireNonNullElse(label, "");
        fsId = Objects.requireNonNullElse(fsId, "");
        bus = Objects.requireNonNullElse(bus, Bus.UNKNOWN);
        vendor = Objects.requireNonNullElse(vendor, "").strip();
        model = Objects.requireNonNullElse(model, "").strip();
        hardwareSerial = Objects.requireNonNullElse(hardwareSerial, "").strip();
        serialIdentifiesMedium = serialIdentifiesMedium && !hardwareSerial.isEmpty();
        classification = Objects.requireNonNullElse(classification, Classification.OTHER);
    }

    /** The filesystem facts of this volume (what a synthetic identity is built from). */
    public FilesystemFacts filesystem() {
        return new FilesystemFacts(fsType, fsId, label, capacity);
    }

    public MountedVolume withClassification(Classification c) {
        return new MountedVolume(key, mountPoint, deviceNode, fsType, label, fsId, capacity, free, readOnly, removable, bus,
                vendor, model, hardwareSerial, serialIdentifiesMedium, partition, mountGeneration, c);
    }

    public MountedVolume withMountGeneration(long generation) {
        return new MountedVolume(key, mountPoint, deviceNode, fsType, label, fsId, capacity, free, readOnly, removable, bus,
                vendor, model, hardwareSerial, serialIdentifiesMedium, partition, generation, classification);
    }

    /** A builder, for providers and tests: every field starts empty / 0 / false / UNKNOWN / OTHER. */
    public static Builder builder(String key, Path mountPoint) {
        return new Builder(key, mountPoint);
    }

    /** Builds a {@link MountedVolume} field by field. Not thread-safe. */
    public static final class Builder {
        private final String key;
        private final Path mountPoint;
        private String deviceNode = "";
        private String fsType = "";
        private String label = "";
        private String fsId = "";
        private long capacity;
        private long free;
        private boolean readOnly;
        private boolean removable;
        private Bus bus = Bus.UNKNOWN;
        private String vendor = "";
        private String model = "";
        private String hardwareSerial = "";
        private boolean serialIdentifiesMedium;
        private int partition;
        private long mountGeneration;
        private Classification classification = Classification.OTHER;

        private Builder(String key, Path mountPoint) {
            this.key = key;
            this.mountPoint = mountPoint;
        }

        public Builder deviceNode(String v) {
            deviceNode = v;
            return this;
        }

        public Builder filesystem(FilesystemFacts f) {
            fsType = f.type();
            fsId = f.id();
            label = f.label();
            capacity = f.capacity();
            return this;
        }

        public Builder fsType(String v) {
            fsType = v;
            return this;
        }

        public Builder label(String v) {
            label = v;
            return this;
        }

        public Builder fsId(String v) {
            fsId = v;
            return this;
        }

        public Builder capacity(long v) {
            capacity = v;
            return this;
        }

        public Builder free(long v) {
            free = v;
            return this;
        }

        public Builder readOnly(boolean v) {
            readOnly = v;
            return this;
        }

        public Builder removable(boolean v) {
            removable = v;
            return this;
        }

        public Builder bus(Bus v) {
            bus = v;
            return this;
        }

        public Builder vendor(String v) {
            vendor = v;
            return this;
        }

        public Builder model(String v) {
            model = v;
            return this;
        }

        /** The serial and whether it belongs to the medium itself (true) or to a reader slot (false). */
        public Builder hardwareSerial(String serial, boolean identifiesMedium) {
            hardwareSerial = serial;
            serialIdentifiesMedium = identifiesMedium;
            return this;
        }

        public Builder partition(int v) {
            partition = v;
            return this;
        }

        public Builder mountGeneration(long v) {
            mountGeneration = v;
            return this;
        }

        public Builder classification(Classification v) {
            classification = v;
            return this;
        }

        public MountedVolume build() {
            return new MountedVolume(key, mountPoint, deviceNode, fsType, label, fsId, capacity, free, readOnly, removable,
                    bus, vendor, model, hardwareSerial, serialIdentifiesMedium, partition, mountGeneration, classification);
        }
    }
}
