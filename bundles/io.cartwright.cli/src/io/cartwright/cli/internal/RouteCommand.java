/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cartwright.core.CartwrightException;
import io.cartwright.core.ExitCode;
import io.cartwright.project.CardPlan;
import io.cartwright.project.CardPlanRequest;
import io.cartwright.project.CardPlanner;
import io.cartwright.project.UnitContext;
import io.cartwright.project.UnitPath;
import io.cartwright.routing.PlanConflict;
import io.cartwright.routing.PlanEntry;
import io.cartwright.routing.PlanTree;
import io.cartwright.routing.RoutePlan;
import io.cartwright.routing.RoutingProblem;
import io.cartwright.routing.RoutingService;
import io.cartwright.store.Store;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * {@code cartwright route plan SOURCE}: the dry run. For every file of a card, its channel and final
 * destination path, plus the unmatched files, the conflicts and every reason to refuse the plan,
 * before any byte moves. The offload uses the same plan.
 */
@Command(name = "route", mixinStandardHelpOptions = true,
        description = {"Routing: where each file of a card goes under a template.",
                "'cartwright route plan SOURCE' shows the plan without copying anything."},
        subcommands = {RouteCommand.Plan.class})
final class RouteCommand extends BaseCommand {

    @Spec
    @NonNullByDefault({}) CommandSpec spec;

    RouteCommand(CommandContext context) {
        super(context);
    }

    @Override
    protected ExitCode execute() {
        spec.commandLine().usage(context.out());
        return ExitCode.OK;
    }

