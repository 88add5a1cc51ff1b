/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Writes one file's chunks to one destination's temporary file on its own thread, fed through a
 * bounded queue so a slow or rate-limited destination falls behind the others by at most that many
 * chunks. At the end it sets the source's modification time and fsyncs, unless a batch makes the
 * copy durable later together with others ({@link BatchedPublisher}). A write error (disk full,
 * drive gone) fails this destination only: the writer then keeps taking and releasing chunks so the
 * reader never blocks on it, and removes its temporary file.
 *
 * <p>Where the destination takes O_DIRECT, the block-aligned bulk of each chunk is written through a
 * second, unbuffered channel and only an unaligned tail through the page cache ({@link DirectIo}).
 */
final class DestinationWriter implements Runnable {

    private static final Object END = new Object();

    /** A request to fsync what was written so far (for a checkpoint); counted down either way. */
    record Sync(CountDownLatch done) {
    }

    private final Target target;
    private final EngineHooks hooks;
    private final String rel;
    private final long mtimeNanos;
    private final FileChannel channel;
    private final @Nullable FileChannel direct;
    private final int align;
    private final boolean syncAtEnd;
    private final BlockingQueue<Object> queue;
    private volatile boolean ok = true;
    private volatile boolean finished;
    private long written;
    private long position;
    private @Nullable Thread thread; // set by start()

    /**
     * @param channel the temporary file, for buffered writes, fsync and the time
     * @param direct the same file opened with O_DIRECT, or null
     * @param align the block alignment O_DIRECT needs ({@code direct} only)
     * @param position where the first chunk goes (0, or a checkpoint)
     * @param syncAtEnd whether to fsync the file when it is complete (else a batch makes it durable)
     */
    DestinationWriter(Target target, String rel, long mtimeNanos, FileChannel channel, @Nullable FileChannel direct,
            int align, long position, int depth, boolean syncAtEnd, EngineHooks hooks) {
        this.hooks = hooks;
        this.target = target;
        this.rel = rel;
        this.mtimeNanos = mtimeNanos;
        this.channel = channel;
        this.direct = direct;
        this.align = align;
        this.position = position;
        this.syncAtEnd = syncAtEnd;
        this.queue = new ArrayBlockingQueue<>(depth);
    }

    void start() {
        thread = Thread.ofVirtual().name("cartwright-write-" + target.destination().index()).start(this);
    }

    Target target() {
        return target;
    }

    /** False once this destination failed while writing this file. */
    boolean ok() {
        return ok;
    }

    /** True when the file was completely written, its time set and (if asked) fsynced. */
    boolean finished() {
        return finished;
    }

    void put(Chunk chunk) throws InterruptedException {
        queue.put(chunk);
    }

    /**
     * Asks for the bytes queued so far to be made durable; await the returned sync, which is counted
     * down when they are (or when this writer failed).
     */
    Sync requestSync() throws InterruptedException {
        Sync s = new Sync(new CountDownLatch(1));
        queue.put(s);
        return s;
    }

    /** Ends the file and waits until it is complete (or failed). */
    void finish() throws InterruptedException {
        queue.put(END);
        Thread t = thread;
        if (t != null) {
            t.join();
        }
    }

    /** Stops at once (cancellation, source failure); the temporary file stays for a resume. */
    void abort() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            Threads.joinUninterruptibly(t);
        }
    }

    @Override
    public void run() {
        try {
            while (true) {
                Object item = queue.take();
                if (item == END) {
                    if (ok) {
                        complete();
                    }
                    return;
                }
                if (item instanceof Sync s) {
                    try {
                        if (ok) {
                            channel.force(false);
                        }
                    } catch (IOException | RuntimeException e) {
                        failed(e);
                    } finally {
                        s.done().countDown();
                    }
                    continue;
                }
                Chunk chunk = (Chunk) item;
                try {
                    if (ok) {
                        write(chunk);
                    }
                } catch (IOException | RuntimeException e) {
                    failed(e);
                } finally {
                    chunk.release();
                }
            }
        } catch (InterruptedException | ClosedByInterruptException e) {
            // aborted: the reader stopped; the temporary file is left for a resume
        } catch (IOException | RuntimeException e) {
            failed(e);
        } finally {
            drain();
            closeQuietly();
        }
    }

    private void write(Chunk chunk) throws IOException, InterruptedException {
        ByteBuffer view = chunk.view();
        int length = view.remaining();
        hooks.beforeDestinationWrite(target.destination().index(), rel, length);
        target.destination().pace(length);
        FileChannel unbuffered = direct;
        if (unbuffered != null && position % align == 0) {
            int bulk = length - length % align;
            view.limit(bulk);
            while (view.hasRemaining()) {
                position += unbuffered.write(view, position);
            }
            view.limit(length);
        }
        while (view.hasRemaining()) {
            position += channel.write(view, position);
        }
        written += length;
        target.destination().written(length);
    }

    private void complete() throws IOException {
        Files.setLastModifiedTime(target.temp(), Times.fileTime(mtimeNanos));
        if (syncAtEnd) {
            channel.force(true);
        }
        FileChannel unbuffered = direct;
        if (unbuffered != null) {
            unbuffered.close();
        }
        channel.close();
        finished = true;
    }

    private void failed(Exception e) {
        if (e instanceof ClosedByInterruptException || Thread.currentThread().isInterrupted()) {
            ok = false; // cancellation, not the destination's fault
            return;
        }
        ok = false;
        closeQuietly();
        try {
            Files.deleteIfExists(target.temp());
        } catch (IOException ignored) {
            // the destination is failing anyway; a leftover hidden temporary file is harmless
        }
        Destination d = target.destination();
        String message;
        if (isOutOfSpace(e)) {
            long free = usableSpace(d);
            // The partial copy is removed, so its bytes are needed again.
            long needed = d.bytesStillToWrite() + written;
            message = SpaceMessages.notEnoughSpace(d.root(), free, needed)
                    + " It filled up while writing " + rel + ".";
        } else {
            message = "Destination " + d.root() + " failed while writing " + rel + ": " + e.getMessage()
                    + ". Check the drive, then run the same command again to resume.";
        }
        d.fail(message);
    }

    private static boolean isOutOfSpace(Exception e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("No space left on device") || m.contains("Disk quota exceeded")
                || m.contains("There is not enough space on the disk");
    }

    private static long usableSpace(Destination d) {
        try {
            return Files.getFileStore(d.root()).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    private void drain() {
        Object item;
        while ((item = queue.poll()) != null) {
            if (item instanceof Chunk c) {
                c.release();
            } else if (item instanceof Sync s) {
                s.done().countDown();
            }
        }
    }

    private void closeQuietly() {
        for (FileChannel ch : new FileChannel[] {direct, channel}) {
            try {
                if (ch != null) {
                    ch.close();
                }
            } catch (IOException ignored) {
                // closing after a failure or abort; nothing more to save
            }
        }
    }
}
