/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl;

import java.util.Objects;

import io.cartwright.hash.HashValue;

/**
 * A file whose hash now differs from the one in the history. Immutable.
 *
 * @param path relative path in the scope
 * @param expected the recorded (original or verified) hash
 * @param actual the hash computed now, same algorithm
 */
public record HashMismatch(String path, HashValue expected, HashValue actual) {
    public HashMismatch {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
    }

    @Override
    public String toString() {
        return path + ": expected " + expected + ", found " + actual;
    }
}
