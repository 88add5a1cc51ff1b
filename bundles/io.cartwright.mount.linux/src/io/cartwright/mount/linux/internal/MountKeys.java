/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.linux.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The appearance key of a mount: {@code linux:<boot id>:<unique mount id>}. Since Linux 6.8 the
 * kernel gives each mount a 64-bit id that is never reused until reboot ({@code statx} with
 * {@code STATX_MNT_ID_UNIQUE}); with the boot id it is unique forever, and every process sees the
 * same key for the same mount. On older kernels the key falls back to the 32-bit mount id, the
 * device number and the mount point ({@code linux:<boot id>:m<id>:<maj>:<min>:<mount point>}); the
 * kernel reuses those ids, so a re-mount that reuses the id while no Cartwright process watched is
 * not told apart there.
 */
final class MountKeys {

    private final @Nullable LibC libc;
    private final String bootId;
    private volatile boolean uniqueUnsupported;

    MountKeys(@Nullable LibC libc, Path proc) {
        this.libc = libc;
        String id;
        try {
            id = Files.readString(proc.resolve("sys/kernel/random/boot_id")).strip();
        } catch (IOException e) {
            id = "noboot";
        }
        this.bootId = id;
    }

    String bootId() {
        return bootId;
    }

    /** The key of the mount described by {@code e}. */
    String key(MountInfo.Entry e) {
        long unique = uniqueMountId(e.mountPoint());
        if (unique > 0) {
            return "linux:" + bootId + ":" + unique;
        }
        return fallbackKey(e);
    }

    String fallbackKey(MountInfo.Entry e) {
        return "linux:" + bootId + ":m" + e.mountId() + ":" + e.major() + ":" + e.minor() + ":" + e.mountPoint();
    }

    /** The kernel's unique id of the mount at {@code mountPoint}, or 0 when the kernel or libc cannot tell. */
    long uniqueMountId(Path mountPoint) {
        LibC c = libc;
        if (c == null || uniqueUnsupported) {
            return 0;
        }
        try (Memory buf = new Memory(LibC.STATX_SIZE)) {
            buf.clear();
            c.statx(LibC.AT_FDCWD, mountPoint.toString(), LibC.AT_NO_AUTOMOUNT | LibC.AT_STATX_DONT_SYNC,
                    LibC.STATX_MNT_ID_UNIQUE, buf);
            if ((buf.getInt(0) & LibC.STATX_MNT_ID_UNIQUE) == 0) {
                uniqueUnsupported = true; // kernel older than 6.8: it ignores the request
                return 0;
            }
            return buf.getLong(LibC.STX_MNT_ID_OFFSET);
        } catch (LastErrorException e) {
            return 0; // the mount vanished or is not reachable; the fallback key still works
        } catch (UnsatisfiedLinkError e) {
            uniqueUnsupported = true; // glibc older than 2.28
            return 0;
        }
    }
}
