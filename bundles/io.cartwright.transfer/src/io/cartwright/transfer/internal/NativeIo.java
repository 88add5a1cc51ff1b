/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The POSIX calls Java has no API for, through JNA on Linux: dropping a file's cached pages
 * ({@code posix_fadvise(POSIX_FADV_DONTNEED)}) so a verification re-read comes from the device when
 * O_DIRECT is refused, {@code renameat2(RENAME_NOREPLACE)} so publishing a copy can never replace a
 * file that appeared meanwhile, and {@code syncfs} so a batch of copies costs one device flush.
 * Elsewhere, or when libc lacks a call, the methods report "unsupported" and callers fall back.
 */
public final class NativeIo {

    /** The process-wide instance. */
    public static final NativeIo INSTANCE = new NativeIo();

    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;
    private static final int POSIX_FADV_DONTNEED = 4;
    private static final int AT_FDCWD = -100;
    private static final int RENAME_NOREPLACE = 1;
    private static final int EEXIST = 17;

    /** Outcome of {@link #renameNoReplace}. */
    enum RenameResult {
        RENAMED, TARGET_EXISTS, UNSUPPORTED
    }

    private interface LibC extends Library {
        int open(byte[] path, int flags) throws LastErrorException;

        int close(int fd) throws LastErrorException;

        int fsync(int fd) throws LastErrorException;

        /** Returns an error number instead of setting errno. */
        int posix_fadvise(int fd, long offset, long length, int advice);

        int renameat2(int oldDirFd, byte[] oldPath, int newDirFd, byte[] newPath, int flags)
                throws LastErrorException;

        int syncfs(int fd) throws LastErrorException;
    }

    private final @Nullable LibC libc;
    private volatile boolean renameat2Missing;

    private NativeIo() {
        LibC loaded = null;
        if (Platform.isLinux()) {
            try {
                loaded = Native.load("c", LibC.class);
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                loaded = null; // no JNA native part for this platform: callers fall back
            }
        }
        this.libc = loaded;
    }

    /** True when the page cache of a file can be dropped ({@link #dropCachedPages}). */
    public boolean canDropCache() {
        return libc != null;
    }

    /**
     * Flushes the file and asks the kernel to drop its cached pages, so the next read comes from the
     * device. Returns false if that is not possible here; the caller then records the re-read as
     * possibly cached.
     */
    public boolean dropCachedPages(Path file) {
        LibC c = libc;
        if (c == null) {
            return false;
        }
        int fd;
        try {
            fd = c.open(cString(file), O_RDONLY | O_CLOEXEC);
        } catch (LastErrorException | UnsatisfiedLinkError e) {
            return false;
        }
        try {
            // Dirty pages are not dropped, so make sure none are left (a batch may not have synced them yet).
            c.fsync(fd);
            return c.posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED) == 0;
        } catch (LastErrorException | UnsatisfiedLinkError e) {
            return false;
        } finally {
            closeQuietly(c, fd);
        }
    }

    /** Renames without ever replacing an existing target (Linux 3.15+, filesystems that support it). */
    RenameResult renameNoReplace(Path from, Path to) {
        LibC c = libc;
        if (c == null || renameat2Missing) {
            return RenameResult.UNSUPPORTED;
        }
        try {
            c.renameat2(AT_FDCWD, cString(from), AT_FDCWD, cString(to), RENAME_NOREPLACE);
            return RenameResult.RENAMED;
        } catch (LastErrorException e) {
            // EINVAL / ENOSYS: this filesystem or kernel does not do it; anything else the
            // portable path reports with a proper exception.
            return e.getErrorCode() == EEXIST ? RenameResult.TARGET_EXISTS : RenameResult.UNSUPPORTED;
        } catch (UnsatisfiedLinkError e) {
            renameat2Missing = true; // libc older than 2.28
            return RenameResult.UNSUPPORTED;
        }
    }

    /**
     * Flushes the whole filesystem holding {@code path} to its device ({@code syncfs}): every dirty
     * page and inode, one journal commit and one cache flush, where an fsync per file costs a flush
     * each. Returns false where it is not available here.
     *
     * @throws IOException with the kernel's reason if the filesystem reported a write error
     */
    boolean syncFilesystem(Path path) throws IOException {
        LibC c = libc;
        if (c == null) {
            return false;
        }
        int fd;
        try {
            fd = c.open(cString(path), O_RDONLY | O_CLOEXEC);
        } catch (LastErrorException e) {
            throw new IOException("cannot open " + path + " to flush its filesystem (" + e.getMessage() + ")", e);
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
        try {
            c.syncfs(fd);
            return true;
        } catch (LastErrorException e) {
            throw new IOException("flushing the filesystem failed (" + e.getMessage() + ")", e);
        } catch (UnsatisfiedLinkError e) {
            return false;
        } finally {
            closeQuietly(c, fd);
        }
    }

    private static void closeQuietly(LibC c, int fd) {
        try {
            c.close(fd);
        } catch (LastErrorException ignored) {
            // read-only descriptor: nothing is lost if close reports an error
        }
    }

    /** The path's bytes as the JDK passes them to the kernel, NUL-terminated (names are not re-normalised). */
    private static byte[] cString(Path path) {
        String encoding = System.getProperty("sun.jnu.encoding");
        Charset cs = encoding != null && Charset.isSupported(encoding) ? Charset.forName(encoding) : Charset.defaultCharset();
        byte[] b = path.toAbsolutePath().toString().getBytes(cs);
        return Arrays.copyOf(b, b.length + 1);
    }
}
