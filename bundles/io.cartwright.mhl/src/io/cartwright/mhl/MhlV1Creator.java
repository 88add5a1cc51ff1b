/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl;

import java.time.Instant;
import java.util.Objects;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The {@code <creatorinfo>} of a classic MHL v1.1 file. Immutable.
 *
 * @param name the operator's full name, or {@code null} to leave it out
 * @param username the account name
 * @param hostname the machine's host name
 * @param tool tool name and version, e.g. "Cartwright 1.0.0"
 * @param startDate start of the operation
 * @param finishDate end of the operation
 */
public record MhlV1Creator(@Nullable String name, String username, String hostname, String tool, Instant startDate,
        Instant finishDate) {
    public MhlV1Creator {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(finishDate, "finishDate");
    }
}
