/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.hash.internal;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.HashValue;
import io.cartwright.hash.StreamingHasher;
import java.nio.ByteBuffer;
import java.util.Objects;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Common part of every {@link StreamingHasher}: bounds checks, the byte count, feeding from a
 * {@link ByteBuffer} and wrapping the engine state in the validated {@link StateCodec} envelope.
 * Subclasses only adapt one hash engine. Not thread-safe.
 */
abstract class AbstractHasher implements StreamingHasher {

    /** Chunk size for direct buffers, which have no array the engines could read in place. */
    private static final int SCRATCH_SIZE = 16 * 1024;

    private final HashAlgorithm algorithm;
    private long length;
    private byte @Nullable [] scratch;

    AbstractHasher(HashAlgorithm algorithm, long length) {
        this.algorithm = algorithm;
        this.length = length;
    }

    /** Feeds bytes that are already bounds-checked. */
    abstract void engineUpdate(byte[] bytes, int offset, int count);

    /** The engine's own serialised state (without our envelope). */
    abstract byte[] engineState();

    /** Canonical text of the hash so far; must not change the running state. */
    abstract String engineValue();

    @Override
    public final HashAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public final void update(byte[] bytes, int offset, int count) {
        Objects.checkFromIndexSize(offset, count, bytes.length);
        if (count > 0) {
            engineUpdate(bytes, offset, count);
            length += count;
        }
    }

    @Override
    public final void update(ByteBuffer buffer) {
        int remaining = buffer.remaining();
        if (remaining == 0) {
            return;
        }
        if (buffer.hasArray()) {
            // Heap buffer: hash the backing array in place.
            engineUpdate(buffer.array(), buffer.arrayOffset() + buffer.position(), remaining);
            buffer.position(buffer.limit());
        } else {
            // Direct (or read-only) buffer: the engines take arrays, so go through a small reused chunk.
            byte[] chunk = scratch;
            if (chunk == null) {
                chunk = new byte[SCRATCH_SIZE];
                scratch = chunk;
            }
            while (buffer.hasRemaining()) {
                int n = Math.min(chunk.length, buffer.remaining());
                buffer.get(chunk, 0, n);
                engineUpdate(chunk, 0, n);
            }
        }
        length += remaining;
    }

    @Override
    public final long length() {
        return length;
    }

    @Override
    public final byte[] state() {
        return StateCodec.encodeHasher(algorithm, length, engineState());
    }

    @Override
    public final HashValue value() {
        return new HashValue(algorithm, engineValue());
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + algorithm.id() + ", " + length + " bytes]";
    }
}
