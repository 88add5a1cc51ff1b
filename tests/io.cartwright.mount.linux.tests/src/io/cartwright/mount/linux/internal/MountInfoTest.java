/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Parsing of /proc/self/mountinfo lines, escapes included. */
class MountInfoTest {

    @Test
    void aFuseblkCardWithASpaceInItsMountPoint() {
        MountInfo.Entry e = MountInfo.parseLine(
                "42 27 7:0 / /media/dit/NO\\040NAME rw,nosuid,nodev,relatime shared:5 - fuseblk /dev/loop0 rw,user_id=0,allow_other");
        assertEquals(42, e.mountId());
        assertEquals(27, e.parentId());
        assertEquals(7, e.major());
        assertEquals(0, e.minor());
        assertEquals("/", e.root());
        assertEquals(Path.of("/media/dit/NO NAME"), e.mountPoint());
        assertEquals("fuseblk", e.fsType());
        assertEquals("/dev/loop0", e.source());
        assertFalse(e.readOnly());
    }

    @Test
    void optionalFieldsAndTabsNewlinesBackslashes() {
        MountInfo.Entry e = MountInfo.parseLine(
                "97 30 8:33 / /run/media/dit/A\\011B\\012C\\134D ro,relatime shared:1 master:2 propagate_from:3 - vfat /dev/sdc1 ro,fmask=0022");
        assertEquals(Path.of("/run/media/dit/A\tB\nC\\D"), e.mountPoint());
        assertEquals("vfat", e.fsType());
        assertTrue(e.readOnly());
    }

    @Test
    void nonAsciiNamesSurviveAsBytes() {
        byte[] line = "50 27 8:17 / /media/Kamera\\040\u00e9t\u00e9 rw - exfat /dev/sdb1 rw".getBytes(StandardCharsets.UTF_8);
        MountInfo.Entry e = MountInfo.parse(MountInfo.text(line)).get(0);
        assertEquals(Path.of("/media/Kamera \u00e9t\u00e9"), e.mountPoint());
    }

    @Test
    void anAnonymousFuseMountAndMalformedLines() {
        List<MountInfo.Entry> all = MountInfo.parse(String.join("\n",
                "43 27 0:39 / /tmp/t/mf rw,nosuid,nodev,relatime - fuse.fusefat fusefat rw,user_id=0,group_id=0",
                "garbage line",
                "44 27 x:y / /x rw - ext4 /dev/sda1 rw",
                "45 27 8:1 / /y rw no-separator ext4 /dev/sda1 rw",
                ""));
        assertEquals(1, all.size());
        assertEquals(0, all.get(0).major());
        assertEquals("fuse.fusefat", all.get(0).fsType());
        assertNull(MountInfo.parseLine(""));
    }

    @Test
    void theLineKeyChangesWithTheMountIdAndDevice() {
        MountInfo.Entry a = MountInfo.parseLine("42 27 7:0 / /mnt/a rw - fuseblk /dev/loop0 rw");
        MountInfo.Entry b = MountInfo.parseLine("43 27 7:0 / /mnt/a rw - fuseblk /dev/loop0 rw");
        MountInfo.Entry c = MountInfo.parseLine("42 27 7:1 / /mnt/a rw - fuseblk /dev/loop1 rw");
        assertFalse(a.lineKey().equals(b.lineKey()));
        assertFalse(a.lineKey().equals(c.lineKey()));
    }
}
