/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.HashValue;
import io.cartwright.hash.Hashers;

/** The few hash operations this bundle needs, over {@link Hashers}, plus text-to-bytes decoding. */
public final class Hashing {
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger FIFTY_EIGHT = BigInteger.valueOf(58);

    private Hashing() {
    }

    /** Hash of bytes in memory. */
    static HashValue hash(HashAlgorithm algorithm, byte[] data) {
        return Hashers.hash(algorithm, data);
    }

    /** Hash of a file's content. */
    static HashValue hashFile(HashAlgorithm algorithm, Path file) throws IOException {
        return Hashers.hashFile(algorithm, file);
    }

    /** C4 id of bytes (used for manifests in the chain). */
    public static String c4(byte[] data) {
        return Hashers.hash(HashAlgorithm.C4, data).text();
    }

    /** True if two hash texts of one algorithm denote the same hash (hex is case-insensitive, C4 is not). */
    public static boolean same(HashValue a, HashValue b) {
        if (a.algorithm() != b.algorithm()) {
            return false;
        }
        return a.algorithm() == HashAlgorithm.C4 ? a.text().equals(b.text())
                : a.text().toLowerCase(Locale.ROOT).equals(b.text().toLowerCase(Locale.ROOT));
    }

    /**
     * The raw digest bytes behind a hash text: hex decoded, or for C4 the base58 number after the
     * {@code c4} prefix as 64 big-endian bytes (the SHA-512 digest).
     */
    public static byte[] bytes(HashValue value) {
        String text = value.text();
        if (value.algorithm() != HashAlgorithm.C4) {
            return HexFormat.of().parseHex(text.toLowerCase(Locale.ROOT));
        }
        if (text.length() != 90 || !text.startsWith("c4")) {
            throw new IllegalArgumentException("Not a C4 id: " + text);
        }
        BigInteger n = BigInteger.ZERO;
        for (int i = 2; i < text.length(); i++) {
            int digit = BASE58.indexOf(text.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("Not a C4 id: " + text);
            }
            n = n.multiply(FIFTY_EIGHT).add(BigInteger.valueOf(digit));
        }
        byte[] raw = n.toByteArray();
        if (raw.length > 64) {
            raw = Arrays.copyOfRange(raw, raw.length - 64, raw.length);
        }
        byte[] out = new byte[64];
        System.arraycopy(raw, 0, out, 64 - raw.length, raw.length);
        return out;
    }
}
