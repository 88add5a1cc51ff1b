/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl;

import java.nio.file.Path;
import java.util.List;

/**
 * Result of {@link AscMhlVerifier#verify}: everything that differs between a scope folder and its
 * history. Lists of paths are sorted. Immutable.
 *
 * @param scopeRoot the scope folder verified
 * @param historyProblems problems of the {@code ascmhl} folder (chain check, missing history)
 * @param verifiedCount files whose hash matched
 * @param mismatched files whose hash differs from the recorded one
 * @param missing files recorded in the history but absent
 * @param extra files present (and not ignored) but not recorded
 * @param unreadable files that could not be read, as "path: reason"
 */
public record VerifyReport(Path scopeRoot, List<HistoryProblem> historyProblems, int verifiedCount,
        List<HashMismatch> mismatched, List<String> missing, List<String> extra, List<String> unreadable) {
    public VerifyReport {
        historyProblems = List.copyOf(historyProblems);
        mismatched = List.copyOf(mismatched);
        missing = List.copyOf(missing);
        extra = List.copyOf(extra);
        unreadable = List.copyOf(unreadable);
    }

    /** True if the chain check passed (every manifest present and unmodified). */
    public boolean historyOk() {
        return historyProblems.isEmpty();
    }

    /** True if nothing at all is wrong: the basis of {@code cartwright verify}'s exit code 0. */
    public boolean ok() {
        return historyOk() && mismatched.isEmpty() && missing.isEmpty() && extra.isEmpty() && unreadable.isEmpty();
    }
}
