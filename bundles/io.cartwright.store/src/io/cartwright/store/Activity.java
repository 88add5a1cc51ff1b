/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.store;

import java.time.Instant;

/**
 * One row of the append-only activity log: who did what to which subject, when and why.
 *
 * @param at when it happened (UTC)
 * @param actor the user or component ("cli", "gui", "transfer", a user name)
 * @param subjectKind what kind of thing it concerns ("job", "file", "device", "store")
 * @param subjectId the id of that thing, as text
 * @param action a short verb phrase ("state.verifying", "job.started", "migrated")
 * @param detail free text for people; may be empty
 */
public record Activity(Instant at, String actor, String subjectKind, String subjectId, String action, String detail) {

    public static Activity now(String actor, String subjectKind, String subjectId, String action, String detail) {
        return new Activity(Instant.now(), actor, subjectKind, subjectId, action, detail);
    }
}
