/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.hash.internal;

import com.dynatrace.hash4j.hashing.HashStream128;
import com.dynatrace.hash4j.hashing.HashValue128;
import io.cartwright.hash.HashAlgorithm;
import java.util.HexFormat;

/**
 * XXH3-128 (seed 0) on a hash4j {@link HashStream128}. The text is XXH128's canonical form as
 * printed by {@code xxhsum -H2}: the high 64 bits, then the low 64 bits, each as big-endian hex.
 */
final class Xxh128Hasher extends AbstractHasher {

    private final HashStream128 stream;

    Xxh128Hasher(HashStream128 stream, long length) {
        super(HashAlgorithm.XXH3_128, length);
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
        HashValue128 v = stream.copy().get();
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(v.getMostSignificantBits()) + hex.toHexDigits(v.getLeastSignificantBits());
    }
}
