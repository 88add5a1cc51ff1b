/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.cli;

import java.io.PrintStream;

import io.cartwright.cli.internal.CliRunner;

/**
 * Runs one {@code cartwright} command line against the services of the running framework and
 * returns its exit code ({@link io.cartwright.core.ExitCode}). Output goes to the given streams, so
 * tests and other front doors can capture it.
 */
public final class Cli {

    private Cli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new CliRunner(ServiceLookup.fromFramework(), out, err).run(args);
    }
}
