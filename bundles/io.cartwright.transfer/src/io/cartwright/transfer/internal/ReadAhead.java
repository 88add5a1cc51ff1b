/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Runs the next read of a file on a helper thread while the caller hashes the block it already has,
 * so the drive always has a request of this stream to work on: hashing a 4 MiB block takes about a
 * millisecond and a 16 MiB one five, time in which an unbuffered reader would otherwise leave the
 * drive idle. At most one read is in flight. Helper threads come from a pool shared by all read
 * aheads, so a card of thousands of frames does not start a thread per frame; idle ones end after
 * a minute, so a long-running workbench does not keep them.
 *
 * <p>The buffer of a read in flight belongs to the helper until {@link #await} or {@link #close}
 * returned: only then may it be reused or go back to its pool. Not thread-safe: one owner.
 */
final class ReadAhead implements AutoCloseable {

    /** One positional read into a buffer the caller chose; returns the bytes read. */
    interface Read {
        int run() throws IOException;
    }

    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Platform threads: a blocking file read would pin a virtual thread's carrier anyway. */
    private static final ExecutorService HELPERS = Executors.newCachedThreadPool(r -> Thread.ofPlatform().daemon()
            .name("cartwright-readahead-" + THREADS.incrementAndGet()).unstarted(r));

    private @Nullable Future<Integer> pending;

    /** Starts {@code read} on a helper thread. */
    void start(Read read) {
        if (pending != null) {
            throw new IllegalStateException("a read is already in flight");
        }
        pending = HELPERS.submit(read::run);
    }

    /** True while a read started by {@link #start} has not been awaited. */
    boolean pending() {
        return pending != null;
    }

    /**
     * Waits for the read in flight and returns what it returned or threw. If the calling thread is
     * interrupted, still waits for the read to end (its buffer must not be reused under it), then
     * throws {@link ClosedByInterruptException} as an interrupted channel read would.
     */
    int await() throws IOException {
        Future<Integer> f = pending;
        if (f == null) {
            throw new IllegalStateException("no read in flight");
        }
        pending = null;
        boolean interrupted = false;
        while (true) {
            try {
                int n = f.get();
                if (interrupted) {
                    Thread.currentThread().interrupt();
                    throw new ClosedByInterruptException();
                }
                return n;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                throw unwrap(e.getCause());
            }
        }
    }

    private static IOException unwrap(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        Throwables.throwIfUnchecked(cause);
        return new IOException(cause);
    }

    /** Waits for any read still in flight, ignoring its outcome. */
    @Override
    public void close() {
        if (pending != null) {
            try {
                await();
            } catch (IOException | RuntimeException e) {
                // the read's outcome no longer matters: only that it is over
            }
        }
    }
}
