/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An ASC MHL history cannot be used: a manifest was modified or is missing, the chain is missing, a
 * file does not parse, or a new manifest would overwrite an existing one. The message lists every
 * problem found.
 */
public class MhlException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient List<HistoryProblem> problems;

    /** An exception for the given problems (at least one). */
    public MhlException(List<HistoryProblem> problems) {
        super(problems.stream().map(HistoryProblem::message).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** An exception with a message only (no history problem attached). */
    public MhlException(String message) {
        super(message);
        this.problems = List.of();
    }

    /** The problems found, in the order found; empty for message-only exceptions. */
    public List<HistoryProblem> problems() {
        return problems == null ? List.of() : problems; // null after deserialisation
    }
}
