/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

/** Buffers are made on demand but never more than the bound: memory stays fixed however large the card. */
class BufferPoolTest {

    private static final int SIZE = 64 << 10;

    @Test
    void makesBuffersOnDemandUpToTheBoundThenReusesThem() throws Exception {
        BufferPool pool = new BufferPool(3, SIZE);
        Set<ByteBuffer> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ByteBuffer a = pool.acquire();
        ByteBuffer b = pool.acquire();
        ByteBuffer c = pool.acquire();
        seen.add(a);
        seen.add(b);
        seen.add(c);
        assertEquals(3, seen.size(), "three distinct buffers");
        for (ByteBuffer x : seen) {
            assertEquals(SIZE, x.capacity());
            assertTrue(x.isDirect());
            assertEquals(0, x.alignmentOffset(0, 4096), "aligned for O_DIRECT");
        }

        // A fourth caller waits: the bound holds.
        CompletableFuture<ByteBuffer> fourth = CompletableFuture.supplyAsync(() -> {
            try {
                return pool.acquire();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertFalse(completesSoon(fourth), "no fourth buffer is made");
        b.position(100).limit(200);
        pool.release(b);
        ByteBuffer got = fourth.get(10, TimeUnit.SECONDS);
        assertSame(b, got, "the released buffer is handed on");
        assertEquals(0, got.position(), "cleared for its next read");
        assertEquals(SIZE, got.limit());

        pool.release(a);
        assertSame(a, pool.acquire(), "a free buffer is reused before any is made");
    }

    private static boolean completesSoon(CompletableFuture<ByteBuffer> f) throws Exception {
        try {
            f.get(300, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException expected) {
            return false;
        }
    }
}
