/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.cartwright.hash.HashAlgorithm;

import org.eclipse.jdt.annotation.Nullable;

/**
 * A {@code <hash>} entry: one file with its hashes in this generation. Immutable.
 *
 * @param path relative path in the scope
 * @param size file size in bytes, or {@code -1} if the manifest does not record it
 * @param creationDate creation date, or {@code null}
 * @param lastModificationDate last modification date, or {@code null}
 * @param hashes the hash-format elements, in manifest order
 */
public record FileHashEntry(String path, long size, @Nullable Instant creationDate, @Nullable Instant lastModificationDate,
        List<RecordedHash> hashes) implements ManifestEntry {
    public FileHashEntry {
        Objects.requireNonNull(path, "path");
        hashes = List.copyOf(hashes);
    }

    /** The hash of {@code algorithm} in this entry, if there is one. */
    public Optional<RecordedHash> hash(HashAlgorithm algorithm) {
        return hashes.stream().filter(h -> h.value().algorithm() == algorithm).findFirst();
    }
}
