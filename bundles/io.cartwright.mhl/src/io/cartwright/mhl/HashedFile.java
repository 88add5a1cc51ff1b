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
 * What one operation found for one file in the scope: its relative path, size, dates and the hashes
 * computed (typically during the copy). Input of {@link AscMhlWriter}. Immutable.
 *
 * @param path path relative to the scope folder, {@code /}-separated, no leading {@code /}, no {@code ..}
 * @param size file size in bytes
 * @param creationDate creation date to record, or {@code null} to leave it out
 * @param lastModified last modification time
 * @param hashes the hashes computed now, at most one per algorithm
 * @param hashDate when the hashes were computed, or {@code null} for the operation's start time
 */
public record HashedFile(String path, long size, @Nullable Instant creationDate, Instant lastModified,
        List<HashValue> hashes, @Nullable Instant hashDate) {
    public HashedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(lastModified, "lastModified");
        hashes = List.copyOf(hashes);
    }

    /** A file without creation date, hashed at the operation's start time. */
    public HashedFile(String path, long size, Instant lastModified, List<HashValue> hashes) {
        this(path, size, null, lastModified, hashes, null);
    }
}
