/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.windows.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.cartwright.mount.Bus;
import io.cartwright.mount.Classification;
import io.cartwright.mount.MountedVolume;
import io.cartwright.mount.internal.windows.DeviceBroadcast;
import io.cartwright.mount.internal.windows.DriveFacts;
import io.cartwright.mount.internal.windows.DriveTracker;
import io.cartwright.mount.internal.windows.StorageDeviceDescriptor;
import io.cartwright.mount.internal.windows.StorageDeviceNumber;
import io.cartwright.mount.spi.MountSink;

/** The bytes the Windows IOCTLs and notifications return (recorded as hex fixtures) become volumes; no Windows needed. */
class WindowsMappingTest {

    static byte[] hex(String name) throws IOException {
        try (InputStream in = WindowsMappingTest.class.getResourceAsStream("/fixtures/windows/" + name)) {
            if (in == null) {
                throw new IOException("fixture missing: " + name);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.startsWith("#")) {
                    continue;
                }
                for (String b : line.strip().split("\\s+")) {
                    if (!b.isEmpty()) {
                        out.write(Integer.parseInt(b, 16));
                    }
                }
            }
            return out.toByteArray();
        }
    }

    @Test
    void aUsbCardReaderDescriptor() throws Exception {
        StorageDeviceDescriptor d = StorageDeviceDescriptor.parse(hex("usb-card-reader.hex"));
        assertEquals("Generic", d.vendor());
        assertEquals("STORAGE DEVICE", d.product());
        assertEquals("1404", d.revision());
        assertEquals("000000000819", d.serial());
        assertTrue(d.removableMedia());
        assertEquals(Bus.USB, d.bus());
    }

    @Test
    void descriptorsOfOtherDevices() throws Exception {
        StorageDeviceDescriptor ssd = StorageDeviceDescriptor.parse(hex("usb-ssd.hex"));
        assertFalse(ssd.removableMedia());
        assertEquals("S5SXNS0R712345K", ssd.serial());
        StorageDeviceDescriptor sd = StorageDeviceDescriptor.parse(hex("sd-slot.hex"));
        assertEquals(Bus.SD, sd.bus());
        assertEquals("", sd.vendor(), "offset 0 means absent");
        assertEquals("", sd.serial());
        assertEquals(Bus.NVME, StorageDeviceDescriptor.parse(hex("nvme.hex")).bus());
        assertEquals("", StorageDeviceDescriptor.parse(hex("blank-serial.hex")).serial(), "all zeros is no serial");
    }

    @Test
    void aTruncatedDescriptorIsRejectedAndOffsetsPastTheDataAreIgnored() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> StorageDeviceDescriptor.parse(new byte[20]));
        byte[] raw = hex("usb-card-reader.hex");
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).putInt(24, 4096); // serial offset beyond the buffer
        assertEquals("", StorageDeviceDescriptor.parse(raw).serial());
    }

    @Test
    void deviceNumberAndBroadcastHeaders() {
        byte[] number = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(7).putInt(2).putInt(1).array();
        StorageDeviceNumber n = StorageDeviceNumber.parse(number);
        assertEquals(2, n.deviceNumber());
        assertEquals(1, n.partitionNumber());
        assertEquals("\\\\.\\PhysicalDrive2", n.physicalDrive());

        // DEV_BROADCAST_VOLUME: size, DBT_DEVTYP_VOLUME, reserved, unitmask (E: and G:), flags
        byte[] volume = ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN).putInt(18).putInt(2).putInt(0)
                .putInt((1 << 4) | (1 << 6)).putShort((short) 0).array();
        assertEquals(List.of('E', 'G'), DeviceBroadcast.volumeDrives(volume));
        byte[] port = ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN).putInt(18).putInt(3).array(); // DBT_DEVTYP_PORT
        assertTrue(DeviceBroadcast.volumeDrives(port).isEmpty());
        assertTrue(DeviceBroadcast.changesVolumes(DeviceBroadcast.DBT_DEVICEARRIVAL));
        assertFalse(DeviceBroadcast.changesVolumes(0x0007)); // DBT_DEVNODES_CHANGED
    }

    static DriveFacts card(String root, int serial, String descriptor) throws IOException {
        return new DriveFacts(root, "\\\\?\\Volume{6b29fc40-ca47-1067-b31d-00dd010662da}\\", DriveFacts.DRIVE_REMOVABLE, "A001",
                serial, "exFAT", 0, 127817449472L, 1L << 30, Optional.of(StorageDeviceDescriptor.parse(hex(descriptor))),
                Optional.of(new StorageDeviceNumber(7, 3, 1)));
    }

    @Test
    void aCardInAReaderBecomesARemovableVolumeIdentifiedByItsVolumeSerial() throws Exception {
        MountedVolume v = card("E:\\", 0x6BAED987, "usb-card-reader.hex").toVolume("k", "C:");
        assertEquals(Path.of("E:\\"), v.mountPoint());
        assertEquals("\\\\.\\E:", v.deviceNode());
        assertEquals("exfat", v.fsType());
        assertEquals("6BAE-D987", v.fsId(), "as 'vol E:' prints it");
        assertEquals(Classification.REMOVABLE, v.classification());
        assertEquals(Bus.USB, v.bus());
        assertEquals(1, v.partition());
        assertFalse(v.serialIdentifiesMedium(), "the reader's serial");
    }

    @Test
    void theSystemDriveIsSystemAndAShareHasNoFilesystemId() throws Exception {
        DriveFacts c = new DriveFacts("C:\\", "", DriveFacts.DRIVE_FIXED, "Windows", 0x1234ABCD, "NTFS", 0, 2000L << 30, 0,
                Optional.of(StorageDeviceDescriptor.parse(hex("nvme.hex"))), Optional.empty());
        MountedVolume sys = c.toVolume("k", "C:");
        assertEquals(Classification.SYSTEM, sys.classification());
        assertTrue(sys.serialIdentifiesMedium());
        DriveFacts share = new DriveFacts("Z:\\", "", DriveFacts.DRIVE_REMOTE, "projects", 0x0BADF00D, "NTFS", 0, 0, 0,
                Optional.empty(), Optional.empty());
        MountedVolume z = share.toVolume("k2", "C:");
        assertEquals(Bus.NETWORK, z.bus());
        assertEquals("", z.fsId());
        assertEquals("", z.deviceNode());
        assertEquals(Classification.OTHER, z.classification());
    }

    @Test
    void theTrackerReportsDifferencesBetweenScans() throws Exception {
        List<String> seen = new ArrayList<>();
        DriveTracker t = new DriveTracker(new MountSink() {
            @Override
            public void mounted(MountedVolume v) {
                seen.add("+" + v.mountPoint() + " " + v.fsId() + " " + v.key());
            }

            @Override
            public void unmounted(MountedVolume v) {
                seen.add("-" + v.mountPoint() + " " + v.fsId() + " " + v.key());
            }
        }, "s", "C:");
        DriveFacts a = card("E:\\", 0x6BAED987, "usb-card-reader.hex");
        t.scanned(List.of(a));
        t.scanned(List.of(a)); // unrelated device change: nothing
        DriveFacts reformatted = card("E:\\", 0x11112222, "usb-card-reader.hex");
        t.scanned(List.of(reformatted)); // another card (or a new filesystem) in the same slot
        t.scanned(List.of());
        assertEquals(4, seen.size(), seen.toString());
        assertTrue(seen.get(0).startsWith("+E:\\ 6BAE-D987"));
        assertTrue(seen.get(1).startsWith("-E:\\ 6BAE-D987"));
        assertTrue(seen.get(2).startsWith("+E:\\ 1111-2222"));
        assertTrue(seen.get(3).startsWith("-E:\\ 1111-2222"));
        assertNotEquals(seen.get(0).split(" ")[2], seen.get(2).split(" ")[2], "every appearance has its own key");
    }
}
