/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.hash.internal;

import com.dynatrace.hash4j.hashing.Hashing;
import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.StreamingHasher;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.MD5Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * Maps each {@link HashAlgorithm} to its engine: hash4j for the xxHash family, BouncyCastle for the
 * digests. The one place that knows which library backs which algorithm.
 */
public final class Engines {

    private Engines() {
    }

    /** A fresh hasher at length 0. */
    public static StreamingHasher create(HashAlgorithm algorithm) {
        return switch (algorithm) {
            case XXH3_64 -> new Xxh64BitHasher(algorithm, Hashing.xxh3_64().hashStream(), 0);
            case XXH64 -> new Xxh64BitHasher(algorithm, Hashing.xxh64().hashStream(), 0);
            case XXH3_128 -> new Xxh128Hasher(Hashing.xxh3_128().hashStream(), 0);
            case MD5 -> md5(new MD5Digest(), 0);
            case SHA1 -> sha1(new SHA1Digest(), 0);
            case SHA256 -> sha256(new SHA256Digest(), 0);
            case C4 -> c4(new SHA512Digest(), 0);
        };
    }

    /**
     * Rebuilds a hasher from a decoded state.
     *
     * @throws IllegalArgumentException if the engine rejects its part of the state
     */
    public static StreamingHasher restore(StateCodec.HasherState s) {
        HashAlgorithm a = s.algorithm();
        byte[] e = s.engineState();
        long n = s.length();
        try {
            return switch (a) {
                case XXH3_64 -> new Xxh64BitHasher(a, Hashing.xxh3_64().hashStreamFromState(e), n);
                case XXH64 -> new Xxh64BitHasher(a, Hashing.xxh64().hashStreamFromState(e), n);
                case XXH3_128 -> new Xxh128Hasher(Hashing.xxh3_128().hashStreamFromState(e), n);
                case MD5 -> md5(new MD5Digest(e), n);
                case SHA1 -> sha1(new SHA1Digest(e), n);
                case SHA256 -> sha256(new SHA256Digest(e), n);
                case C4 -> c4(new SHA512Digest(e), n);
            };
        } catch (RuntimeException ex) {
            // The libraries signal a bad state with assorted unchecked exceptions; report one kind.
            throw new IllegalArgumentException("Hash state for " + a.id() + " is not valid: " + ex, ex);
        }
    }

    private static StreamingHasher md5(MD5Digest d, long length) {
        return new DigestHasher<>(HashAlgorithm.MD5, d, MD5Digest::new, HexFormat.of()::formatHex, length);
    }

    private static StreamingHasher sha1(SHA1Digest d, long length) {
        return new DigestHasher<>(HashAlgorithm.SHA1, d, SHA1Digest::new, HexFormat.of()::formatHex, length);
    }

    private static StreamingHasher sha256(SHA256Digest d, long length) {
        return new DigestHasher<>(HashAlgorithm.SHA256, d, SHA256Digest::new, HexFormat.of()::formatHex, length);
    }

    private static StreamingHasher c4(SHA512Digest d, long length) {
        return new DigestHasher<>(HashAlgorithm.C4, d, SHA512Digest::new, C4Encoding::encode, length);
    }
}
