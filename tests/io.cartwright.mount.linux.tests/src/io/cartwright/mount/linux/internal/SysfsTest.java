/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.mount.Bus;

/**
 * sysfs lookups against a recorded tree: the same files and relative symlinks the kernel shows for
 * a USB card reader, a USB SSD, a native SD slot, a Thunderbolt NVMe drive and a loop device.
 */
class SysfsTest {

    @TempDir
    Path root;
    Sysfs sysfs;

    @BeforeEach
    void tree() throws IOException {
        Path sys = root.resolve("sys");
        // USB 3 card reader (removable media) with a CF card, partition 1
        Path usb = dir(sys, "devices/pci0000:00/0000:00:14.0/usb2/2-1");
        file(usb, "idVendor", "05e3");
        file(usb, "idProduct", "0749");
        file(usb, "manufacturer", "Generic");
        file(usb, "product", "USB3.0 Card Reader");
        file(usb, "serial", "000000000819");
        Path scsi = dir(usb, "2-1:1.0/host6/target6:0:0/6:0:0:1");
        file(scsi, "vendor", "Generic ");
        file(scsi, "model", "STORAGE DEVICE  ");
        Path sdc = disk(scsi, "sdc", "8:32", 1, 62521344);
        partition(sys, sdc, "sdc1", "8:33", 1, 62519296);
        // USB SSD (fixed media)
        Path usb2 = dir(sys, "devices/pci0000:00/0000:00:14.0/usb2/2-2");
        file(usb2, "idVendor", "04e8");
        file(usb2, "serial", "S5SXNS0R712345K");
        file(usb2, "product", "PSSD T7");
        Path scsi2 = dir(usb2, "2-2:1.0/host7/target7:0:0/7:0:0:0");
        file(scsi2, "vendor", "Samsung ");
        file(scsi2, "model", "PSSD T7         ");
        Path sdd = disk(scsi2, "sdd", "8:48", 0, 1953525168);
        partition(sys, sdd, "sdd2", "8:50", 2, 1953300000);
        // native SD slot
        Path card = dir(sys, "devices/pci0000:00/0000:00:1e.6/mmc_host/mmc0/mmc0:aaaa");
        file(card, "name", "SN64G");
        file(card, "serial", "0x1234abcd");
        file(card, "manfid", "0x000003");
        file(card, "oemid", "0x5344");
        Path mmc = disk(card, "mmcblk0", "179:0", 0, 124735488);
        partition(sys, mmc, "mmcblk0p1", "179:1", 1, 124727296);
        // Thunderbolt NVMe (external PCIe port marked removable)
        Path port = dir(sys, "devices/pci0000:00/0000:00:1d.4/0000:05:00.0");
        file(port, "removable", "removable");
        Path ctrl = dir(port, "nvme/nvme0");
        file(ctrl, "model", "CFexpress Type B Reader");
        file(ctrl, "serial", "NV123456");
        Path ns = disk(ctrl, "nvme0n1", "259:0", 0, 1000215216);
        partition(sys, ns, "nvme0n1p1", "259:1", 1, 1000000000);
        // loop device
        Path loop = dir(sys, "devices/virtual/block/loop3");
        file(loop, "size", "131072");
        file(loop, "removable", "0");
        file(loop, "ro", "0");
        file(loop, "dev", "7:3");
        file(loop, "uevent", "MAJOR=7\nMINOR=3\nDEVNAME=loop3\nDEVTYPE=disk");
        file(dir(loop, "loop"), "backing_file", "/srv/cards/A001.img");
        link(sys, "dev/block/7:3", loop);
        link(sys, "class/block/loop3", loop);
        sysfs = new Sysfs(sys, root.resolve("udev"));
    }

    @Test
    void aCardBehindAUsbReaderHasTheReadersSerialNotItsOwn() {
        BlockDevice d = sysfs.byNumber(8, 33).orElseThrow();
        assertEquals("sdc1", d.name());
        assertEquals("/dev/sdc1", d.devNode());
        assertEquals(1, d.partition());
        assertEquals(62519296L * 512, d.size());
        assertEquals(Bus.USB, d.bus());
        assertTrue(d.removableMedia());
        assertTrue(d.hotplug());
        assertEquals("Generic", d.vendor());
        assertEquals("STORAGE DEVICE", d.model());
        assertEquals("000000000819", d.serial());
        assertFalse(d.serialIsMedium());
    }

    @Test
    void aUsbSsdIsItsOwnMedium() {
        BlockDevice d = sysfs.byName("sdd2").orElseThrow();
        assertEquals(2, d.partition());
        assertEquals("S5SXNS0R712345K", d.serial());
        assertTrue(d.serialIsMedium());
        assertTrue(d.hotplug(), "USB is detachable even with fixed media");
        assertEquals("Samsung", d.vendor());
    }

    @Test
    void anSdCardInANativeSlotShowsItsCidSerial() {
        BlockDevice d = sysfs.byNumber(179, 1).orElseThrow();
        assertEquals(Bus.SD, d.bus());
        assertEquals("0x1234abcd", d.serial());
        assertTrue(d.serialIsMedium());
        assertEquals("SanDisk", d.vendor());
        assertEquals("SN64G", d.model());
    }

    @Test
    void anNvmeBehindAnExternalPortIsThunderbolt() {
        BlockDevice d = sysfs.byName("nvme0n1p1").orElseThrow();
        assertEquals(Bus.THUNDERBOLT, d.bus());
        assertEquals("NV123456", d.serial());
        assertTrue(d.hotplug());
    }

    @Test
    void aLoopDeviceIsAnImageWithoutSerial() {
        BlockDevice d = sysfs.byNumber(7, 3).orElseThrow();
        assertEquals(Bus.IMAGE, d.bus());
        assertEquals("/srv/cards/A001.img", d.backingFile());
        assertEquals("", d.serial());
        assertEquals(64L << 20, d.size());
        assertTrue(d.hotplug());
    }

    @Test
    void unknownDevicesAreEmpty() {
        assertTrue(sysfs.byNumber(8, 99).isEmpty());
        assertTrue(sysfs.byName("../etc").isEmpty());
    }

    private static Path dir(Path base, String rel) throws IOException {
        return Files.createDirectories(base.resolve(rel));
    }

    private static void file(Path dir, String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content + "\n");
    }

    private static Path disk(Path device, String name, String number, int removable, long sectors) throws IOException {
        Path d = dir(device, "block/" + name);
        file(d, "removable", Integer.toString(removable));
        file(d, "size", Long.toString(sectors));
        file(d, "ro", "0");
        file(d, "dev", number);
        file(d, "uevent", "DEVNAME=" + name + "\nDEVTYPE=disk");
        Files.createSymbolicLink(d.resolve("device"), d.relativize(device));
        return d;
    }

    private static void partition(Path sys, Path disk, String name, String number, int index, long sectors) throws IOException {
        Path p = dir(disk, name);
        file(p, "partition", Integer.toString(index));
        file(p, "size", Long.toString(sectors));
        file(p, "dev", number);
        file(p, "uevent", "DEVNAME=" + name + "\nDEVTYPE=partition");
        link(sys, "dev/block/" + number, p);
        link(sys, "class/block/" + name, p);
    }

    private static void link(Path sys, String at, Path target) throws IOException {
        Path l = sys.resolve(at);
        Files.createDirectories(l.getParent());
        Files.createSymbolicLink(l, l.getParent().relativize(target));
    }
}
