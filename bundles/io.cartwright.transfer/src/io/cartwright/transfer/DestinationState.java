/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer;

import java.util.Locale;

/** The state of one destination of a job. */
public enum DestinationState {
    /** Receiving copies (or waiting for a resume). */
    ACTIVE,
    /** Every file of the job verified on it. */
    DONE,
    /** Given up for this run: not enough space, gone, or a write error; the reason says which. */
    FAILED;

    /** Lower-case name as stored in the database. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #id()}. */
    public static DestinationState parse(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
