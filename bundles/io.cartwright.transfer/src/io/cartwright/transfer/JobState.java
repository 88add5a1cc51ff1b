/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer;

import java.util.Locale;

import io.cartwright.core.ExitCode;

/** The state of an offload job as journalled. */
public enum JobState {
    /** Planned or copying; also what a killed process leaves behind (resumable). */
    RUNNING,
    /** Every file verified on every destination (warnings may still have been reported). */
    DONE,
    /** Finished, but at least one file or destination failed; re-running retries what failed. */
    FAILED,
    /** Stopped before the end (cancelled, source gone, read error) but resumable. */
    INTERRUPTED;

    /** The CLI exit code for a job that ended in this state. */
    public ExitCode exitCode() {
        return switch (this) {
            case DONE -> ExitCode.OK;
            case FAILED -> ExitCode.FAILED;
            case RUNNING, INTERRUPTED -> ExitCode.INTERRUPTED;
        };
    }

    /** Lower-case name as stored in the database and printed in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #id()}. */
    public static JobState parse(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** True while the job can still be resumed to completion (everything except {@link #DONE}). */
    public boolean resumable() {
        return this != DONE;
    }
}
