/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.cli.internal;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cartwright.core.CartwrightException;
import io.cartwright.core.ExitCode;
import io.cartwright.project.ProjectService;
import io.cartwright.project.Settings;
import io.cartwright.project.UnitKind;
import io.cartwright.project.UnitPath;
import io.cartwright.project.WorkUnit;
import io.cartwright.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * {@code cartwright units}: the work-unit tree of a project (phases, days, locations, units,
 * camera roles, any depth). Paths are written with the project first: {@code NIGHTJAR/DAY01/MAIN}.
 */
@Command(name = "units", mixinStandardHelpOptions = true,
        description = {"Work units of a project: days, units, locations, camera roles, nested to any depth.",
                "A unit inherits its parent's settings and may override them; paths start with the project."},
        subcommands = {UnitsCommand.Add.class, UnitsCommand.ListUnits.class, UnitsCommand.Set.class})
final class UnitsCommand extends BaseCommand {

    @Spec
    @NonNullByDefault({}) CommandSpec spec;

    UnitsCommand(CommandContext context) {
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
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add a work unit under the project or under an existing unit.",
                    "Example: cartwright units add NIGHTJAR/DAY01 --kind day; cartwright units add NIGHTJAR/DAY01/MAIN --kind unit"})
    static final class Add extends Sub {

        @Parameters(paramLabel = "PATH", description = "PROJECT/UNIT/...; every part but the last must exist.")
        @NonNullByDefault({}) String path;

        @Option(names = "--kind", required = true, paramLabel = "KIND",
                description = "phase, day, location, unit, camera or other; {day}, {unit} and {cam} come from the nearest unit of that kind.")
        @NonNullByDefault({}) String kind;

        @Mixin
        ProjectsCommand.SettingsOptions settings = new ProjectsCommand.SettingsOptions();

        Add(CommandContext context) {
            super(context);
        }

        @Override
        protected ExitCode execute() {
            UnitKind k;
            UnitPath p;
            try {
                k = UnitKind.parse(kind);
                p = UnitPath.parse(path);
            } catch (IllegalArgumentException e) {
                throw ProjectsCommand.usage(e.getMessage());
            }
            WorkUnit u = projects().addUnit(store(), p, k, settings.apply(Settings.INHERIT), ProjectsCommand.actor());
            Output out = output();
            if (out.json()) {
                out.json(json(u));
            } else {
                out.line("Added " + u.kind().id() + " " + u.path() + ".");
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Show a project's work units as a tree, with their overrides.")
    static final class ListUnits extends Sub {

        @Parameters(paramLabel = "PROJECT", description = "The project.")
        @NonNullByDefault({}) String project;

        ListUnits(CommandContext context) {
            super(context);
        }

        @Override
        protected ExitCode execute() {
            List<WorkUnit> units = projects().units(store(), project);
            Output out = output();
            if (out.json()) {
                ArrayNode a = Output.object().arrayNode();
                units.forEach(u -> a.add(json(u)));
                out.json(a);
            } else {
                out.line(units.isEmpty() ? project + " (no work units yet)" : units.get(0).path().project());
                printTree(out, units, "");
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Change a work unit's overrides (only the options given).")
    static final class Set extends Sub {

        @Parameters(paramLabel = "PATH", description = "PROJECT/UNIT/...")
        @NonNullByDefault({}) String path;

        @Mixin
        ProjectsCommand.SettingsOptions settings = new ProjectsCommand.SettingsOptions();

        Set(CommandContext context) {
            super(context);
        }

        @Override
        protected ExitCode execute() {
            UnitPath p;
            try {
                p = UnitPath.parse(path);
            } catch (IllegalArgumentException e) {
                throw ProjectsCommand.usage(e.getMessage());
            }
            if (p.isProject()) {
                throw new CartwrightException(ExitCode.USAGE, "'" + path + "' is a project, not a work unit.",
                        "Change project defaults with: cartwright projects set " + p.project() + " ...");
            }
            WorkUnit u = projects().updateUnit(store(), p, settings::apply, ProjectsCommand.actor());
            Output out = output();
            if (out.json()) {
                out.json(json(u));
            } else {
                out.line("Updated " + u.path() + ".");
            }
            return ExitCode.OK;
        }
    }

    /** Units in tree order, indented by depth, with their overrides. */
    static void printTree(Output out, List<WorkUnit> units, String indent) {
        for (int i = 0; i < units.size(); i++) {
            WorkUnit u = units.get(i);
            StringBuilder line = new StringBuilder(indent);
            for (int d = 1; d < u.depth(); d++) {
                line.append(continues(units, i, d) ? "|  " : "   ");
            }
            line.append(last(units, i) ? "`- " : "|- ").append(u.name()).append(" (").append(u.kind().id()).append(')');
            String overrides = u.overrides().summary();
            if (!overrides.isEmpty()) {
                line.append("  ").append(overrides);
            }
            out.line(line.toString());
        }
    }

    /** True if a later unit at {@code depth} continues the branch of unit {@code i}'s ancestor at that depth. */
    private static boolean continues(List<WorkUnit> units, int i, int depth) {
        for (int j = i + 1; j < units.size(); j++) {
            if (units.get(j).depth() < depth) {
                return false;
            }
            if (units.get(j).depth() == depth) {
                return true;
            }
        }
        return false;
    }

    private static boolean last(List<WorkUnit> units, int i) {
        int depth = units.get(i).depth();
        for (int j = i + 1; j < units.size(); j++) {
            if (units.get(j).depth() < depth) {
                return true;
            }
            if (units.get(j).depth() == depth) {
                return false;
            }
        }
        return true;
    }

    static ObjectNode json(WorkUnit u) {
        ObjectNode o = Output.object().put("id", u.id()).put("path", u.path().toString()).put("name", u.name())
                .put("kind", u.kind().id()).put("depth", u.depth());
        o.set("overrides", ProjectsCommand.settingsJson(u.overrides()));
        return o;
    }
}
