/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.sun.nio.file.ExtendedOpenOption;

import io.cartwright.core.Printable;
import io.cartwright.hash.MultiHasher;

import org.eclipse.jdt.annotation.Nullable;

/**
 * One read of one source file fanned out to its destinations (engine rule 1): the file is read
 * sequentially into pooled buffers, each buffer feeds every hash algorithm once and is then queued,
 * unchanged and uncopied, to one {@link DestinationWriter} per destination. Large files are
 * checkpointed: the writers fsync, then the offset and hash state are journalled. Where the
 * filesystems allow, the card is read and the copies written with O_DIRECT ({@link DirectIo}).
 *
 * <p>Use once per attempt: {@link #open}, {@link #read}, {@link #finishWrites}; {@link #abort} on
 * any failure (it leaves the temporary files for a resume).
 */
final class CopyPipeline {

    private final RunContext ctx;
    private final FileWork work;
    private final List<Target> targets;
    private final long startOffset;
    private final MultiHasher hasher;
    private final Predicate<Target> syncedLater;
    private final List<DestinationWriter> writers = new ArrayList<>();
    private final Map<Target, String> refused = new HashMap<>();
    private @Nullable FileChannel source; // set by open()
    /** The block alignment while {@link #source} is read with O_DIRECT, else 0. */
    private int sourceAlign;
    private long readPosition;
    private long bytesRead;

    /**
     * @param targets the destinations to write (not those only compared)
     * @param startOffset where to continue: 0, or a checkpoint whose prefix was checked on every target
     * @param hasher fresh, or restored from that checkpoint
     * @param syncedLater the copies a batch makes durable after their verification
     *        ({@link BatchedPublisher}); the others are fsynced when complete
     */
    CopyPipeline(RunContext ctx, FileWork work, List<Target> targets, long startOffset, MultiHasher hasher,
            Predicate<Target> syncedLater) {
        this.ctx = ctx;
        this.work = work;
        this.targets = targets;
        this.startOffset = startOffset;
        this.hasher = hasher;
        this.syncedLater = syncedLater;
    }

    /** Opens the source (read-only) and every temporary file, and starts the writers. */
    void open() throws SourceFailure, FileFailure {
        ScannedFile f = work.file;
        try {
            ctx.hooks().beforeSourceOpen(f.relativePath(), f.path());
            int align = ctx.blockSizes().of(f.path());
            FileChannel opened = null;
            if (align > 0 && startOffset % align == 0 && ctx.hooks().directIo(f.path(), true)) {
                opened = DirectIo.openForReading(f.path());
                sourceAlign = opened == null ? 0 : align;
            }
            if (opened == null) {
                opened = FileChannel.open(f.path(), StandardOpenOption.READ);
            }
            source = opened;
            ctx.stats().opened();
            readPosition = startOffset;
        } catch (IOException e) {
            throw rethrow(ctx.guard().classify(e, f.relativePath(), source == null));
        }
        for (Target t : targets) {
            if (t.destination().failed()) {
                continue;
            }
            DestinationWriter w = openWriter(t, f);
            if (w != null) {
                writers.add(w);
                w.start();
            }
        }
    }

