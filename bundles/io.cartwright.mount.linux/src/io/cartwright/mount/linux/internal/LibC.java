/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.linux.internal;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The few libc calls the provider needs and Java lacks: {@code poll} on the mountinfo file (the
 * kernel signals a mount table change with POLLPRI|POLLERR, proc(5)), a pipe to wake the poller for
 * shutdown, and {@code statx} for the kernel's never-reused mount id.
 */
interface LibC extends Library {

    int O_RDONLY = 0;
    int O_CLOEXEC = 0x80000;
    short POLLIN = 0x001;
    short POLLPRI = 0x002;
    short POLLERR = 0x008;
    short POLLHUP = 0x010;
    short POLLNVAL = 0x020;
    int EINTR = 4;
    int AT_FDCWD = -100;
    int AT_NO_AUTOMOUNT = 0x800;
    /** Do not ask a network or FUSE filesystem to refresh attributes: a hung FUSE daemon cannot stall us. */
    int AT_STATX_DONT_SYNC = 0x4000;
    /** Linux 6.8+: {@code stx_mnt_id} is the 64-bit mount id that is never reused until reboot. */
    int STATX_MNT_ID_UNIQUE = 0x4000;
    /** Offset of {@code stx_mnt_id} in {@code struct statx}. */
    int STX_MNT_ID_OFFSET = 0x90;
    int STATX_SIZE = 256;

    int open(String path, int flags) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    /** {@code struct pollfd[]}: int fd; short events; short revents (8 bytes each). */
    int poll(Pointer fds, int nfds, int timeoutMillis) throws LastErrorException;

    int pipe(int[] fds) throws LastErrorException;

    NativeLong write(int fd, byte[] buffer, NativeLong count) throws LastErrorException;

    int statx(int dirfd, String path, int flags, int mask, Pointer buffer) throws LastErrorException;

    /** Loads libc, or throws {@link UnsatisfiedLinkError} when JNA has no native part here. */
    static LibC load() {
        return Native.load("c", LibC.class);
    }
}
