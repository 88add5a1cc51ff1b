/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.hash.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cartwright.hash.MultiHasher;
import io.cartwright.hash.StreamingHasher;
import java.nio.ByteBuffer;

/**
 * Feeds data in fixed-size chunks, rotating through every input path: {@code byte[]} with an
 * offset, a heap buffer slice (non-zero array offset), a direct buffer with a non-zero position, and
 * a read-only heap buffer (no accessible array).
 */
final class Feeder {

    /** What is being fed: a single hasher or a MultiHasher. */
    interface Sink {
        void bytes(byte[] b, int off, int len);

        void buffer(ByteBuffer buffer);

        static Sink of(StreamingHasher h) {
            return new Sink() {
                @Override
                public void bytes(byte[] b, int off, int len) {
                    h.update(b, off, len);
                }

                @Override
                public void buffer(ByteBuffer buffer) {
                    h.update(buffer);
                }
            };
        }

        static Sink of(MultiHasher h) {
            return new Sink() {
                @Override
                public void bytes(byte[] b, int off, int len) {
                    h.update(b, off, len);
                }

                @Override
                public void buffer(ByteBuffer buffer) {
                    h.update(buffer);
                }
            };
        }
    }

    private static final int DIRECT_PAD = 3;

    private Feeder() {
    }

    /** Feeds {@code data[from, to)} in chunks of {@code chunk} bytes. */
    static void feed(Sink sink, byte[] data, int from, int to, int chunk) {
        ByteBuffer direct = null;
        int i = 0;
        for (int off = from; off < to; off += chunk, i++) {
            int len = Math.min(chunk, to - off);
            switch (i % 4) {
                case 0 -> sink.bytes(data, off, len);
                case 1 -> {
                    ByteBuffer slice = ByteBuffer.wrap(data).position(off).slice().limit(len);
                    sink.buffer(slice);
                    assertEquals(slice.limit(), slice.position(), "heap buffer not consumed");
                }
                case 2 -> {
                    if (direct == null) {
                        direct = ByteBuffer.allocateDirect(Math.min(chunk, to - from) + DIRECT_PAD);
                    }
                    direct.clear().position(DIRECT_PAD);
                    direct.put(data, off, len).flip().position(DIRECT_PAD);
                    sink.buffer(direct);
                    assertEquals(direct.limit(), direct.position(), "direct buffer not consumed");
                }
                default -> {
                    ByteBuffer ro = ByteBuffer.wrap(data, off, len).asReadOnlyBuffer();
                    sink.buffer(ro);
                    assertEquals(ro.limit(), ro.position(), "read-only buffer not consumed");
                }
            }
        }
    }

    static void feed(Sink sink, byte[] data, int chunk) {
        feed(sink, data, 0, data.length, chunk);
    }
}
