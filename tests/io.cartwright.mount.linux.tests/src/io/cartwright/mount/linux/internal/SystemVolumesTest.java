/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.linux.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class SystemVolumesTest {

    private final SystemVolumes system = new SystemVolumes(List.of(
            "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority",
            "/dev/nvme0n1p3                          partition\t8388604\t\t0\t\t-2",
            "/data/swap\\040file                        file\t\t1048572\t\t0\t\t-3"), Path.of("/home/dit"));

    private static MountInfo.Entry line(String text) {
        return MountInfo.parseLine(text);
    }

    @Test
    void osAndPseudoFilesystemsAreSystem() {
        for (String l : List.of("27 1 254:0 / / rw - ext4 /dev/vda rw", "30 27 259:1 / /boot/efi rw - vfat /dev/nvme0n1p1 rw",
                "31 27 259:2 / /home rw - ext4 /dev/nvme0n1p2 rw", "22 27 0:21 / /proc rw - proc proc rw",
                "25 24 0:23 / /dev/shm rw - tmpfs tmpfs rw", "60 27 0:50 / /var/lib/docker/overlay2/x/merged rw - overlay overlay rw",
                "61 27 7:9 / /snap/core22/1380 ro - squashfs /dev/loop9 ro", "62 27 0:55 / /run/user/1000 rw - tmpfs tmpfs rw",
                "63 27 259:3 / /mnt/swapdisk rw - ext4 /dev/nvme0n1p3 rw")) {
            assertTrue(system.systemByLine(line(l)), l);
        }
    }

    @Test
    void cardsWhereDesktopsAndPeopleMountThemAreNot() {
        for (String l : List.of("70 27 8:33 / /run/media/dit/A001 rw - exfat /dev/sdc1 rw",
                "71 27 8:49 / /media/dit/NO\\040NAME rw - vfat /dev/sdd1 rw", "72 27 7:0 / /tmp/t/mnt rw - fuseblk /dev/loop0 rw",
                "73 27 8:65 / /mnt/shuttle rw - ext4 /dev/sde1 rw")) {
            assertFalse(system.systemByLine(line(l)), l);
        }
    }

    @Test
    void theFilesystemsHoldingHomeAndASwapFileAreSystem() {
        MountInfo.Entry root = line("27 1 254:0 / / rw - ext4 /dev/vda rw");
        MountInfo.Entry data = line("80 27 8:17 / /data rw - ext4 /dev/sdb1 rw");
        MountInfo.Entry users = line("81 27 8:18 / /srv/users rw - ext4 /dev/sdb2 rw");
        MountInfo.Entry card = line("82 27 8:33 / /srv/users/card rw - exfat /dev/sdc1 rw");
        List<MountInfo.Entry> all = List.of(root, data, users, card);
        assertTrue(system.holdsSystemPath(data, all), "holds the swap file");
        assertTrue(system.holdsSystemPath(root, all), "holds /home/dit");
        assertFalse(system.holdsSystemPath(users, all));
        assertFalse(system.holdsSystemPath(card, all));
    }
}
