/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer;

import java.util.Locale;

/**
 * What to do when a destination already holds a file under the name a source file would get, and
 * no earlier verified Cartwright copy of that very file explains it (a re-run of a finished offload
 * finds its own verified copies and skips them whatever the policy).
 */
public enum ConflictPolicy {
    /** The default: leave the existing file untouched and fail this file on that destination. */
    FAIL("fail"),
    /**
     * Compare the existing file with the source (same size, then the re-read hash): identical counts
     * as a verified copy, anything else fails the file on that destination; nothing is overwritten.
     */
    SKIP_IDENTICAL("skip-identical"),
    /**
     * Write the copy beside the existing file under the first free name {@code stem (n).ext}
     * ({@code A001C002 (1).mov}, {@code README (2)}); the chosen name is journalled.
     */
    VERSION("version"),
    /**
     * Replace the existing file (atomically, after the new copy is verified) when the source's
     * modification time is newer; otherwise keep it and report a warning.
     */
    REPLACE_IF_NEWER("replace-if-newer");

    private final String id;

    ConflictPolicy(String id) {
        this.id = id;
    }

    /** The name used on the command line and in the database. */
    public String id() {
        return id;
    }

    /**
     * Parses {@link #id()} (also accepts the enum constant name, any case).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static ConflictPolicy parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ConflictPolicy p : values()) {
            if (p.id.equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown conflict policy '" + text
                + "'. Use one of: fail, skip-identical, version, replace-if-newer.");
    }
}
