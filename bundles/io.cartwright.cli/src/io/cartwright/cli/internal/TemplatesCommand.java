/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;

import io.cartwright.core.CartwrightException;
import io.cartwright.core.ExitCode;
import io.cartwright.project.ProjectService;
import io.cartwright.routing.Channel;
import io.cartwright.routing.RoutingService;
import io.cartwright.routing.Template;
import io.cartwright.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * {@code cartwright templates}: routing templates in the database, exported to and imported from
 * JSON files so a team can share them across shows (format: docs/templates.md).
 */
@Command(name = "templates", mixinStandardHelpOptions = true,
        description = {"Routing templates: list them, export them to a JSON file, import them from one.",
                "The file format is described in docs/templates.md."},
        subcommands = {TemplatesCommand.ListTemplates.class, TemplatesCommand.Export.class, TemplatesCommand.Import.class})
final class TemplatesCommand extends BaseCommand {

    @Spec
    @NonNullByDefault({}) CommandSpec spec;

    TemplatesCommand(CommandContext context) {
        super(context);
    }

    @Override
    protected ExitCode execute() {
        spec.commandLine().usage(context.out());
        return ExitCode.OK;
    }

    /** What every subcommand of this group shares besides the common options: its services. */
    abstract static class Sub extends BaseCommand {

        Sub(CommandContext context) {
            super(context);
        }

        ProjectService projects() {
            return context.services().get(ProjectService.class);
        }

        RoutingService routing() {
            return context.services().get(RoutingService.class);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the templates in the database.")
    static final class ListTemplates extends Sub {

        ListTemplates(CommandContext context) {
            super(context);
        }

        @Override
        protected ExitCode execute() {
            List<Template> all = projects().templates(store());
            Output out = output();
            if (out.json()) {
                ArrayNode a = Output.object().arrayNode();
                for (Template t : all) {
                    var o = a.addObject().put("name", t.name()).put("description", t.description())
                            .put("unmatched", t.unmatched().id());
                    t.channels().forEach(c -> o.withArray("channels").add(c.name()));
                }
                out.json(a);
            } else if (all.isEmpty()) {
                out.line("No templates yet. Import one with: cartwright templates import FILE (see docs/templates.md)");
            } else {
                for (Template t : all) {
                    out.line(t.name() + "  channels " + String.join(", ", t.channels().stream().map(Channel::name).toList())
                            + "  unmatched " + t.unmatched().id() + (t.description().isEmpty() ? "" : "  " + t.description()));
                }
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write templates (all, or the ones named) to a JSON file, or to standard output.")
    static final class Export extends Sub {

        @Parameters(paramLabel = "NAME", arity = "0..*", description = "Templates to export (default: all).")
        List<String> names = new ArrayList<>();

        @Option(names = {"-o", "--to"}, paramLabel = "FILE", description = "The file to write (default: standard output).")
        @Nullable Path file;

        @Option(names = "--force", description = "Overwrite FILE if it exists.")
        boolean force;

        Export(CommandContext context) {
            super(context);
        }

        @Override
        protected ExitCode execute() throws IOException {
            Store store = store();
            List<Template> templates = new ArrayList<>();
            if (names.isEmpty()) {
                templates.addAll(projects().templates(store));
            }
            for (String n : names) {
                templates.add(projects().template(store, n).orElseThrow(() -> new CartwrightException(ExitCode.USAGE,
                        "There is no template called '" + n + "'.", "List them with: cartwright templates list")));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            routing().writeTemplates(templates, bytes);
            Path file = this.file;
            if (file == null || file.toString().equals("-")) {
                context.out().write(bytes.toByteArray());
                context.out().flush();
                return ExitCode.OK;
            }
            if (Files.exists(file) && !force) {
                throw new CartwrightException(ExitCode.USAGE, "The file " + file + " exists.", "Add --force to overwrite it.");
            }
            try (OutputStream o = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                o.write(bytes.toByteArray());
            }
            Output out = output();
            if (out.json()) {
                ArrayNode a = Output.object().arrayNode();
                templates.forEach(t -> a.add(t.name()));
                out.json(Output.object().put("file", file.toAbsolutePath().toString()).set("templates", a));
            } else {
                out.line("Exported " + templates.size() + (templates.size() == 1 ? " template" : " templates") + " to " + file + ".");
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Read templates from a JSON file into the database. Every template is checked first;",
                    "if any has a problem, or exists already without --replace, nothing is imported."})
    static final class Import extends Sub {

        @Parameters(paramLabel = "FILE", description = "A template file (docs/templates.md), or - for standard input.")
        @NonNullByDefault({}) String file;

        @Option(names = "--replace", description = "Replace templates of the same name (units using them keep using them).")
        boolean replace;

        Import(CommandContext context) {
            super(context);
        }

        @Override
        protected ExitCode execute() throws IOException {
            List<Template> templates;
            if (file.equals("-")) {
                templates = routing().readTemplates(System.in);
            } else {
                Path p = Path.of(file);
                if (!Files.isRegularFile(p)) {
                    throw new CartwrightException(ExitCode.USAGE, "No such file: " + file, "Give the path of a template file.");
                }
                try (InputStream in = Files.newInputStream(p)) {
                    templates = routing().readTemplates(in);
                }
            }
            Store store = store();
            ProjectService projects = projects();
            if (!replace) {
                List<String> existing = templates.stream().map(Template::name)
                        .filter(n -> projects.template(store, n).isPresent()).toList();
                if (!existing.isEmpty()) {
                    throw new CartwrightException(ExitCode.USAGE, "Templates exist already: " + String.join(", ", existing)
                            + "; nothing was imported.", "Add --replace to overwrite them, or rename them in the file.");
                }
            }
            for (Template t : templates) {
                projects.saveTemplate(store, t, replace, ProjectsCommand.actor());
            }
            Output out = output();
            if (out.json()) {
                ArrayNode a = Output.object().arrayNode();
                templates.forEach(t -> a.add(t.name()));
                out.json(Output.object().set("imported", a));
            } else {
                out.line("Imported " + templates.size() + (templates.size() == 1 ? " template: " : " templates: ")
                        + String.join(", ", templates.stream().map(Template::name).toList()) + ".");
            }
            return ExitCode.OK;
        }
    }
}
