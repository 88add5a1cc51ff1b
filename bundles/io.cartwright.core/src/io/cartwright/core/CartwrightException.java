/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.core;

/**
 * A failure the user must see: what happened ({@link #getMessage()}), what to do about it
 * ({@link #hint()}), and the exit code the CLI ends with.
 */
public class CartwrightException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;
    private final String hint;

    public CartwrightException(ExitCode exitCode, String message, String hint) {
        super(message);
        this.exitCode = exitCode;
        this.hint = hint;
    }

    public CartwrightException(ExitCode exitCode, String message, String hint, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.hint = hint;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** What the user can do next; may be empty. */
    public String hint() {
        return hint;
    }
}
