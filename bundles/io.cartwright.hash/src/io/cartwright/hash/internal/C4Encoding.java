/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.hash.internal;

import java.math.BigInteger;

/**
 * The C4 ID text form (SMPTE ST 2114): the 64-byte SHA-512 digest read as an unsigned big-endian
 * integer, written in base58 with the alphabet below, left-padded with {@code '1'} (the zero digit)
 * to 88 characters and prefixed with {@code "c4"}, 90 characters in all.
 */
final class C4Encoding {

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);
    private static final int DIGITS = 88;
    private static final int DIGEST_BYTES = 64;

    private C4Encoding() {
    }

    static String encode(byte[] sha512) {
        if (sha512.length != DIGEST_BYTES) {
            throw new IllegalArgumentException("C4 needs a 64-byte SHA-512 digest, got " + sha512.length + " bytes");
        }
        char[] out = new char[2 + DIGITS];
        out[0] = 'c';
        out[1] = '4';
        BigInteger n = new BigInteger(1, sha512);
        // 58^88 > 2^512, so 88 digits always suffice; the leading ones stay '1' (zero).
        for (int i = out.length - 1; i >= 2; i--) {
            BigInteger[] qr = n.divideAndRemainder(BASE);
            out[i] = ALPHABET.charAt(qr[1].intValue());
            n = qr[0];
        }
        return new String(out);
    }
}
