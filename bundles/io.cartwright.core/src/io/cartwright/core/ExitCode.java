/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.core;

/** Process exit codes of every {@code cartwright} command; scripts rely on these numbers. */
public enum ExitCode {
    /** Everything asked for was done and verified. */
    OK(0),
    /** A verification or check failed (a hash mismatch, a missing file, a failed preflight check). */
    FAILED(1),
    /** The command line or an input file was wrong; nothing was done. */
    USAGE(2),
    /** Interrupted (source gone, signal, destination gone) but resumable. */
    INTERRUPTED(3),
    /** Refused by a safety rail (format of an unproven card, overwrite without policy). */
    REFUSED(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
