/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.eclipse.jdt.annotation.Nullable;

/**
 * A bounded set of large direct buffers reused for every source read of a job, so memory does not
 * grow with the card and the JVM does not churn direct memory. Each is aligned for O_DIRECT.
 * Buffers are made when first needed, up to the bound: making all of them up front (80 MiB for the
 * default job, ~40 ms of zeroing) delayed the first read of every offload. {@link #acquire()}
 * blocks while all are in use. Thread-safe.
 */
final class BufferPool {

    private final BlockingQueue<ByteBuffer> free;
    private final int capacity;
    private final int bufferSize;
    private int created; // guarded by this

    BufferPool(int capacity, int bufferSize) {
        this.free = new ArrayBlockingQueue<>(capacity);
        this.capacity = capacity;
        this.bufferSize = bufferSize;
    }

    ByteBuffer acquire() throws InterruptedException {
        ByteBuffer b = free.poll();
        if (b == null) {
            b = create();
        }
        if (b == null) {
            b = free.take();
        }
        b.clear();
        return b;
    }

    void release(ByteBuffer buffer) {
        free.add(buffer);
    }

    /** A new buffer while fewer than the bound exist, else null. */
    private synchronized @Nullable ByteBuffer create() {
        if (created == capacity) {
            return null;
        }
        created++;
        return DirectIo.alignedBuffer(bufferSize); // aligned for O_DIRECT
    }
}
