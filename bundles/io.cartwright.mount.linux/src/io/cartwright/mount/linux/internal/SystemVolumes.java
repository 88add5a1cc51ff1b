/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.linux.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which mounts belong to the computer rather than to a card: pseudo and in-memory
 * filesystems, the root, boot, EFI, home and other OS filesystems, anything below {@code /proc},
 * {@code /sys}, {@code /dev}, {@code /run} (except {@code /run/media}, where desktops mount cards),
 * {@code /snap} and {@code /var/lib}, swap partitions and the filesystems holding swap files, and the
 * filesystem holding the user's home directory. (The filesystem holding the Cartwright database is
 * added by the mount service.)
 */
final class SystemVolumes {

    static final Set<String> PSEUDO = Set.of("proc", "sysfs", "tmpfs", "devtmpfs", "devpts", "cgroup", "cgroup2", "overlay",
            "securityfs", "debugfs", "tracefs", "mqueue", "hugetlbfs", "autofs", "pstore", "bpf", "binfmt_misc", "fusectl",
            "configfs", "efivarfs", "ramfs", "nsfs", "rpc_pipefs", "nfsd", "selinuxfs", "squashfs", "fuse.gvfsd-fuse",
            "fuse.portal", "fuse.lxcfs", "fuse.snapfuse", "fuse.xdg-document-portal", "zfs", "erofs", "virtiofs",
            "9p", "aufs", "shiftfs", "cpuset", "none", "swap");

    static final Set<String> NETWORK = Set.of("nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "afs", "ceph",
            "glusterfs", "fuse.rclone", "davfs", "fuse.davfs2");

    private static final Set<String> SYSTEM_POINTS = Set.of("/", "/boot", "/boot/efi", "/efi", "/home", "/usr", "/var",
            "/opt", "/srv", "/root", "/tmp", "/nix", "/gnu");

    private static final List<String> SYSTEM_TREES = List.of("/proc", "/sys", "/dev", "/run", "/snap", "/var/lib",
            "/var/snap", "/boot");

    private final Set<String> swapDevices;
    private final List<Path> systemPaths;

    /**
     * @param swaps the lines of {@code /proc/swaps}
     * @param home the user's home directory
     */
    SystemVolumes(List<String> swaps, Path home) {
        Set<String> devices = new HashSet<>();
        List<Path> paths = new ArrayList<>();
        for (String line : swaps) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 2 || f[0].equals("Filename")) {
                continue;
            }
            String name = MountInfo.unescape(f[0]);
            if (f[1].equals("partition")) {
                devices.add(name);
            } else if (name.startsWith("/")) {
                paths.add(Path.of(name));
            }
        }
        if (home != null) {
            paths.add(home);
        }
        this.swapDevices = devices;
        this.systemPaths = paths;
    }

    static boolean pseudo(String fsType) {
        return PSEUDO.contains(fsType);
    }

    static boolean network(String fsType) {
        return NETWORK.contains(fsType) || fsType.startsWith("nfs");
    }

    /** System by its own line alone (type, place, swap), before looking at the device. */
    boolean systemByLine(MountInfo.Entry e) {
        if (pseudo(e.fsType()) || swapDevices.contains(e.source())) {
            return true;
        }
        String mp = e.mountPoint().toString();
        if (SYSTEM_POINTS.contains(mp)) {
            return true;
        }
        if (mp.startsWith("/run/media/") || mp.equals("/run/media")) {
            return false;
        }
        for (String tree : SYSTEM_TREES) {
            if (mp.startsWith(tree + "/")) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when {@code e} is the deepest mount holding the home directory or a swap file, among
     * {@code all} current mounts.
     */
    boolean holdsSystemPath(MountInfo.Entry e, Collection<MountInfo.Entry> all) {
        for (Path p : systemPaths) {
            if (!p.startsWith(e.mountPoint())) {
                continue;
            }
            boolean deeper = false;
            for (MountInfo.Entry o : all) {
                if (o != e && o.mountPoint().getNameCount() > e.mountPoint().getNameCount()
                        && o.mountPoint().startsWith(e.mountPoint()) && p.startsWith(o.mountPoint())) {
                    deeper = true;
                    break;
                }
            }
            if (!deeper) {
                return true;
            }
        }
        return false;
    }
}
