/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One read of the source shared by every destination writer without copying: each writer writes a
 * {@link #view()} and calls {@link #release()}; the last release returns the buffer to the pool.
 */
final class Chunk {

    private final ByteBuffer data;
    private final BufferPool pool;
    private final AtomicInteger holders;

    /** @param data flipped: position 0, limit = bytes read */
    Chunk(ByteBuffer data, BufferPool pool, int holders) {
        this.data = data;
        this.pool = pool;
        this.holders = new AtomicInteger(holders);
    }

    /** An independent read-only view of the bytes (own position and limit). */
    ByteBuffer view() {
        return data.asReadOnlyBuffer();
    }

    int length() {
        return data.limit();
    }

    void release() {
        if (holders.decrementAndGet() == 0) {
            pool.release(data);
        }
    }
}
