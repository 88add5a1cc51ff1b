/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.hash;

import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One algorithm's running hash over a stream of bytes. Not thread-safe: one reader feeds it.
 * Its state can be saved with {@link #state()} and restored with {@link Hashers#restore} so a large
 * copy can resume from a checkpoint without re-reading the hashed prefix.
 * Implemented only by this bundle ({@link ProviderType}); obtain instances from {@link Hashers}.
 */
@ProviderType
public interface StreamingHasher {

    /** The algorithm this hasher computes. */
    HashAlgorithm algorithm();

    /**
     * Feeds {@code length} bytes of {@code bytes} starting at {@code offset}.
     *
     * @throws IndexOutOfBoundsException if the range lies outside the array
     */
    void update(byte[] bytes, int offset, int length);

    /** Consumes the buffer's remaining bytes (position advances to limit). */
    void update(ByteBuffer buffer);

    /** Total number of bytes fed so far. */
    long length();

    /**
     * Serialised state (including the length); opaque, versioned by the implementation. It carries
     * the algorithm's id and a checksum, so {@link Hashers#restore} refuses a state of another
     * algorithm or a damaged one. Readable by the same version of this bundle; meant for resuming an
     * interrupted copy, not for long-term storage.
     */
    byte[] state();

    /** The hash of everything fed so far, in its canonical text form; does not end the stream. */
    HashValue value();
}
