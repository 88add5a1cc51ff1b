/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer;

import java.util.Locale;

/** How a destination copy was re-read for verification; recorded per file and destination. */
public enum VerifyMode {
    /** Read with O_DIRECT ({@code ExtendedOpenOption.DIRECT}): straight from the device. */
    DIRECT,
    /**
     * The filesystem refused O_DIRECT: the file was fsynced, its cached pages dropped with
     * {@code posix_fadvise(POSIX_FADV_DONTNEED)}, then read.
     */
    FADVISE,
    /**
     * Neither was possible on this platform or filesystem: the re-read may have come from the page
     * cache. Reported as a warning; it still proves the bytes the operating system holds.
     */
    CACHED;

    /** Lower-case name as stored in the database. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #id()}. */
    public static VerifyMode parse(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
