/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.linux.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import io.cartwright.mount.Bus;
import io.cartwright.mount.Classification;
import io.cartwright.mount.FilesystemFacts;
import io.cartwright.mount.MountedVolume;

/**
 * Turns one mountinfo line into a {@link MountedVolume}: finds the block device (device number, or
 * the source path, or the FUSE driver's arguments), asks sysfs about it, and reads the filesystem
 * facts from the device (superblock; the udev database when the device is not readable, as for a
 * user outside the {@code disk} group).
 */
final class VolumeReader {

    private final Sysfs sysfs;
    private final FuseSources fuse;
    private final MountKeys keys;
    private final SystemVolumes system;

    VolumeReader(Sysfs sysfs, FuseSources fuse, MountKeys keys, SystemVolumes system) {
        this.sysfs = sysfs;
        this.fuse = fuse;
        this.keys = keys;
        this.system = system;
    }

    /** True for lines that are not volumes of their own: bind mounts of a sub-folder. */
    static boolean skipped(MountInfo.Entry e) {
        return !e.root().equals("/");
    }

    boolean isSystem(MountInfo.Entry e, Collection<MountInfo.Entry> all) {
        return system.systemByLine(e) || system.holdsSystemPath(e, all);
    }

    /** The appearance key of a line (statx is only asked for non-system mounts). */
    String key(MountInfo.Entry e, boolean systemVolume) {
        return systemVolume ? keys.fallbackKey(e) : keys.key(e);
    }

    MountedVolume read(MountInfo.Entry e, String key, boolean systemVolume) {
        MountedVolume.Builder b = MountedVolume.builder(key, e.mountPoint()).readOnly(e.readOnly())
                .fsType(FilesystemFacts.canonicalType(e.fsType()));
        if (systemVolume) {
            return b.deviceNode(e.source().startsWith("/dev/") ? e.source() : "").classification(Classification.SYSTEM).build();
        }
        if (SystemVolumes.network(e.fsType())) {
            return b.bus(Bus.NETWORK).deviceNode("").classification(Classification.OTHER).build();
        }
        Optional<BlockDevice> dev = device(e);
        FilesystemFacts facts = null;
        if (dev.isPresent()) {
            BlockDevice d = dev.get();
            b.deviceNode(d.devNode()).capacity(d.size()).bus(d.bus()).removable(d.hotplug()).vendor(d.vendor())
                    .model(d.model()).hardwareSerial(d.serial(), d.serialIsMedium()).partition(d.partition())
                    .readOnly(e.readOnly() || d.readOnly());
            facts = Superblocks.read(Path.of(d.devNode()), d.size()).orElseGet(() -> udev(e, d));
        }
        if (facts != null) {
            b.filesystem(facts);
        }
        b.free(free(e.mountPoint()));
        boolean removable = dev.map(BlockDevice::hotplug).orElse(false);
        return b.classification(removable ? Classification.REMOVABLE : Classification.OTHER).build();
    }

    /** Filesystem facts of a device that need not be mounted. */
    Optional<FilesystemFacts> probe(String deviceNode) {
        Path node = Path.of(deviceNode);
        long size = 0;
        Optional<BlockDevice> dev = deviceForNode(node);
        if (dev.isPresent()) {
            size = dev.get().size();
        } else {
            try {
                size = Files.isRegularFile(node) ? Files.size(node) : 0;
            } catch (IOException e) {
                size = 0;
            }
        }
        return Superblocks.read(node, size);
    }

    private Optional<BlockDevice> device(MountInfo.Entry e) {
        if (e.major() != 0) {
            Optional<BlockDevice> d = sysfs.byNumber(e.major(), e.minor());
            if (d.isPresent()) {
                return d;
            }
        }
        if (e.source().startsWith("/")) {
            Optional<BlockDevice> d = deviceForNode(Path.of(e.source()));
            if (d.isPresent()) {
                return d;
            }
        }
        if (e.fsType().startsWith("fuse")) {
            return fuse.served(e.mountPoint()).flatMap(this::deviceForNode);
        }
        return Optional.empty();
    }

    /** A block device by its node (symlinks such as /dev/disk/by-uuid resolved), or an image file. */
    private Optional<BlockDevice> deviceForNode(Path node) {
        Path real;
        try {
            real = node.toRealPath();
        } catch (IOException ex) {
            return Optional.empty();
        }
        if (real.startsWith("/dev/")) {
            return sysfs.byName(real.getFileName().toString());
        }
        if (Files.isRegularFile(real)) {
            long size;
            try {
                size = Files.size(real);
            } catch (IOException ex) {
                return Optional.empty();
            }
            return Optional.of(new BlockDevice(real.getFileName().toString(), real.toString(), 0, size, !Files.isWritable(real),
                    Bus.IMAGE, false, true, "", "Image file", "", false, real.toString()));
        }
        return Optional.empty();
    }

    /** The udev database's copy of the filesystem facts, for devices this process may not read. */
    private FilesystemFacts udev(MountInfo.Entry e, BlockDevice d) {
        Map<String, String> db = sysfs.udevProperties(d.name());
        String type = db.getOrDefault("ID_FS_TYPE", e.fsType());
        String version = db.getOrDefault("ID_FS_VERSION", "");
        if (type.equals("vfat") && version.startsWith("FAT")) {
            type = version;
        }
        return new FilesystemFacts(type, db.getOrDefault("ID_FS_UUID", ""), hexUnescape(db.getOrDefault("ID_FS_LABEL_ENC", "")),
                d.size());
    }

    /** udev's {@code \x20}-style escapes, decoded as UTF-8. */
    static String hexUnescape(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && s.charAt(i + 1) == 'x' && Character.digit(s.charAt(i + 2), 16) >= 0
                    && Character.digit(s.charAt(i + 3), 16) >= 0) {
                out.write(Integer.parseInt(s.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                byte[] b = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static long free(Path mountPoint) {
        try {
            return Files.getFileStore(mountPoint).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
