/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.cartwright.transfer.DestinationState;
import io.cartwright.transfer.JobState;
import io.cartwright.transfer.OffloadRequest;

/** A job row with its destinations, and the request rebuilt from its options. */
record StoredJob(long id, OffloadRequest request, String sourceIdentity, JobState state, String reason,
        List<Dest> destinations, Instant createdAt, Instant updatedAt) {

    /** The same job run with {@code r} (the caller's request, which carries the plan before it is journalled). */
    StoredJob withRequest(OffloadRequest r) {
        return new StoredJob(id, r, sourceIdentity, state, reason, destinations, createdAt, updatedAt);
    }

    /** A transfer_dest row. */
    record Dest(int index, Path root, DestinationState state, String reason) {
    }
}
