/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.hash;

import java.util.Locale;

/**
 * The hash algorithms Cartwright computes. The {@link #id()} is the name used on the command line and
 * in ASC MHL manifests ({@code <xxh64>}, {@code <md5>}, ...).
 */
public enum HashAlgorithm {
    /** XXH3 64-bit, the default: fast and what most DIT tools call "xxh3". */
    XXH3_64("xxh3"),
    /** XXH3 128-bit ("xxh128" in ASC MHL). */
    XXH3_128("xxh128"),
    /** Classic XXH64. */
    XXH64("xxh64"),
    MD5("md5"),
    SHA1("sha1"),
    SHA256("sha256"),
    /** C4 ID (SMPTE ST 2114): SHA-512, base58, "c4" prefix, 90 characters. */
    C4("c4");

    private final String id;

    HashAlgorithm(String id) {
        this.id = id;
    }

    /** Lower-case name used by the CLI and by ASC MHL element names. */
    public String id() {
        return id;
    }

    /**
     * Parses a CLI/MHL name ({@code xxh3}, {@code xxh3-64}, {@code xxh128}, {@code md5}, ...).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static HashAlgorithm parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (HashAlgorithm a : values()) {
            if (a.id.equals(n)) {
                return a;
            }
        }
        switch (n) {
            case "xxh3-64", "xxh3_64", "xxh3-64bit" -> {
                return XXH3_64;
            }
            case "xxh3-128", "xxh3_128" -> {
                return XXH3_128;
            }
            case "sha-1" -> {
                return SHA1;
            }
            case "sha-256" -> {
                return SHA256;
            }
            default -> throw new IllegalArgumentException("Unknown hash algorithm '" + name
                    + "'. Use one of: xxh3, xxh128, xxh64, md5, sha1, sha256, c4.");
        }
    }
}
