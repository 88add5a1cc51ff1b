/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The {@code <creatorinfo>} of a manifest: who wrote it, when, where and with which tool. The
 * implementation guidelines recommend naming the author and role and putting the absolute source and
 * destination paths of an offload into {@code comment}. Immutable.
 *
 * @param creationDate when the manifest was created ({@code <creationdate>})
 * @param hostname the writing machine's host name
 * @param toolName name of the writing tool, e.g. "Cartwright"
 * @param toolVersion version of the tool (the {@code version} attribute), or {@code null}
 * @param authors zero or more authors
 * @param location optional free-text location (set, facility), or {@code null}
 * @param comment optional free-text comment, or {@code null}
 */
public record CreatorInfo(Instant creationDate, String hostname, String toolName, @Nullable String toolVersion,
        List<Author> authors, @Nullable String location, @Nullable String comment) {
    public CreatorInfo {
        Objects.requireNonNull(creationDate, "creationDate");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(toolName, "toolName");
        authors = List.copyOf(authors);
    }

    /** Creator info without authors, location or comment. */
    public static CreatorInfo of(Instant creationDate, String hostname, String toolName,
            @Nullable String toolVersion) {
        return new CreatorInfo(creationDate, hostname, toolName, toolVersion, List.of(), null, null);
    }
}
