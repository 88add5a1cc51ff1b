/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer;

import java.util.Locale;

/**
 * The per-file state machine, journalled before each step starts:
 * {@code QUEUED -> READING -> WRITING -> VERIFYING -> DONE}, or {@code FAILED} with a reason.
 * A verification mismatch goes back to {@code READING} for a retry.
 */
public enum FileState {
    /** Planned, not started. */
    QUEUED,
    /** The source is being read once; the same bytes stream to every destination's temporary file. */
    READING,
    /** The source has been read and hashed; destination writes are being drained and fsynced. */
    WRITING,
    /** Every destination copy is being re-read from the device and compared with the source hash. */
    VERIFYING,
    /** Verified on every destination and published under its final name. */
    DONE,
    /** Not (fully) copied; the reason says why and where. */
    FAILED;

    /** Lower-case name as stored in the database. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #id()}. */
    public static FileState parse(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
