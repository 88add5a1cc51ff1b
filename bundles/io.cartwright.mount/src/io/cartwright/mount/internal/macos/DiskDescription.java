/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.internal.macos;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cartwright.mount.Bus;
import io.cartwright.mount.Classification;
import io.cartwright.mount.FilesystemFacts;
import io.cartwright.mount.MountedVolume;

/**
 * Maps a DiskArbitration disk description ({@code DADiskCopyDescription}) to a volume. The map holds
 * the description's keys ({@code DAVolumePath}, {@code DAMediaBSDName}, ...) with CoreFoundation
 * values converted to Java: CFString to {@link String}, CFNumber to {@link Number}, CFBoolean to
 * {@link Boolean}, CFURL to its string, CFUUID to its string. The JNA layer adds the I/O Registry
 * serial number under {@link #SERIAL_KEY}, since DiskArbitration has none.
 */
public final class DiskDescription {

    /** Key under which the JNA layer puts the device's I/O Registry serial number, if any. */
    public static final String SERIAL_KEY = "IORegistry.SerialNumber";

    private static final Pattern PARTITION = Pattern.compile("disk\\d+s(\\d+)");

    private DiskDescription() {
    }

    /** The BSD name ({@code disk4s1}) of the description, or empty. */
    public static String bsdName(Map<String, ?> d) {
        return string(d, "DAMediaBSDName");
    }

    /** The mount point, if the volume is mounted. */
    public static Optional<Path> mountPoint(Map<String, ?> d) {
        Object raw = d.get("DAVolumePath");
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.toString();
        try {
            return Optional.of(s.startsWith("file:") ? Path.of(URI.create(s)) : Path.of(s));
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The filesystem facts DiskArbitration knows (its volume UUID stands in for the FAT serial on macOS). */
    public static FilesystemFacts filesystem(Map<String, ?> d) {
        String kind = string(d, "DAVolumeKind");
        String type = string(d, "DAVolumeType"); // "MS-DOS (FAT32)", "ExFAT", "APFS"
        String canonical = FilesystemFacts.canonicalType(kind);
        if (canonical.equals("fat") && FilesystemFacts.canonicalType(type).startsWith("fat")) {
            canonical = FilesystemFacts.canonicalType(type);
        }
        return new FilesystemFacts(canonical, string(d, "DAVolumeUUID"), string(d, "DAVolumeName"), number(d, "DAMediaSize"));
    }

    /**
     * The volume described, or empty when it is not mounted.
     *
     * @param key the appearance key the tracker assigned
     */
    public static Optional<MountedVolume> toVolume(Map<String, ?> d, String key) {
        Optional<Path> mp = mountPoint(d);
        if (mp.isEmpty()) {
            return Optional.empty();
        }
        Path mountPoint = mp.get();
        String bsd = bsdName(d);
        Bus bus = bus(string(d, "DADeviceProtocol"), bool(d, "DAVolumeNetwork"));
        boolean internal = bool(d, "DADeviceInternal");
        boolean removableMedia = bool(d, "DAMediaRemovable");
        boolean removable = removableMedia || bool(d, "DAMediaEjectable") || (!internal && bus != Bus.NETWORK)
                || bus == Bus.IMAGE;
        String serial = string(d, SERIAL_KEY);
        int partition = 0;
        Matcher m = PARTITION.matcher(bsd);
        if (m.matches()) {
            partition = Integer.parseInt(m.group(1));
        }
        Classification c;
        String mpText = mountPoint.toString();
        // The root, the sealed system's companions (/System/Volumes/Data, VM, Preboot, Update) and
        // anything mounted inside the OS's own folders (simulator runtimes) belong to the Mac.
        if (mpText.equals("/") || mpText.startsWith("/System/") || mpText.startsWith("/private/")
                || mpText.startsWith("/Library/")) {
            c = Classification.SYSTEM;
        } else if (removable) {
            c = Classification.REMOVABLE;
        } else {
            c = Classification.OTHER;
        }
        Object writable = d.get("DAMediaWritable");
        return Optional.of(MountedVolume.builder(key, mountPoint).deviceNode(bsd.isEmpty() ? "" : "/dev/" + bsd)
                .filesystem(filesystem(d)).readOnly(Boolean.FALSE.equals(writable)).removable(removable).bus(bus)
                .vendor(string(d, "DADeviceVendor")).model(string(d, "DADeviceModel"))
                // A serial seen through a slot that takes removable media is the reader's, not the card's.
                .hardwareSerial(serial, !removableMedia && bus != Bus.IMAGE).partition(partition).classification(c).build());
    }

    static Bus bus(String protocol, boolean network) {
        if (network) {
            return Bus.NETWORK;
        }
        return switch (protocol.toLowerCase(Locale.ROOT)) {
            case "usb" -> Bus.USB;
            case "secure digital", "sd" -> Bus.SD;
            case "thunderbolt", "pci-express", "pci" -> Bus.THUNDERBOLT;
            case "sata", "ata", "atapi" -> Bus.SATA;
            case "nvme", "apple fabric" -> Bus.NVME;
            case "firewire" -> Bus.FIREWIRE;
            case "virtual interface", "disk image" -> Bus.IMAGE;
            case "sas", "scsi", "fibre channel interface" -> Bus.SCSI;
            default -> Bus.UNKNOWN;
        };
    }

    static String string(Map<String, ?> d, String key) {
        Object v = d.get(key);
        return v == null ? "" : v.toString().strip();
    }

    static long number(Map<String, ?> d, String key) {
        return d.get(key) instanceof Number n ? n.longValue() : 0;
    }

    static boolean bool(Map<String, ?> d, String key) {
        return d.get(key) instanceof Boolean b && b;
    }
}
