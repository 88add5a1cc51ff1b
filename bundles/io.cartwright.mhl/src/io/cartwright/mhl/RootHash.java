/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.HashValue;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The {@code <roothash>} of a generation: content and structure hash of the scope folder itself,
 * computed like a {@link DirectoryHashEntry}. Immutable.
 *
 * @param content content hashes, one per algorithm
 * @param structure structure hashes, one per algorithm
 * @param hashDate when they were computed, or {@code null}
 */
public record RootHash(List<HashValue> content, List<HashValue> structure, @Nullable Instant hashDate) {
    public RootHash {
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
