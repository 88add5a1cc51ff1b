/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.cli.internal;

import java.util.concurrent.Callable;

import io.cartwright.core.ExitCode;
import io.cartwright.store.Store;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A command of {@code cartwright}, at any depth: global options merged up the chain of parents, the
 * context, and a typed exit code.
 */
abstract class BaseCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions ownOptions = new GlobalOptions();

    /** {@link RootCommand} or a command group ({@code devices}, {@code projects}, ...). */
    @ParentCommand
    @NonNullByDefault({}) Object parent;

    protected final CommandContext context;

    BaseCommand(CommandContext context) {
        this.context = context;
    }

    /** This command's options, completed by those given before it on the command line. */
    protected GlobalOptions options() {
        if (parent instanceof BaseCommand group) {
            return ownOptions.orParent(group.options());
        }
        if (parent instanceof RootCommand root) {
            return ownOptions.orParent(root.options);
        }
        return ownOptions;
    }

    protected Store store() {
        return context.store(options());
    }

    protected Output output() {
        return new Output(context.out(), options().json());
    }

    @Override
    public final Integer call() throws Exception {
        return execute().code();
    }

    protected abstract ExitCode execute() throws Exception;
}
