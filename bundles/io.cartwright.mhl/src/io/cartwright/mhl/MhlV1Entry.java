/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.cartwright.hash.HashValue;

import org.eclipse.jdt.annotation.Nullable;

/**
 * One {@code <hash>} of a classic MHL v1.1 file. Immutable.
 *
 * @param file path relative to the folder of the MHL file, {@code /}-separated
 * @param size size in bytes
 * @param creationDate creation date, or {@code null} to leave it out
 * @param lastModificationDate last modification date
 * @param hashes the hashes; only md5, sha1 and xxh64 (written as {@code xxhash64be}) exist in MHL v1
 * @param hashDate when the hashes were computed
 */
public record MhlV1Entry(String file, long size, @Nullable Instant creationDate, Instant lastModificationDate,
        List<HashValue> hashes, Instant hashDate) {
    public MhlV1Entry {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(lastModificationDate, "lastModificationDate");
        Objects.requireNonNull(hashDate, "hashDate");
        hashes = List.copyOf(hashes);
    }
}
