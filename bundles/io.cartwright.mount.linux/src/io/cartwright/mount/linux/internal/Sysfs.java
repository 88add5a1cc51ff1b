/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.linux.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.cartwright.mount.Bus;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Reads block device facts from sysfs, under a configurable root so tests can use a recorded tree.
 *
 * <ul>
 * <li>{@code /sys/dev/block/<maj>:<min>} links to the device's directory; a partition has a
 * {@code partition} file and its parent directory is the whole disk.</li>
 * <li>The disk has {@code size} (512-byte sectors), {@code ro}, {@code removable}; {@code device}
 * links to the SCSI device ({@code vendor}, {@code model}, {@code vpd_pg80}), the MMC card
 * ({@code name}, {@code serial}, {@code manfid}) or the NVMe controller ({@code model}, {@code serial}).</li>
 * <li>Walking up from there finds the USB device ({@code idVendor}, {@code manufacturer},
 * {@code product}, {@code serial}) or an external PCIe port ({@code removable} = {@code removable},
 * i.e. Thunderbolt/USB4).</li>
 * <li>Loop devices: {@code /sys/block/loopN/loop/backing_file}. They have no serial.</li>
 * </ul>
 * The udev database ({@code /run/udev/data/b<maj>:<min>}) fills the serial when sysfs has none (SATA).
 */
final class Sysfs {

    private final Path sys;
    private final Path udevData;

    Sysfs(Path sys, Path udevData) {
        this.sys = sys;
        this.udevData = udevData;
    }

    /** The block device with this device number, if sysfs knows it. */
    Optional<BlockDevice> byNumber(int major, int minor) {
        return fromDir(sys.resolve("dev/block/" + major + ":" + minor));
    }

    /** The block device with this kernel name ({@code sdb1}). */
    Optional<BlockDevice> byName(String name) {
        if (name.isEmpty() || name.contains("/")) {
            return Optional.empty();
        }
        return fromDir(sys.resolve("class/block/" + name));
    }

    private Optional<BlockDevice> fromDir(Path link) {
        Path dir;
        try {
            dir = link.toRealPath();
        } catch (IOException e) {
            return Optional.empty();
        }
        String name = dir.getFileName().toString();
        int partition = (int) number(dir.resolve("partition"));
        Path disk = partition > 0 || Files.exists(dir.resolve("partition")) ? dir.getParent() : dir;
        String diskName = disk.getFileName().toString();
        Map<String, String> uevent = keyValues(dir.resolve("uevent"), "=");
        String devNode = "/dev/" + uevent.getOrDefault("DEVNAME", name);
        long size = number(dir.resolve("size")) * 512;
        boolean readOnly = number(dir.resolve("ro")) == 1 || number(disk.resolve("ro")) == 1;
        boolean removableMedia = number(disk.resolve("removable")) == 1;
        String path = disk.toString();
        Path device = realOrNull(disk.resolve("device"));

        Bus bus;
        String vendor = "";
        String model = "";
        String serial = "";
        boolean serialIsMedium = false;
        String backing = "";
        Path usb = device == null ? null : ancestorWith(device, "idVendor");
        if (diskName.startsWith("loop") || path.contains("/virtual/block/loop")) {
            bus = Bus.IMAGE;
            backing = text(disk.resolve("loop/backing_file"));
            model = "Loop device";
        } else if (usb != null && device != null) {
            bus = Bus.USB;
            vendor = first(text(device.resolve("vendor")), text(usb.resolve("manufacturer")));
            model = first(text(device.resolve("model")), text(usb.resolve("product")));
            serial = text(usb.resolve("serial"));
            // A slot for removable media (a card reader) reports the reader's serial, not the card's.
            serialIsMedium = !removableMedia;
        } else if (diskName.startsWith("mmcblk") || path.contains("/mmc_host/")) {
            bus = Bus.SD;
            if (device != null) {
                vendor = manufacturer(text(device.resolve("manfid")), text(device.resolve("oemid")));
                model = text(device.resolve("name"));
                serial = text(device.resolve("serial")); // from the card's CID register: the card's own
                serialIsMedium = !serial.isEmpty();
            }
        } else if (diskName.startsWith("nvme")) {
            bus = device != null && ancestorWithValue(device, "removable", "removable") ? Bus.THUNDERBOLT : Bus.NVME;
            if (device != null) {
                model = text(device.resolve("model"));
                serial = text(device.resolve("serial"));
                serialIsMedium = true;
            }
        } else if (device != null) {
            if (ancestorWithValue(device, "removable", "removable")) {
                bus = Bus.THUNDERBOLT;
            } else if (path.contains("/ata")) {
                bus = Bus.SATA;
            } else if (path.contains("/firewire")) {
                bus = Bus.FIREWIRE;
            } else if (path.contains("/virtio") || path.contains("/virtual/")) {
                bus = Bus.VIRTUAL;
            } else if (Files.exists(device.resolve("vendor"))) {
                bus = Bus.SCSI;
            } else {
                bus = Bus.UNKNOWN;
            }
            vendor = text(device.resolve("vendor"));
            model = text(device.resolve("model"));
            serial = vpdSerial(device.resolve("vpd_pg80"));
            serialIsMedium = !removableMedia;
        } else {
            bus = path.contains("/virtual/") ? Bus.VIRTUAL : Bus.UNKNOWN;
        }
        if (serial.isEmpty() && bus != Bus.IMAGE) {
            String major = text(disk.resolve("dev"));
            if (!major.isEmpty()) {
                serial = keyValues(udevData.resolve("b" + major), "=").getOrDefault("E:ID_SERIAL_SHORT", "");
                serialIsMedium = serialIsMedium || !removableMedia && !serial.isEmpty();
            }
        }
        boolean hotplug = removableMedia || bus == Bus.USB || bus == Bus.SD || bus == Bus.THUNDERBOLT || bus == Bus.FIREWIRE
                || bus == Bus.IMAGE;
        return Optional.of(new BlockDevice(name, devNode, partition, size, readOnly, bus, removableMedia, hotplug, vendor,
                model, serial, serialIsMedium && !serial.isEmpty(), backing));
    }

