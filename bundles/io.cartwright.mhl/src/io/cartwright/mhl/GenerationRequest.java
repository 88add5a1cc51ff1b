/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@link AscMhlWriter#write} needs to append one generation. Immutable.
 *
 * @param scopeRoot the scope folder (its name becomes part of the manifest name)
 * @param process the kind of operation; an offload is {@link ProcessType#TRANSFER}
 * @param creatorInfo who writes the manifest and when ({@code <creationdate>})
 * @param startTime start of the operation: the manifest name's UTC timestamp and the default hash date
 * @param files the files of this operation with their computed hashes
 * @param extraIgnorePatterns ignore patterns in addition to the defaults and the history's
 */
public record GenerationRequest(Path scopeRoot, ProcessType process, CreatorInfo creatorInfo, Instant startTime,
        List<HashedFile> files, List<String> extraIgnorePatterns) {
    public GenerationRequest {
        Objects.requireNonNull(scopeRoot, "scopeRoot");
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(creatorInfo, "creatorInfo");
        Objects.requireNonNull(startTime, "startTime");
        files = List.copyOf(files);
        extraIgnorePatterns = List.copyOf(extraIgnorePatterns);
    }

    /** A request without extra ignore patterns. */
    public GenerationRequest(Path scopeRoot, ProcessType process, CreatorInfo creatorInfo, Instant startTime,
            List<HashedFile> files) {
        this(scopeRoot, process, creatorInfo, startTime, files, List.of());
    }
}
