/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.hash.internal;

import com.dynatrace.hash4j.hashing.HashStream64;
import io.cartwright.hash.HashAlgorithm;
import java.util.HexFormat;

/**
 * XXH3-64 and XXH64 (seed 0) on a hash4j {@link HashStream64}, chosen because its state can be
 * saved and restored ({@code getState}/{@code setState}) for checkpoints. The text is the 64-bit
 * value as 16 lower-case hex digits, most significant first, which is what {@code xxhsum -H3} /
 * {@code -H1} print.
 */
final class Xxh64BitHasher extends AbstractHasher {

    private final HashStream64 stream;

    Xxh64BitHasher(HashAlgorithm algorithm, HashStream64 stream, long length) {
        super(algorithm, length);
        this.stream = stream;
    }

    @Override
    void engineUpdate(byte[] bytes, int offset, int count) {
        stream.putBytes(bytes, offset, count);
    }

    @Override
    byte[] engineState() {
        return stream.getState();
    }

    @Override
    String engineValue() {
        // Finalise a copy so the running stream is untouched whatever hash4j does internally.
        return HexFormat.of().toHexDigits(stream.copy().getAsLong());
    }
}
