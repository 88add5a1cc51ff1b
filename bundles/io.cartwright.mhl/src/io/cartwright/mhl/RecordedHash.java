/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl;

import java.time.Instant;
import java.util.Objects;

import io.cartwright.hash.HashValue;

import org.eclipse.jdt.annotation.Nullable;

/**
 * One hash-format element of a file entry, e.g.
 * {@code <xxh64 action="original" hashdate="...">0ea03b369a463d9d</xxh64>}. Immutable.
 *
 * @param value the algorithm and hash text
 * @param action original, verified or failed (an entry read without {@code action} is taken as original)
 * @param hashDate when the hash was computed, or {@code null} if the manifest does not say
 */
public record RecordedHash(HashValue value, HashAction action, @Nullable Instant hashDate) {
    public RecordedHash {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(action, "action");
    }
}
