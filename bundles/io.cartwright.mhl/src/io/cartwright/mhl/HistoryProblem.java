/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl;

import java.util.Objects;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Something wrong with an {@code ascmhl} folder, found while loading it. Immutable.
 *
 * @param kind what is wrong
 * @param file the file concerned (manifest or chain name inside {@code ascmhl/}), or {@code null}
 * @param message a sentence for the user, naming the file
 */
public record HistoryProblem(Kind kind, @Nullable String file, String message) {
    public HistoryProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** Kinds of history problems; the comments name the reference tool's exit code. */
    public enum Kind {
        /** The scope has no {@code ascmhl} folder or no manifest in it (reference exit 30). */
        NO_HISTORY,
        /** Manifests exist but {@code ascmhl_chain.xml} does not (reference exit 32). */
        MISSING_CHAIN,
        /** The chain lists a manifest that is not there (reference exit 33). */
        MISSING_MANIFEST,
        /** A manifest's C4 differs from the one in the chain: it was modified (reference exit 31). */
        MODIFIED_MANIFEST,
        /** A manifest file is not listed in the chain. */
        UNCHAINED_MANIFEST,
        /** A manifest or the chain cannot be parsed. */
        INVALID_FILE
    }

    @Override
    public String toString() {
        return message;
    }
}
