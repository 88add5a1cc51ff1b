/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;


import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.HashValue;
import io.cartwright.hash.MultiHasher;
import io.cartwright.transfer.VerifyMode;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Re-reads a file from the device, not from the page cache (engine rule 2), and hashes it. First
 * choice is O_DIRECT, which needs block-aligned buffer addresses, lengths and file positions: the
 * buffer is an aligned slice and every read asks for whole blocks, the last one returning the short
 * tail. If the filesystem refuses O_DIRECT the file's cached pages are dropped with
 * {@code posix_fadvise(DONTNEED)} and it is read normally. The mode used is returned so it can be
 * journalled. One instance per thread: it owns its buffer, which grows to what the largest file
 * read so far needs, up to the bound: a reader that only ever verified sidecars keeps a small one.
 */
final class DeviceReader {

    /** Aligned; grown when a file needs more, never beyond {@link #size}. */
    private @Nullable ByteBuffer raw; // grown on demand
    private final int size;
    private final VerifyPreference preference;
    private final NativeIo nativeIo;
    private final BlockSizes blockSizes;

    /** Hashes of the first {@code length} bytes and how they were read. */
    record Result(Map<HashAlgorithm, HashValue> values, VerifyMode mode) {
    }

    DeviceReader(int bufferSize, VerifyPreference preference, NativeIo nativeIo, BlockSizes blockSizes) {
        this.size = bufferSize;
        this.blockSizes = blockSizes;
        this.preference = preference;
        this.nativeIo = nativeIo;
    }

    /**
     * Hashes bytes {@code [0, length)} of {@code file} with {@code algorithms}.
     *
     * @throws EOFException if the file is shorter than {@code length}
     * @throws IOException if the file cannot be read
     */
    Result hash(Path file, long length, Collection<HashAlgorithm> algorithms) throws IOException {
        if (preference == VerifyPreference.DIRECT_FIRST) {
            Result direct = tryDirect(file, length, algorithms);
            if (direct != null) {
                return direct;
            }
        }
        VerifyMode mode = nativeIo.dropCachedPages(file) ? VerifyMode.FADVISE : VerifyMode.CACHED;
        MultiHasher hasher = new MultiHasher(algorithms);
        ByteBuffer buffer = buffer((int) Math.min(size, Math.max(DirectIo.BUFFER_ALIGNMENT, length)));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long pos = 0;
            while (pos < length) {
                buffer.clear();
                int n = ch.read(buffer, pos);
                if (n < 0) {
                    throw new EOFException(file + " ends at " + pos + " bytes, expected " + length);
                }
                int use = (int) Math.min(n, length - pos);
                buffer.flip().limit(use);
                hasher.update(buffer);
                pos += use;
            }
        }
        return new Result(hasher.values(), mode);
    }

    /**
     * O_DIRECT read, or null when this filesystem does not do O_DIRECT. The buffer is used as two
     * halves: the next half is read on a helper thread while this one is hashed.
     */
    private @Nullable Result tryDirect(Path file, long length, Collection<HashAlgorithm> algorithms) throws IOException {
        int align = blockSizes.of(file);
        if (align == 0) {
            return null;
        }
        FileChannel ch = DirectIo.openForReading(file);
        if (ch == null) {
            return null; // EINVAL: tmpfs on older kernels, some FUSE filesystems
        }
        try (ch; ReadAhead ahead = new ReadAhead()) {
            int request = (int) Math.min(size / 2 / align * align, Math.max(align, DirectIo.roundUp(length, align)));
            ByteBuffer[] halves = {half(0, request), half(1, request)};
            MultiHasher hasher = new MultiHasher(algorithms);
            long pos = 0;
            int i = 0;
            if (length > 0) {
                int n;
                try {
                    n = readBlocks(ch, halves[0], pos, length, align);
                } catch (ClosedByInterruptException e) {
                    throw e;
                } catch (IOException e) {
                    if (isInvalidArgument(e)) {
                        return null; // opened but reads refused: treat as no O_DIRECT
                    }
                    throw e;
                }
                while (true) {
                    if (n < 0) {
                        throw new EOFException(file + " ends at " + pos + " bytes, expected " + length);
                    }
                    if (n % align != 0 && pos + n < length) {
                        throw new EOFException(file + " ends at " + (pos + n) + " bytes, expected " + length);
                    }
                    int use = (int) Math.min(n, length - pos);
                    long next = pos + use;
                    if (next < length) {
                        ByteBuffer other = halves[1 - i];
                        ahead.start(() -> readBlocks(ch, other, next, length, align));
                    }
                    hasher.update(halves[i].flip().limit(use));
                    pos = next;
                    if (pos >= length) {
                        break;
                    }
                    n = ahead.await();
                    i = 1 - i;
                }
            }
            return new Result(hasher.values(), VerifyMode.DIRECT);
        }
    }

    /**
     * One O_DIRECT read into {@code buffer} at {@code pos}, asking only for the blocks the file has:
     * past its end ext4 zero-fills the whole request, which cost more CPU than the copy itself for
     * small files.
     */
    private static int readBlocks(FileChannel ch, ByteBuffer buffer, long pos, long length, int align)
            throws IOException {
        buffer.clear().limit((int) Math.min(buffer.capacity(), DirectIo.roundUp(length - pos, align)));
        return ch.read(buffer, pos);
    }

    /** Half {@code k} (0 or 1) of the reused buffer: {@code request} bytes, a multiple of the block size. */
    private ByteBuffer half(int k, int request) {
        return raw(2 * request).duplicate().clear().position(k * request).limit(k * request + request).slice();
    }

    /** The first {@code length} bytes of the reused buffer. */
    private ByteBuffer buffer(int length) {
        return raw(length).duplicate().clear().limit(length).slice();
    }

    /** The reused buffer, at least {@code needed} bytes; its address is aligned for every block size. */
    private ByteBuffer raw(int needed) {
        ByteBuffer b = raw;
        if (b == null || b.capacity() < needed) {
            b = DirectIo.alignedBuffer(needed);
            raw = b;
        }
        return b;
    }

    /** Bytes of buffer this reader holds now (for tests). */
    int bufferCapacity() {
        ByteBuffer b = raw;
        return b == null ? 0 : b.capacity();
    }

    private static boolean isInvalidArgument(IOException e) {
        String m = e.getMessage();
        return m != null && (m.contains("Invalid argument") || m.contains("block size"));
    }
}
