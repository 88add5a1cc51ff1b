/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.cli.internal;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;

import io.cartwright.cli.ServiceLookup;
import io.cartwright.core.CartwrightException;
import io.cartwright.core.ExitCode;
import io.cartwright.core.Printable;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Parses a command line with picocli and runs the command, turning every failure into a message on
 * stderr that says what happened and what to do, and an exit code of {@link ExitCode}.
 */
public final class CliRunner {

    private final CommandContext context;

    public CliRunner(ServiceLookup services, PrintStream out, PrintStream err) {
        this.context = new CommandContext(services, out, err);
    }

    public int run(String[] args) {
        ContextFactory factory = new ContextFactory(context);
        CommandLine cl = new CommandLine(new RootCommand(context), factory);
        addSubcommands(cl, factory, args);
        cl.setOut(new PrintWriter(context.out(), true));
        cl.setErr(new PrintWriter(context.err(), true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(this::badUsage);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> failed(e));
        return cl.execute(args);
    }

    /**
     * Adds only the subcommand the arguments name when they name one after the global options, and
     * all of them otherwise (help, version, a misspelt name that needs suggestions).
     */
    private static void addSubcommands(CommandLine cl, IFactory factory, String[] args) {
        Class<?> named = namedSubcommand(args);
        for (Class<?> type : RootCommand.SUBCOMMANDS) {
            if (named == null || named == type) {
                try {
                    cl.addSubcommand(factory.create(type));
                } catch (Exception e) {
                    throw new IllegalStateException("cannot create the command " + type.getName(), e);
                }
            }
        }
    }

    /** The subcommand named by the first argument that is not a global option, or null. */
    public static @Nullable Class<?> namedSubcommand(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--db")) {
                i++; // its value
            } else if (!a.equals("--json") && !a.startsWith("--db=")) {
                for (Class<?> type : RootCommand.SUBCOMMANDS) {
                    CommandLine.Command c = type.getAnnotation(CommandLine.Command.class);
                    if (!type.equals(CommandLine.HelpCommand.class) && c.name().equals(a)) {
                        return type;
                    }
                }
                return null;
            }
        }
        return null;
    }

    private int badUsage(ParameterException e, String[] args) {
        PrintStream err = context.err();
        CommandLine cmd = e.getCommandLine();
        if (e instanceof UnmatchedArgumentException u && !cmd.getSubcommands().isEmpty() && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            err.println("cartwright: unknown command '" + u.getUnmatched().get(0) + "'");
        } else {
            err.println(Printable.of("cartwright: " + e.getMessage(), true));
        }
        if (e instanceof UnmatchedArgumentException u) {
            UnmatchedArgumentException.printSuggestions(u, new PrintWriter(err, true));
        }
        String name = cmd.getCommandSpec().qualifiedName();
        err.println("Run '" + name + " --help' to see the commands and options.");
        return ExitCode.USAGE.code();
    }

    private int failed(Exception e) {
        PrintStream err = context.err();
        if (e instanceof CartwrightException ce) {
            err.println(Printable.of("cartwright: " + ce.getMessage(), true));
            if (!ce.hint().isEmpty()) {
                err.println(Printable.of("What to do: " + ce.hint(), true));
            }
            return ce.exitCode().code();
        }
        err.println("cartwright: unexpected error: " + e);
        e.printStackTrace(err);
        err.println("What to do: this is a bug; please report it with the lines above.");
        return ExitCode.FAILED.code();
    }

    /** Creates command objects, handing the {@link CommandContext} to those that take it. */
    private record ContextFactory(CommandContext context) implements IFactory {
        @Override
        @NonNullByDefault({}) // picocli leaves the type unannotated
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> withContext = type.getDeclaredConstructor(CommandContext.class);
                return withContext.newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
