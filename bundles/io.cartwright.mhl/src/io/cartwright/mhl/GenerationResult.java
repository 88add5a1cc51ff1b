/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl;

import java.nio.file.Path;
import java.util.List;

/**
 * Outcome of {@link AscMhlWriter#write}. A file counts as failed if any of its hashes failed, as
 * verified if at least one hash was verified and none failed, and as original otherwise. Immutable.
 *
 * @param manifest the manifest written
 * @param generation its generation number
 * @param manifestC4 its C4 id, as written into the chain
 * @param originalCount files recorded for the first time
 * @param verifiedCount files whose hashes matched the history
 * @param failedCount files with at least one mismatching hash
 * @param failures one entry per mismatching hash
 * @param missingPaths files recorded in the history but not part of this operation, sorted
 */
public record GenerationResult(Path manifest, int generation, String manifestC4, int originalCount,
        int verifiedCount, int failedCount, List<HashMismatch> failures, List<String> missingPaths) {
    public GenerationResult {
        failures = List.copyOf(failures);
        missingPaths = List.copyOf(missingPaths);
    }

    /** The paths of the failed files, in manifest order, without duplicates. */
    public List<String> failedPaths() {
        return failures.stream().map(HashMismatch::path).distinct().toList();
    }
}
