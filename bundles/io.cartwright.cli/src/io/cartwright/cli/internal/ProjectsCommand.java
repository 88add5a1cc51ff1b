/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cartwright.core.CartwrightException;
import io.cartwright.core.ExitCode;
import io.cartwright.project.Assignment;
import io.cartwright.project.AutoOffload;
import io.cartwright.project.ChannelRule;
import io.cartwright.project.Project;
import io.cartwright.project.ProjectService;
import io.cartwright.project.ResolvedSettings;
import io.cartwright.project.Settings;
import io.cartwright.project.WorkUnit;
import io.cartwright.routing.ChannelConflictPolicy;
import io.cartwright.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * {@code cartwright projects}: shows with their defaults (routing template, destinations, hashes,
 * retention, auto-offload rule, tokens, channel rules). Subcommands create, list, show and set.
 */
@Command(name = "projects", mixinStandardHelpOptions = true,
        description = {"Projects (shows) and the defaults every work unit and card assignment inherits.",
                "Add work units with 'cartwright units', assign cards with 'cartwright assign'."},
        subcommands = {ProjectsCommand.Create.class, ProjectsCommand.ListProjects.class, ProjectsCommand.Show.class,
                ProjectsCommand.Set.class})
final class ProjectsCommand extends BaseCommand {

    @Spec
    @NonNullByDefault({}) CommandSpec spec;

    ProjectsCommand(CommandContext context) {
        super(context);
    }

    @Override
    protected ExitCode execute() {
        spec.commandLine().usage(context.out());
        return ExitCode.OK;
    }

