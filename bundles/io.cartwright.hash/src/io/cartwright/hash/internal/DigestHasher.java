/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.hash.internal;

import io.cartwright.hash.HashAlgorithm;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.EncodableDigest;
import org.bouncycastle.util.Memoable;

/**
 * MD5, SHA-1, SHA-256 and C4's SHA-512 on BouncyCastle digests. BouncyCastle rather than
 * {@code java.security.MessageDigest} because its digests export and re-import their running state
 * ({@link EncodableDigest#getEncodedState()} and a constructor taking it), which checkpoints need.
 *
 * @param <D> a BouncyCastle digest that is both encodable and {@link Memoable} (copyable)
 */
final class DigestHasher<D extends Digest & EncodableDigest & Memoable> extends AbstractHasher {

    private final D digest;
    private final UnaryOperator<D> copier;
    private final Function<byte[], String> formatter;

    /**
     * @param copier    copies the digest (finalising a copy leaves the running digest untouched)
     * @param formatter turns the finished digest bytes into the canonical text
     */
    DigestHasher(HashAlgorithm algorithm, D digest, UnaryOperator<D> copier,
            Function<byte[], String> formatter, long length) {
        super(algorithm, length);
        this.digest = digest;
        this.copier = copier;
        this.formatter = formatter;
    }

    @Override
    void engineUpdate(byte[] bytes, int offset, int count) {
        digest.update(bytes, offset, count);
    }

    @Override
    byte[] engineState() {
        return digest.getEncodedState();
    }

    @Override
    String engineValue() {
        D copy = copier.apply(digest);
        byte[] out = new byte[copy.getDigestSize()];
        copy.doFinal(out, 0);
        return formatter.apply(out);
    }
}