    @Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Plan a card: every file's channel and destination (below each destination root), the",
                    "clip groups kept together, the quarantined and unmatched files and the conflicts. Writes nothing.",
                    "The card's settings come from its assignment (--device) or a work unit (--unit)."},
            footer = {"", "Exit codes: 0 the plan may run, 2 bad input or template, 4 the plan is refused (problems listed)."})
    static final class Plan implements Callable<Integer> {

        @Mixin
        GlobalOptions ownOptions = new GlobalOptions();

        @ParentCommand
        @NonNullByDefault({}) RouteCommand parent;

        private final CommandContext context;

        @Parameters(paramLabel = "SOURCE", description = "The card's mount point or a folder.")
        @NonNullByDefault({}) Path source;

        static final class Target {
            @Option(names = "--device", paramLabel = "ID", description = "Plan as the assigned device ID (its unit, routing and overrides).")
            @Nullable Long device;

            @Option(names = "--unit", paramLabel = "PATH", description = "Plan for a work unit, PROJECT/UNIT/... (no device overrides).")
            @Nullable String unit;
        }

        @ArgGroup(exclusive = true)
        @Nullable Target target;

        @Option(names = "--template", paramLabel = "NAME", description = "Use this template instead of the one the unit or device inherits.")
        @Nullable String template;

        @Option(names = "--card", paramLabel = "NAME", description = "The {card} token (default: the source folder's name).")
        @Nullable String card;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The {date} token (default: today).")
        @Nullable String date;

        @Option(names = "--token", paramLabel = "NAME=VALUE", description = "A custom token value (repeat).")
        Map<String, String> tokens = Map.of();

        @Option(names = "--layout", paramLabel = "ID", description = "Camera layout provider to use, or 'none' (default: detect).")
        @Nullable String layout;

        @Option(names = "--dest", paramLabel = "ROOT", description = "Also check against what already exists under this destination root.")
        @Nullable Path dest;

        @Option(names = "--tree", description = "Show the destinations as a folder tree, as the workbench's Routing pane does.")
        boolean tree;

        Plan(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            GlobalOptions options = parent == null ? ownOptions : ownOptions.orParent(parent.options());
            Output out = new Output(context.out(), options.json());
            if (!Files.isDirectory(source)) {
                throw new CartwrightException(ExitCode.USAGE, "The source " + source + " is not a folder or mounted card.",
                        "Give the card's mount point.");
            }
            Target t = target;
            Store store = t != null || template != null ? context.store(options) : null;
            CardPlan result = RouteCommand.plan(context, store, source, t == null ? null : t.device,
                    t == null ? null : t.unit, template, card, parseDate(), tokens, layout);
            RoutingService routing = context.services().get(RoutingService.class);
            String cardName = result.cardName();
            Optional<UnitContext> unitContext = result.unit();
            RoutePlan plan = result.plan();
            Path root = dest;
            if (root != null) {
                if (!Files.isDirectory(root)) {
                    throw new CartwrightException(ExitCode.USAGE, "The destination root " + root + " is not a folder.",
                            "Is the drive mounted? Leave --dest out to plan without checking existing files.");
                }
                plan = routing.checkDestination(plan, root);
            }
            if (out.json()) {
                out.json(json(source, cardName, unitContext, plan));
            } else {
                print(out, source, unitContext, plan, tree);
            }
            if (!plan.executable()) {
                throw new CartwrightException(ExitCode.REFUSED, "The plan is refused: " + plan.problems().size()
                        + (plan.problems().size() == 1 ? " problem" : " problems") + (out.json() ? " (in \"problems\")." : " (listed above)."),
                        "Fix the names, the template or the token values, or change the template's unmatched mode or the "
                                + "channel's conflict policy; nothing was written.");
            }
            return ExitCode.OK.code();
        }

        private LocalDate parseDate() {
            if (date == null) {
                return LocalDate.now();
            }
            try {
                return LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw ProjectsCommand.usage("--date " + date + " is not a date like 2026-06-17.");
            }
        }
    }

    /**
     * Plans {@code source} through the {@link CardPlanner} service: the one planning path shared by
     * {@code route plan}, {@code offload} and the workbench's Routing pane.
     *
     * @param device the assigned device whose unit and overrides apply, or null
     * @param unit a work unit path ({@code PROJECT/UNIT/...}), or null
     * @param template a saved template's name, or null for the inherited one
     * @param layout a layout id, {@code none}, or null to detect
     */
    static CardPlan plan(CommandContext context, @Nullable Store store, Path source, @Nullable Long device,
            @Nullable String unit, @Nullable String template, @Nullable String card, LocalDate day,
            Map<String, String> tokens, @Nullable String layout) throws IOException {
        CardPlanRequest request = CardPlanRequest.on(day).withDevice(device).withTemplateName(template).withCard(card)
                .withTokens(tokens).withLayout(layout);
        if (unit != null) {
            try {
                request = request.withUnit(UnitPath.parse(unit));
            } catch (IllegalArgumentException e) {
                throw ProjectsCommand.usage(e.getMessage());
            }
        }
        return context.services().get(CardPlanner.class).plan(store, source, request);
    }

    private static void print(Output out, Path source, Optional<UnitContext> ctx, RoutePlan plan, boolean tree) {
        out.line("Plan for " + source.toAbsolutePath().normalize() + ": template '" + plan.template() + "'"
                + (plan.layout().isEmpty() ? ", no camera layout" : ", layout " + plan.layout())
                + ctx.map(c -> ", unit " + c.path() + c.assignment().map(a -> " (device " + a.deviceId() + ", " + a.role() + ")").orElse(""))
                        .orElse(""));
        ctx.ifPresent(c -> out.line("Auto-offload: " + c.settings().autoOffload().id() + "   destinations: "
                + (c.settings().destinations().isEmpty() ? "(none set)" : String.join(", ", c.settings().destinations()))));
        int width = plan.copies().stream().mapToInt(e -> e.channel().length()).max().orElse(1);
        if (tree) {
            PlanTree.of(plan).children().forEach(node -> printTree(out, node, "  "));
            if (!plan.quarantined().isEmpty()) {
                out.line("Quarantined (" + plan.quarantined().size() + ", no channel takes them; in the tree above):");
                plan.quarantined().forEach(e -> out.line("  " + e.source()));
            }
        } else {
            for (PlanEntry e : plan.entries()) {
                out.line(line(e, width));
            }
            if (!plan.quarantined().isEmpty()) {
                out.line("Quarantined (" + plan.quarantined().size() + ", no channel takes them):");
                plan.quarantined().forEach(e -> out.line(line(e, width)));
            }
        }
        List<String> ignored = plan.unmatched().stream()
                .filter(u -> plan.quarantined().stream().noneMatch(q -> q.source().equals(u))).toList();
        if (!ignored.isEmpty()) {
            out.line("Unmatched and not copied (" + ignored.size() + "):");
            ignored.forEach(u -> out.line("  " + u));
        }
        if (!plan.conflicts().isEmpty()) {
            out.line("Conflicts (" + plan.conflicts().size() + "):");
            for (PlanConflict c : plan.conflicts()) {
                out.line("  " + c.destination() + "  [" + c.channel() + ", " + c.policy().id() + "] " + c.resolution().name()
                        .toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + c.detail());
            }
        }
        if (!plan.warnings().isEmpty()) {
            out.line("Not copied (" + plan.warnings().size() + "):");
            plan.warnings().forEach(w -> out.line("  " + w));
        }
        if (!plan.problems().isEmpty()) {
            out.line("Problems (" + plan.problems().size() + "):");
            plan.problems().forEach(p -> out.line("  " + p));
        }
        long bytes = plan.copies().stream().filter(e -> e.action() != PlanEntry.Action.KEEP).mapToLong(PlanEntry::size).sum();
        out.line(count(plan.entries().size(), "file") + " in channels, " + plan.quarantined().size() + " quarantined, "
                + plan.unmatched().size() + " unmatched, " + count(plan.conflicts().size(), "conflict") + ", "
                + count(bytes, "byte") + " to copy" + (plan.executable() ? "." : "; refused."));
    }

    /** A folder as {@code name/}, its content indented below; a file with its channel and card path. */
    private static void printTree(Output out, PlanTree node, String indent) {
        PlanEntry e = node.entry();
        if (e == null) {
            out.line(indent + node.name() + "/");
            node.children().forEach(c -> printTree(out, c, indent + "  "));
            return;
        }
        String action = e.action() == PlanEntry.Action.COPY ? "" : ", " + e.action().name().toLowerCase(java.util.Locale.ROOT);
        out.line(indent + node.name() + "  [" + e.channel() + action + "]  <- " + e.source());
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String line(PlanEntry e, int width) {
        String action = e.action() == PlanEntry.Action.COPY ? "" : "  (" + e.action().name().toLowerCase(java.util.Locale.ROOT) + ")";
        return "  " + String.format("%-" + Math.max(width, 1) + "s", e.channel()) + "  " + e.source() + "  ->  " + e.destination()
                + action + (e.clipGroup().isEmpty() ? "" : "  [clip " + e.clipGroup() + "]");
    }

    private static ObjectNode json(Path source, String card, Optional<UnitContext> ctx, RoutePlan plan) {
        ObjectNode o = Output.object().put("source", source.toAbsolutePath().normalize().toString()).put("card", card)
                .put("template", plan.template()).put("layout", plan.layout()).put("executable", plan.executable());
        ctx.ifPresent(c -> {
            o.put("unit", c.path().toString());
            c.assignment().ifPresent(a -> o.put("device_id", a.deviceId()).put("role", a.role()));
            o.put("auto_offload", c.settings().autoOffload().id());
            c.settings().destinations().forEach(o.putArray("destinations")::add);
        });
        o.set("files", entries(plan.entries()));
        o.set("quarantined", entries(plan.quarantined()));
        plan.unmatched().forEach(o.putArray("unmatched")::add);
        ArrayNode conflicts = o.putArray("conflicts");
        for (PlanConflict c : plan.conflicts()) {
            ObjectNode x = conflicts.addObject().put("destination", c.destination()).put("channel", c.channel())
                    .put("policy", c.policy().id()).put("resolution", c.resolution().name().toLowerCase(java.util.Locale.ROOT))
                    .put("detail", c.detail());
            c.sources().forEach(x.putArray("sources")::add);
        }
        o.set("problems", problems(plan.problems()));
        o.set("warnings", problems(plan.warnings()));
        return o;
    }

    private static ArrayNode entries(List<PlanEntry> list) {
        ArrayNode a = Output.object().arrayNode();
        for (PlanEntry e : list) {
            a.addObject().put("source", e.source()).put("channel", e.channel()).put("destination", e.destination())
                    .put("clip_group", e.clipGroup()).put("size", e.size()).put("conflict", e.conflict().id())
                    .put("action", e.action().name().toLowerCase(java.util.Locale.ROOT));
        }
        return a;
    }

    private static ArrayNode problems(List<RoutingProblem> list) {
        ArrayNode a = Output.object().arrayNode();
        for (RoutingProblem p : list) {
            a.addObject().put("file", p.file()).put("channel", p.channel()).put("token", p.token()).put("message", p.message());
        }
        return a;
    }
}