    /** The actor written to the activity log: the operator's login name. */
    static String actor() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "cli" : user;
    }

    /** What every subcommand of this group shares besides the common options: its services. */
    abstract static class Sub extends BaseCommand {

        Sub(CommandContext context) {
            super(context);
        }

        ProjectService projects() {
            return context.services().get(ProjectService.class);
        }
    }

    /**
     * The settings options shared by {@code projects create/set}, {@code units add/set} and
     * {@code assign}: each one given replaces the inherited value.
     */
    static final class SettingsOptions {

        @Option(names = "--template", paramLabel = "NAME", description = "Routing template (see 'cartwright templates list').")
        @Nullable String template;

        @Option(names = "--to", paramLabel = "DEST", description = "Destination root; repeat for backups, the first is the primary.")
        @Nullable List<String> destinations;

        @Option(names = "--hash", paramLabel = "ALGS", split = ",", description = "Hash algorithms: xxh3, xxh128, xxh64, md5, sha1, sha256, c4.")
        @Nullable List<String> hashes;

        @Option(names = "--retention", paramLabel = "DAYS", description = "Days to keep card contents after a verified offload.")
        @Nullable Integer retention;

        @Option(names = "--auto", paramLabel = "RULE", description = "When a card is mounted: on-mount, confirm or manual.")
        @Nullable String auto;

        @Option(names = "--source-root", paramLabel = "PATH", description = "Card folder to offload from, e.g. PRIVATE/M4ROOT (repeat); wins over layout detection.")
        @Nullable List<String> sourceRoots;

        @Option(names = "--token", paramLabel = "NAME=VALUE", description = "A custom token value (repeat).")
        @Nullable Map<String, String> tokens;

        @Option(names = "--channel", paramLabel = "CHANNEL=PATTERN", description = "Override a template channel's destination pattern (repeat).")
        @Nullable Map<String, String> channelDestinations;

        @Option(names = "--conflict", paramLabel = "CHANNEL=POLICY", description = "Override a channel's conflict policy: append, version, replace-if-newer, fail (repeat).")
        @Nullable Map<String, String> channelConflicts;

        /** {@code base} with every option given on top. */
        Settings apply(Settings base) {
            Settings s = base;
            if (template != null) {
                s = s.withTemplate(template);
            }
            if (destinations != null) {
                s = s.withDestinations(destinations);
            }
            if (hashes != null) {
                s = s.withHashes(hashes);
            }
            if (retention != null) {
                s = s.withRetentionDays(retention);
            }
            if (auto != null) {
                try {
                    s = s.withAutoOffload(AutoOffload.parse(auto));
                } catch (IllegalArgumentException e) {
                    throw usage(e.getMessage());
                }
            }
            if (sourceRoots != null) {
                s = s.withSourceRoots(sourceRoots);
            }
            if (tokens != null) {
                Map<String, String> merged = new LinkedHashMap<>(s.tokens() == null ? Map.of() : s.tokens());
                merged.putAll(tokens);
                s = s.withTokens(merged);
            }
            if (channelDestinations != null) {
                for (Map.Entry<String, String> e : channelDestinations.entrySet()) {
                    s = s.withChannelRule(e.getKey(), new ChannelRule(e.getValue(), null));
                }
            }
            if (channelConflicts != null) {
                for (Map.Entry<String, String> e : channelConflicts.entrySet()) {
                    try {
                        s = s.withChannelRule(e.getKey(), new ChannelRule(null, ChannelConflictPolicy.parse(e.getValue())));
                    } catch (IllegalArgumentException ex) {
                        throw usage("--conflict " + e.getKey() + "=" + e.getValue() + ": " + ex.getMessage());
                    }
                }
            }
            return s;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a project with its defaults.")
    static final class Create extends Sub {

        @Parameters(paramLabel = "NAME", description = "The project's name; also the {project} token, so a safe folder name.")
        @NonNullByDefault({}) String name;

        @Option(names = "--description", paramLabel = "TEXT", description = "Free text.")
        String description = "";

        @Mixin
        SettingsOptions settings = new SettingsOptions();

        Create(CommandContext context) {
            super(context);
        }

        @Override
        protected ExitCode execute() {
            Store store = store();
            Project p = projects().createProject(store, name, description, settings.apply(Settings.INHERIT), actor());
            Output out = output();
            if (out.json()) {
                out.json(json(p));
            } else {
                out.line("Created project " + p.name() + ".");
                out.line("Next: cartwright units add " + p.name() + "/DAY01 --kind day");
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the projects.")
    static final class ListProjects extends Sub {

        ListProjects(CommandContext context) {
            super(context);
        }

        @Override
        protected ExitCode execute() {
            Store store = store();
            ProjectService service = projects();
            List<Project> all = service.projects(store);
            Output out = output();
            if (out.json()) {
                ArrayNode a = Output.object().arrayNode();
                all.forEach(p -> a.add(json(p)));
                out.json(a);
            } else if (all.isEmpty()) {
                out.line("No projects yet. Create one with: cartwright projects create NAME");
            } else {
                for (Project p : all) {
                    int units = service.units(store, p.name()).size();
                    int cards = service.assignments(store, p.name()).size();
                    out.line(p.name() + "  " + units + (units == 1 ? " unit" : " units") + ", " + cards
                            + (cards == 1 ? " card" : " cards") + "  template " + (p.defaults().template() == null ? "(default)"
                                    : p.defaults().template()) + (p.description().isEmpty() ? "" : "  " + p.description()));
                }
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a project: its resolved defaults, work-unit tree and assigned cards.")
    static final class Show extends Sub {

        @Parameters(paramLabel = "NAME", description = "The project.")
        @NonNullByDefault({}) String name;

        Show(CommandContext context) {
            super(context);
        }

        @Override
        protected ExitCode execute() {
            Store store = store();
            ProjectService service = projects();
            Project p = service.project(store, name).orElseThrow(() -> new CartwrightException(ExitCode.USAGE,
                    "There is no project called '" + name + "'.", "List them with 'cartwright projects list'."));
            ResolvedSettings resolved = service.context(store, io.cartwright.project.UnitPath.of(p.name())).settings();
            List<WorkUnit> units = service.units(store, p.name());
            List<Assignment> cards = service.assignments(store, p.name());
            Output out = output();
            if (out.json()) {
                ObjectNode o = json(p);
                o.set("resolved", settingsJson(resolved.effective()));
                ArrayNode u = o.putArray("units");
                units.forEach(w -> u.add(UnitsCommand.json(w)));
                ArrayNode c = o.putArray("assignments");
                cards.forEach(a -> c.add(AssignCommand.json(a)));
                out.json(o);
                return ExitCode.OK;
            }
            out.line("Project " + p.name() + (p.description().isEmpty() ? "" : " - " + p.description()));
            printSettings(out, "  ", resolved);
            out.line("Work units:");
            if (units.isEmpty()) {
                out.line("  (none; add one with: cartwright units add " + p.name() + "/DAY01 --kind day)");
            }
            UnitsCommand.printTree(out, units, "  ");
            out.line("Assigned cards:");
            if (cards.isEmpty()) {
                out.line("  (none; assign one with: cartwright assign DEVICE_ID " + p.name() + "/UNIT --role A-CAM)");
            }
            for (Assignment a : cards) {
                out.line("  device " + a.deviceId() + "  " + a.unit() + "  " + a.role()
                        + (a.camera().isEmpty() ? "" : " (cam " + a.camera() + ")") + "  since " + a.assignedAt() + " by " + a.operator());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Change a project's defaults (only the options given).")
    static final class Set extends Sub {

        @Parameters(paramLabel = "NAME", description = "The project.")
        @NonNullByDefault({}) String name;

        @Mixin
        SettingsOptions settings = new SettingsOptions();

        Set(CommandContext context) {
            super(context);
        }

        @Override
        protected ExitCode execute() {
            Project p = projects().updateProject(store(), name, settings::apply, actor());
            Output out = output();
            if (out.json()) {
                out.json(json(p));
            } else {
                out.line("Updated project " + p.name() + ".");
            }
            return ExitCode.OK;
        }
    }

    static ObjectNode json(Project p) {
        ObjectNode o = Output.object().put("id", p.id()).put("name", p.name()).put("description", p.description())
                .put("created_at", p.createdAt().toString());
        o.set("defaults", settingsJson(p.defaults()));
        return o;
    }

    /** Settings as JSON; fields that inherit are left out. */
    static ObjectNode settingsJson(Settings s) {
        ObjectNode o = Output.object();
        String template = s.template();
        if (template != null) {
            o.put("template", template);
        }
        List<String> destinations = s.destinations();
        if (destinations != null) {
            destinations.forEach(o.putArray("destinations")::add);
        }
        List<String> hashes = s.hashes();
        if (hashes != null) {
            hashes.forEach(o.putArray("hashes")::add);
        }
        Integer retention = s.retentionDays();
        if (retention != null) {
            o.put("retention_days", retention);
        }
        AutoOffload auto = s.autoOffload();
        if (auto != null) {
            o.put("auto_offload", auto.id());
        }
        List<String> roots = s.sourceRoots();
        if (roots != null) {
            roots.forEach(o.putArray("source_roots")::add);
        }
        Map<String, String> tokens = s.tokens();
        if (tokens != null) {
            ObjectNode t = o.putObject("tokens");
            tokens.forEach(t::put);
        }
        Map<String, ChannelRule> channelRules = s.channelRules();
        if (channelRules != null) {
            ObjectNode rules = o.putObject("channel_rules");
            channelRules.forEach((k, v) -> {
                ObjectNode r = rules.putObject(k);
                v.fields().forEach(r::put);
            });
        }
        return o;
    }

    /** The resolved settings, one per line, with where each came from. */
    static void printSettings(Output out, String indent, ResolvedSettings r) {
        Settings s = r.effective();
        out.line(indent + "template      " + r.template().orElse("(default: the card as it is, in a folder named after it)")
                + from(r, "template"));
        out.line(indent + "destinations  " + (r.destinations().isEmpty() ? "(none set)" : String.join(", ", r.destinations()))
                + from(r, "destinations"));
        out.line(indent + "hashes        " + String.join(", ", r.hashes()) + from(r, "hashes"));
        out.line(indent + "retention     " + (s.retentionDays() == null ? "(not set)" : s.retentionDays() + " days")
                + from(r, "retentionDays"));
        out.line(indent + "auto-offload  " + r.autoOffload().id() + from(r, "autoOffload"));
        if (!r.sourceRoots().isEmpty()) {
            out.line(indent + "source roots  " + String.join(", ", r.sourceRoots()) + from(r, "sourceRoots"));
        }
        List<String> tokens = new ArrayList<>();
        r.tokens().forEach((k, v) -> tokens.add("{" + k + "}=" + v + from(r, "tokens." + k)));
        if (!tokens.isEmpty()) {
            out.line(indent + "tokens        " + String.join("; ", tokens));
        }
        r.channelRules().forEach((k, v) -> out.line(indent + "channel " + k + "  " + v.destinationText()
                + (v.conflict() == null ? "" : " conflict " + v.conflictId())
                + from(r, "channelRules." + k)));
    }

    private static String from(ResolvedSettings r, String setting) {
        return "   [" + r.origin(setting) + "]";
    }

    static CartwrightException usage(String message) {
        return new CartwrightException(ExitCode.USAGE, message, "Run the command with --help to see the options.");
    }
}
