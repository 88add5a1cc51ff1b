/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.hash;

import io.cartwright.hash.internal.Engines;
import io.cartwright.hash.internal.StateCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Entry point for single-algorithm hashing: fresh streaming hashers, hashers restored from a saved
 * {@link StreamingHasher#state()}, and one-shot helpers. Stateless and thread-safe; the hashers it
 * returns are not.
 */
public final class Hashers {

    private static final int FILE_BUFFER = 1 << 20;

    private Hashers() {
    }

    /** A new hasher that has seen no bytes yet. */
    public static StreamingHasher create(HashAlgorithm algorithm) {
        return Engines.create(Objects.requireNonNull(algorithm, "algorithm"));
    }

    /**
     * Rebuilds a hasher from {@link StreamingHasher#state()} so it continues exactly where the saved
     * one stopped (same {@link StreamingHasher#length()}, same final value).
     *
     * @param algorithm the algorithm the caller expects the state to be for
     * @throws IllegalArgumentException if the state is truncated or corrupt, from an unsupported
     *         format version, or for another algorithm (the message names both)
     */
    public static StreamingHasher restore(HashAlgorithm algorithm, byte[] state) {
        Objects.requireNonNull(algorithm, "algorithm");
        StateCodec.HasherState s = StateCodec.decodeHasher(state);
        if (s.algorithm() != algorithm) {
            throw new IllegalArgumentException("Hash state is for " + s.algorithm().id() + ", not for "
                    + algorithm.id());
        }
        return Engines.restore(s);
    }

    /** Hashes a whole array in one go. */
    public static HashValue hash(HashAlgorithm algorithm, byte[] bytes) {
        StreamingHasher h = create(algorithm);
        h.update(bytes, 0, bytes.length);
        return h.value();
    }

    /**
     * Hashes a file's content with plain sequential reads. A convenience for small files and tools;
     * the copy engine feeds a {@link MultiHasher} from its own single read instead.
     */
    public static HashValue hashFile(HashAlgorithm algorithm, Path file) throws IOException {
        StreamingHasher h = create(algorithm);
        byte[] buffer = new byte[FILE_BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) >= 0;) {
                h.update(buffer, 0, n);
            }
        }
        return h.value();
    }
}
