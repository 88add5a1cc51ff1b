/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A fixed set of large direct buffers reused for every source read of a job, so memory does not
 * grow with the card and the JVM does not churn direct memory. Each is aligned for O_DIRECT. {@link #acquire()} blocks while all
 * are in use. Thread-safe.
 */
final class BufferPool {

    private final BlockingQueue<ByteBuffer> free;

    BufferPool(int count, int bufferSize) {
        this.free = new ArrayBlockingQueue<>(count);
        for (int i = 0; i < count; i++) {
            free.add(DirectIo.alignedBuffer(bufferSize)); // aligned for O_DIRECT
        }
    }

    ByteBuffer acquire() throws InterruptedException {
        ByteBuffer b = free.take();
        b.clear();
        return b;
    }

    void release(ByteBuffer buffer) {
        free.add(buffer);
    }

}
