/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.cli.internal;

import java.util.List;
import java.util.concurrent.Callable;

import io.cartwright.core.ProductInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import org.eclipse.jdt.annotation.NonNullByDefault;

/** {@code cartwright}: lists the commands when run alone. */
@Command(name = "cartwright", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        description = {"Camera-card offload workbench: verified copies, ASC MHL, review and safe format.", ""},
        footer = {"", "Exit codes: 0 ok, 1 verification or check failed, 2 usage or bad input,",
                "3 interrupted but resumable, 4 refused by a safety rail."})
public final class RootCommand implements Callable<Integer> {

    /**
     * The subcommands, in the order of the usage text. {@link CliRunner} adds them itself rather than
     * through the annotation: picocli reflects over every class it is given, ~0.1 s for all of them,
     * and a command line that names one needs only that one.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(OffloadCommand.class, VerifyCommand.class, DemoCommand.class,
            DevicesCommand.class, ProjectsCommand.class, UnitsCommand.class, AssignCommand.class, RouteCommand.class,
            TemplatesCommand.class, InfoCommand.class, ActivityCommand.class, GuiCommand.class,
            picocli.CommandLine.HelpCommand.class);

    @Mixin
    GlobalOptions options = new GlobalOptions();

    @Spec
    @NonNullByDefault({}) CommandSpec spec;

    private final CommandContext context;

    public RootCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(context.out());
        return 0;
    }

    /** Prints the product version from the core bundle. */
    public static final class Version implements IVersionProvider {
        private final CommandContext context;

        public Version(CommandContext context) {
            this.context = context;
        }

        @Override
        public String[] getVersion() {
            ProductInfo info = context.services().get(ProductInfo.class);
            return new String[] {info.name() + " " + info.version(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
