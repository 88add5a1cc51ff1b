/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.cli.internal;

import java.nio.file.Path;

import io.cartwright.core.CartwrightException;
import io.cartwright.core.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.eclipse.jdt.annotation.Nullable;

/**
 * {@code cartwright gui}: documented here so it shows in the help; the launcher script starts the
 * workbench application itself, so reaching this class means the CLI application was run directly.
 */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Open the workbench (Devices, Projects, Routing, Transfers, Assets, Preflight, Activity).")
final class GuiCommand extends BaseCommand {

    @Option(names = "--screenshot", paramLabel = "FILE",
            description = "Open the workbench, wait until it is painted, save a PNG of the window to FILE and exit.")
    @Nullable Path screenshot;

    @Option(names = "--screenshot-part", paramLabel = "PANE",
            description = "With --screenshot: show this pane maximised (devices, projects, routing, transfers, ...).")
    @Nullable String screenshotPart;

    @Option(names = "--screenshot-report", paramLabel = "FILE",
            description = "With --screenshot: also write what every pane shows as JSON to FILE.")
    @Nullable Path screenshotReport;

    GuiCommand(CommandContext context) {
        super(context);
    }

    @Override
    protected ExitCode execute() {
        throw new CartwrightException(ExitCode.USAGE, "The workbench is a separate application.",
                "Start it with the launcher: ./cartwright gui");
    }
}