    /** The writer of {@code t}'s temporary file, or null if it cannot be created (recorded as refused or failed). */
    private @Nullable DestinationWriter openWriter(Target t, ScannedFile f) {
        Destination d = t.destination();
        FileChannel ch = null;
        FileChannel direct = null;
        int align = d.directAlignment();
        try {
            Files.createDirectories(t.temp().getParent());
            ch = startOffset == 0
                    ? FileChannel.open(t.temp(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING)
                    : FileChannel.open(t.temp(), StandardOpenOption.WRITE);
            if (startOffset > 0) {
                ch.truncate(startOffset); // drop whatever was written after the checkpoint
            }
            if (align > 0) {
                direct = FileChannel.open(t.temp(), StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
            }
            return new DestinationWriter(t, f.relativePath(), f.mtimeNanos(), ch, direct, align, startOffset,
                    ctx.settings().queueDepth(), !syncedLater.test(t), ctx.hooks());
        } catch (IOException e) {
            closeQuietly(ch);
            closeQuietly(direct);
            if (DestinationProbe.writable(d.root())) {
                // The drive takes other files: it is this name (too long, reserved, a character
                // the probe did not try). Only this copy fails.
                refused.put(t, "Not copied to " + d.root() + ": " + Printable.quoted(work.rel())
                        + " cannot be created there (" + IoReasons.of(e, t.temp()) + "). Clear that path on the "
                        + "destination or rename the file on the source, then run the same command again.");
            } else {
                d.fail("Destination " + d.root() + " cannot be written (" + IoReasons.of(e, t.temp()) + " at "
                        + t.temp() + "). Check the drive, then run the same command again to resume.");
            }
            return null;
        }
    }

    /**
     * Reads the source from the start offset to its end, feeding the hasher and the writers.
     *
     * @throws FileFailure if the file changed size or time while being read
     * @throws SourceFailure if the source failed or the run was stopped
     */
    void read() throws SourceFailure, FileFailure, InterruptedException {
        ScannedFile f = work.file;
        long interval = ctx.request().checkpointIntervalBytes();
        long position = startOffset;
        long nextCheckpoint = (startOffset / interval + 1) * interval;
        BufferPool pool = ctx.pool();
        ByteBuffer buffer = pool.acquire();
        ByteBuffer next = null;
        try (ReadAhead ahead = new ReadAhead()) {
            while (true) {
                if (ctx.control().stopped() || Thread.currentThread().isInterrupted()) {
                    throw new SourceFailure("Cancelled while reading " + f.relativePath() + ".", null);
                }
                int n;
                try {
                    n = ahead.pending() ? ahead.await() : fill(buffer);
                } catch (IOException e) {
                    throw rethrow(ctx.guard().classify(e, f.relativePath(), false));
                }
                if (n == 0) {
                    break;
                }
                if (readPosition < f.size()) {
                    // The card reads the next block while this one is hashed and queued.
                    next = pool.acquire();
                    ByteBuffer target = next;
                    ahead.start(() -> fill(target));
                }
                buffer.flip();
                hasher.update(buffer.duplicate());
                ctx.stats().read(n);
                bytesRead += n;
                // One hold per writer plus the reader's own, released right after queueing.
                Chunk chunk = new Chunk(buffer, pool, writers.size() + 1);
                buffer = null; // the chunk releases it
                try {
                    for (DestinationWriter w : writers) {
                        w.put(chunk);
                    }
                } finally {
                    chunk.release();
                }
                position += n;
                ctx.hooks().afterSourceChunk(f.relativePath(), position);
                if (position >= nextCheckpoint && position < f.size()) {
                    checkpoint(position);
                    nextCheckpoint = (position / interval + 1) * interval;
                }
                buffer = next != null ? next : pool.acquire();
                next = null;
            }
        } finally {
            // The read ahead is over (closed above): its buffer and this one can go back.
            if (buffer != null) {
                pool.release(buffer);
            }
            if (next != null && next != buffer) {
                pool.release(next);
            }
        }
        if (position != f.size()) {
            throw new FileFailure("Changed on the source while being copied: planned " + f.size() + " bytes, read "
                    + position + "; it was not copied. Copy it again once the card is stable.");
        }
        try {
            BasicFileAttributes a = Files.readAttributes(f.path(), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (Times.nanos(a.lastModifiedTime()) != f.mtimeNanos() || a.size() != f.size()) {
                throw new FileFailure("Modified on the source while being copied; it was not copied. "
                        + "Copy it again once the card is stable.");
            }
        } catch (IOException e) {
            throw rethrow(ctx.guard().classify(e, f.relativePath(), false));
        }
        closeQuietly(source);
    }

    /** Bytes read from the source in this attempt. */
    long bytesRead() {
        return bytesRead;
    }

    /** Lets every writer finish (set the time, fsync if asked); returns those that completed their copy. */
    List<Target> finishWrites() throws InterruptedException {
        List<Target> done = new ArrayList<>();
        for (DestinationWriter w : writers) {
            w.finish();
        }
        for (DestinationWriter w : writers) {
            if (w.finished()) {
                done.add(w.target());
            }
        }
        writers.clear();
        return done;
    }

    /** Why {@code target}'s copy could not even be created while its destination is fine, or null. */
    @Nullable
    String refusal(Target target) {
        return refused.get(target);
    }

    /** Stops everything at once; temporary files stay (the caller deletes them if the file failed). */
    void abort() {
        closeQuietly(source);
        for (DestinationWriter w : writers) {
            w.abort();
        }
        writers.clear();
    }

    private void checkpoint(long position) throws InterruptedException {
        List<DestinationWriter> live = writers.stream().filter(DestinationWriter::ok).toList();
        if (live.isEmpty()) {
            return;
        }
        // All fsync at once, then wait for all: the destinations are independent devices.
        List<DestinationWriter.Sync> syncs = new ArrayList<>();
        for (DestinationWriter w : live) {
            syncs.add(w.requestSync());
        }
        for (DestinationWriter.Sync s : syncs) {
            s.done().await();
        }
        if (live.stream().allMatch(DestinationWriter::ok)) {
            ctx.journal().checkpoint(ctx.jobId(), work.fileId, work.rel(), position, hasher.checkpoint());
        }
    }

    /** Reads until the buffer is full or the file ends; 0 means end of file. */
    private int fill(ByteBuffer buffer) throws IOException {
        if (sourceAlign > 0) {
            // Only the blocks the file has: past its end ext4 zero-fills the whole O_DIRECT request.
            long left = Math.max(work.file.size() - readPosition, 0);
            buffer.limit((int) Math.min(buffer.capacity(), DirectIo.roundUp(left, sourceAlign)));
        }
        int total = 0;
        while (buffer.hasRemaining()) {
            if (sourceAlign > 0 && (readPosition % sourceAlign != 0 || buffer.remaining() % sourceAlign != 0)) {
                switchToBufferedReads(); // an unaligned short read: only the page cache can go on from here
            }
            int n = opened().read(buffer, readPosition);
            if (n <= 0) {
                break;
            }
            total += n;
            readPosition += n;
            if (sourceAlign > 0 && buffer.hasRemaining() && readPosition >= work.file.size()) {
                break; // the planned end: a short O_DIRECT read, no need to ask again
            }
        }
        return total;
    }

    private FileChannel opened() {
        FileChannel ch = source;
        if (ch == null) {
            throw new IllegalStateException("read before open");
        }
        return ch;
    }

    private void switchToBufferedReads() throws IOException {
        FileChannel buffered = FileChannel.open(work.file.path(), StandardOpenOption.READ);
        closeQuietly(source);
        source = buffered;
        sourceAlign = 0;
    }

    private static RuntimeException rethrow(Exception e) throws SourceFailure, FileFailure {
        if (e instanceof SourceFailure s) {
            throw s;
        }
        if (e instanceof FileFailure f) {
            throw f;
        }
        throw new IllegalStateException(e);
    }

    private static void closeQuietly(@Nullable FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // read-only source or an abandoned temporary file: nothing to save
            }
        }
    }
}
