/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.cli.internal;

import java.util.concurrent.Callable;

import io.cartwright.core.ExitCode;
import io.cartwright.store.Store;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** A subcommand of {@code cartwright}: global options, the context, and a typed exit code. */
abstract class BaseCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions ownOptions = new GlobalOptions();

    @ParentCommand
    RootCommand root;

    protected final CommandContext context;

    BaseCommand(CommandContext context) {
        this.context = context;
    }

    protected GlobalOptions options() {
        return root == null ? ownOptions : ownOptions.orParent(root.options);
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