    /** The MMC manufacturer id as text; a few common card makers by name. */
    private static String manufacturer(String manfid, String oemid) {
        String id = manfid.startsWith("0x") ? manfid.substring(2) : manfid;
        String known = switch (id.replaceFirst("^0+", "")) {
            case "3" -> "SanDisk";
            case "2" -> "Kingston";
            case "1b" -> "Samsung";
            case "27" -> "Sony";
            case "28" -> "Lexar";
            case "74" -> "Transcend";
            case "9f" -> "Kingston";
            default -> "";
        };
        if (!known.isEmpty()) {
            return known;
        }
        return manfid.isEmpty() ? "" : "MMC manufacturer " + manfid + (oemid.isEmpty() ? "" : " / " + oemid);
    }

    /**
     * The udev database's properties ({@code E:} lines, without the prefix) of the block device
     * with this kernel name; empty when udev is not running.
     */
    Map<String, String> udevProperties(String name) {
        String number = text(sys.resolve("class/block/" + name + "/dev"));
        Map<String, String> out = new HashMap<>();
        if (number.isEmpty()) {
            return out;
        }
        keyValues(udevData.resolve("b" + number), "=").forEach((k, v) -> {
            if (k.startsWith("E:")) {
                out.put(k.substring(2), v);
            }
        });
        return out;
    }

    /** SCSI VPD page 0x80 (unit serial number): 4-byte header, then ASCII. */
    private static String vpdSerial(Path page) {
        try {
            byte[] b = Files.readAllBytes(page);
            if (b.length <= 4) {
                return "";
            }
            int len = Math.min(b.length - 4, b[3] & 0xff);
            return new String(b, 4, len, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private @Nullable Path ancestorWith(Path start, String file) {
        for (Path p = start; p != null && p.startsWith(sys) && !p.equals(sys); p = p.getParent()) {
            if (Files.exists(p.resolve(file))) {
                return p;
            }
        }
        return null;
    }

    private boolean ancestorWithValue(Path start, String file, String value) {
        for (Path p = start; p != null && p.startsWith(sys) && !p.equals(sys); p = p.getParent()) {
            if (value.equals(text(p.resolve(file)))) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable Path realOrNull(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    static String text(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static long number(Path file) {
        try {
            return Long.parseLong(text(file));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static Map<String, String> keyValues(Path file, String separator) {
        Map<String, String> out = new HashMap<>();
        for (String line : text(file).split("\n")) {
            int i = line.indexOf(separator);
            if (i > 0) {
                out.put(line.substring(0, i), line.substring(i + separator.length()));
            }
        }
        return out;
    }

    private static String first(String a, String b) {
        return a.isEmpty() ? b : a;
    }
}
