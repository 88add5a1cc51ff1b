/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.cli.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

import io.cartwright.cli.Cli;
import io.cartwright.core.ExitCode;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The Equinox application behind {@code ./cartwright}. Its return value is the process exit code.
 *
 * <p>The launcher script hands the user's arguments over in a NUL-separated file named by the
 * system property {@value #ARGS_FILE_PROPERTY}, because the Equinox launcher would otherwise take
 * arguments such as {@code -data} or {@code -clean} for itself. Without that property the
 * application arguments are used as they are.
 */
public final class CliApplication implements IApplication {

    static final String ARGS_FILE_PROPERTY = "cartwright.args.file";

    @Override
    @NonNullByDefault({}) // Equinox leaves the context unannotated
    public Object start(IApplicationContext context) throws Exception {
        String[] args;
        try {
            args = arguments(context);
        } catch (IOException e) {
            System.err.println("cartwright: cannot read the command line: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        context.applicationRunning();
        int code = Cli.run(args, System.out, System.err);
        System.out.flush();
        System.err.flush();
        return code;
    }

    @Override
    public void stop() {
        // Commands check Thread interruption; nothing to release here.
    }

    private static String[] arguments(IApplicationContext context) throws IOException {
        String file = System.getProperty(ARGS_FILE_PROPERTY);
        if (file != null && !file.isEmpty()) {
            String all = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            if (all.isEmpty()) {
                return new String[0];
            }
            // Each argument is terminated by a NUL.
            String[] parts = all.split("\0", -1);
            return Arrays.copyOf(parts, parts.length - 1);
        }
        Object raw = context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        return raw instanceof String[] a ? a : new String[0];
    }
}
