/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.HashValue;

import org.eclipse.jdt.annotation.Nullable;

/**
 * A {@code <directoryhash>} entry: content and structure hashes of one directory (ASC MHL
 * Appendix G). Both lists carry the same algorithms. Immutable.
 *
 * @param path relative path of the directory in the scope
 * @param creationDate creation date, or {@code null}
 * @param lastModificationDate last modification date, or {@code null}
 * @param content content hashes (names do not matter), one per algorithm
 * @param structure structure hashes (names and hierarchy matter), one per algorithm
 * @param hashDate when the hashes were computed, or {@code null}
 */
public record DirectoryHashEntry(String path, @Nullable Instant creationDate, @Nullable Instant lastModificationDate,
        List<HashValue> content, List<HashValue> structure, @Nullable Instant hashDate) implements ManifestEntry {
    public DirectoryHashEntry {
        Objects.requireNonNull(path, "path");
        content = List.copyOf(content);
        structure = List.copyOf(structure);
    }

    /** The content hash of {@code algorithm}, if recorded. */
    public Optional<HashValue> content(HashAlgorithm algorithm) {
        return content.stream().filter(h -> h.algorithm() == algorithm).findFirst();
    }

    /** The structure hash of {@code algorithm}, if recorded. */
    public Optional<HashValue> structure(HashAlgorithm algorithm) {
        return structure.stream().filter(h -> h.algorithm() == algorithm).findFirst();
    }
}
