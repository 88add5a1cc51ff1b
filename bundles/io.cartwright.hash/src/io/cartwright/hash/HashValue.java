/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.hash;

/**
 * A hash result in its canonical text form: lower-case hex for the xxh, MD5 and SHA families (the
 * form {@code xxhsum}, {@code md5sum} and ASC MHL use), the 90-character {@code c4...} id for C4.
 */
public record HashValue(HashAlgorithm algorithm, String text) {
    @Override
    public String toString() {
        return algorithm.id() + ":" + text;
    }
}
