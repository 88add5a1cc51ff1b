/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

import com.sun.nio.file.ExtendedOpenOption;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Unbuffered (O_DIRECT) file access for the bulk of every copy. Going around the page cache matters
 * twice: the card's bytes are not copied into kernel memory on the way in and out (that copying cost
 * more CPU than all hashing together in our benchmark), and an offload of a 256 GB card does not
 * evict everything else from memory. O_DIRECT needs buffer addresses, lengths and file positions that
 * are multiples of the filesystem's block size; the engine's buffers are allocated that way and only a
 * file's short tail goes through the page cache.
 */
final class DirectIo {

    /** Alignment of every pooled buffer: larger than any block size we use O_DIRECT with. */
    static final int BUFFER_ALIGNMENT = 64 << 10;

    private DirectIo() {
    }

    /** {@code n} rounded up to a multiple of {@code align} (a power of two). */
    static long roundUp(long n, int align) {
        return (n + align - 1) & -align;
    }

    /** A direct buffer of {@code size} bytes whose address is a multiple of {@link #BUFFER_ALIGNMENT}. */
    static ByteBuffer alignedBuffer(int size) {
        ByteBuffer raw = ByteBuffer.allocateDirect(size + BUFFER_ALIGNMENT);
        int skip = (BUFFER_ALIGNMENT - raw.alignmentOffset(0, BUFFER_ALIGNMENT)) % BUFFER_ALIGNMENT;
        return raw.position(skip).limit(skip + size).slice();
    }

    /**
     * The block size O_DIRECT needs on the filesystem holding {@code path}, or 0 if that filesystem
     * does not report a usable one.
     */
    static int blockSize(Path path) {
        try {
            long size = Files.getFileStore(path).getBlockSize();
            return size > 0 && size <= BUFFER_ALIGNMENT && Long.bitCount(size) == 1 ? (int) size : 0;
        } catch (IOException | UnsupportedOperationException e) {
            return 0;
        }
    }

    /**
     * Finds out whether files in {@code folder} can be written with O_DIRECT by writing one block to a
     * hidden probe file (removed again). Returns the alignment to use, or 0 for buffered writes
     * (tmpfs, many FUSE filesystems, network shares).
     */
    static int probeWrites(Path folder) {
        int align = blockSize(folder);
        if (align == 0) {
            return 0;
        }
        Path probe = folder.resolve(".cwprobe-direct-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1));
        try (FileChannel ch = FileChannel.open(probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                ExtendedOpenOption.DIRECT)) {
            ByteBuffer block = alignedBuffer(align);
            ch.write(block, 0);
            return align;
        } catch (IOException | UnsupportedOperationException e) {
            return 0;
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // a leftover hidden probe file is harmless
            }
        }
    }

    /** Opens {@code file} for O_DIRECT reading, or returns null if its filesystem refuses. */
    static @Nullable FileChannel openForReading(Path file) throws IOException {
        try {
            return FileChannel.open(file, StandardOpenOption.READ, ExtendedOpenOption.DIRECT);
        } catch (UnsupportedOperationException e) {
            return null;
        } catch (IOException e) {
            if (e instanceof java.nio.channels.ClosedByInterruptException || !Files.isReadable(file)) {
                throw e; // gone, unreadable or cancelled: a real error, not a filesystem limitation
            }
            return null; // EINVAL from filesystems without O_DIRECT
        }
    }
}
