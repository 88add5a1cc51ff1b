/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.macos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cartwright.mount.Bus;
import io.cartwright.mount.Classification;
import io.cartwright.mount.MountedVolume;
import io.cartwright.mount.internal.macos.DiskDescription;
import io.cartwright.mount.internal.macos.VolumeTracker;
import io.cartwright.mount.spi.MountSink;

/** DiskArbitration descriptions (recorded as fixtures) become volumes; no Mac needed. */
class DiskDescriptionTest {

    @Test
    void anSdCardInTheBuiltInReader() throws Exception {
        MountedVolume v = DiskDescription.toVolume(Fixtures.description("sdxc-builtin-reader.txt"), "k1").orElseThrow();
        assertEquals(Path.of("/Volumes/A001"), v.mountPoint());
        assertEquals("/dev/disk4s1", v.deviceNode());
        assertEquals("exfat", v.fsType());
        assertEquals("A001", v.label());
        assertEquals("9F2C6E0A-4F4B-3D61-9A47-2E7F0B1C5D11", v.fsId());
        assertEquals(127817449472L, v.capacity());
        assertEquals(Bus.SD, v.bus());
        assertEquals(1, v.partition());
        assertTrue(v.removable());
        assertEquals(Classification.REMOVABLE, v.classification());
        assertEquals("000000009833", v.hardwareSerial());
        assertFalse(v.serialIdentifiesMedium(), "a slot for removable media reports the reader's serial");
        assertFalse(v.readOnly());
    }

    @Test
    void aFat32CardInAUsbReaderKeepsItsFatVariantAndDecodedMountPoint() throws Exception {
        MountedVolume v = DiskDescription.toVolume(Fixtures.description("fat32-usb-reader.txt"), "k2").orElseThrow();
        assertEquals(Path.of("/Volumes/NO NAME"), v.mountPoint());
        assertEquals("fat32", v.fsType());
        assertEquals(Bus.USB, v.bus());
        assertFalse(v.serialIdentifiesMedium());
        assertEquals(Classification.REMOVABLE, v.classification());
    }

    @Test
    void aUsbSsdIsItsOwnMediumSoItsSerialIdentifiesIt() throws Exception {
        MountedVolume v = DiskDescription.toVolume(Fixtures.description("usb-ssd.txt"), "k3").orElseThrow();
        assertEquals("S5SXNS0R712345K", v.hardwareSerial());
        assertTrue(v.serialIdentifiesMedium());
        assertEquals(2, v.partition());
        assertEquals("Samsung", v.vendor());
        assertEquals("PSSD T7", v.model());
        assertTrue(v.removable(), "external and ejectable");
    }

    @Test
    void theInternalDataVolumeIsSystem() throws Exception {
        MountedVolume v = DiskDescription.toVolume(Fixtures.description("internal-data.txt"), "k4").orElseThrow();
        assertEquals(Classification.SYSTEM, v.classification());
        assertEquals(Bus.NVME, v.bus());
        assertFalse(v.removable());
    }

    @Test
    void anAttachedDiskImageIsARemovableImage() throws Exception {
        MountedVolume v = DiskDescription.toVolume(Fixtures.description("disk-image.txt"), "k5").orElseThrow();
        assertEquals(Bus.IMAGE, v.bus());
        assertTrue(v.removable());
        assertTrue(v.readOnly());
        assertEquals(Classification.REMOVABLE, v.classification());
    }

    @Test
    void aDiskWithoutVolumePathIsNotMounted() throws Exception {
        assertTrue(DiskDescription.toVolume(Fixtures.description("sd-not-mounted.txt"), "k6").isEmpty());
    }

    @Test
    void theTrackerTurnsDiskCallbacksIntoMountsAndUnmounts() throws Exception {
        List<String> seen = new ArrayList<>();
        VolumeTracker t = new VolumeTracker(new MountSink() {
            @Override
            public void mounted(MountedVolume volume) {
                seen.add("+" + volume.mountPoint() + " " + volume.key());
            }

            @Override
            public void unmounted(MountedVolume volume) {
                seen.add("-" + volume.mountPoint() + " " + volume.key());
            }
        }, "s");
        Map<String, Object> appeared = Fixtures.description("sd-not-mounted.txt");
        Map<String, Object> mounted = Fixtures.description("sdxc-builtin-reader.txt");
        t.described(appeared); // disk appeared, not mounted yet
        t.described(mounted); // description changed: DAVolumePath set
        t.described(mounted); // another change (free space): no event
        t.described(appeared); // unmounted (DAVolumePath gone), disk still there
        t.described(mounted); // mounted again: a new appearance key
        t.disappeared("disk4s1"); // pulled
        t.disappeared("disk4s1");
        assertEquals(List.of("+/Volumes/A001 macos:s:disk4s1:1", "-/Volumes/A001 macos:s:disk4s1:1",
                "+/Volumes/A001 macos:s:disk4s1:2", "-/Volumes/A001 macos:s:disk4s1:2"), seen);
    }
}
