/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl;

import java.util.List;
import java.util.Objects;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The {@code <processinfo>} of a generation. Immutable.
 *
 * @param process the kind of operation
 * @param rootHash the scope folder's hashes, or {@code null} if the generation has none
 * @param ignorePatterns the gitignore-style patterns that were excluded (spec Appendix C)
 */
public record ProcessInfo(ProcessType process, @Nullable RootHash rootHash, List<String> ignorePatterns) {
    public ProcessInfo {
        Objects.requireNonNull(process, "process");
        ignorePatterns = List.copyOf(ignorePatterns);
    }
}
