/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.cli.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.cartwright.core.CartwrightException;
import io.cartwright.core.ExitCode;
import io.cartwright.project.ProjectService;
import io.cartwright.project.UnitContext;
import io.cartwright.project.UnitPath;
import io.cartwright.routing.CameraLayouts;
import io.cartwright.routing.Channel;
import io.cartwright.routing.PlanEntry;
import io.cartwright.routing.RoutePlan;
import io.cartwright.routing.RoutingService;
import io.cartwright.routing.Template;
import io.cartwright.routing.TokenContext;
import io.cartwright.routing.spi.CardTree;
import io.cartwright.routing.spi.SourceLayout;
import io.cartwright.store.Store;

/**
 * Builds a card's routing plan from a device assignment or a work unit and a template: shared by
 * {@code route plan} (the dry run) and {@code offload} (which copies that very plan).
 */
final class CardPlanner {

    /** A plan with what it was made from. */
    record Result(RoutePlan plan, Template template, String cardName, Optional<UnitContext> unit) {

        /** Source relative path to destination relative path, for every file the plan copies. */
        Map<String, String> targets() {
            Map<String, String> map = new LinkedHashMap<>();
            for (PlanEntry e : plan.copies()) {
                map.put(e.source(), e.destination());
            }
            return map;
        }

        /**
         * The ASC MHL scopes: for each channel whose destination pattern has a folder segment
         * containing {@code {card}} (preceded by single-segment segments only: no {@code {path}},
         * {@code {dir}} or {@code {relpath}} before it), the rendered folders down to and including
         * that segment. Copies of other channels are sealed at the destination root.
         */
        List<String> sealScopes() {
            Map<String, Channel> channels = new LinkedHashMap<>();
            template.channels().forEach(c -> channels.put(c.name(), c));
            channels.putIfAbsent(template.quarantine().name(), template.quarantine());
            Set<String> scopes = new LinkedHashSet<>();
            for (PlanEntry e : plan.copies()) {
                Channel c = channels.get(e.channel());
                int depth = c == null ? -1 : cardDepth(c.destination());
                String[] parts = e.destination().split("/");
                if (depth >= 0 && depth + 1 < parts.length) {
                    scopes.add(String.join("/", List.of(parts).subList(0, depth + 1)));
                }
            }
            return new ArrayList<>(scopes);
        }

        /** Index of the pattern's folder segment holding {@code {card}}, or -1. */
        private static int cardDepth(String pattern) {
            String[] segments = pattern.split("/");
            for (int i = 0; i < segments.length - 1; i++) {
                String s = segments[i];
                if (s.contains("{card}")) {
                    return i;
                }
                if (s.contains("{path}") || s.contains("{dir}") || s.contains("{relpath}")) {
                    return -1;
                }
            }
            return -1;
        }
    }

    private CardPlanner() {
    }

    /**
     * Plans {@code source}.
     *
     * @param store the store, needed when {@code device}, {@code unit} or {@code template} is given
     * @param device the assigned device whose unit and overrides apply, or null
     * @param unit a work unit path, or null
     * @param layout a layout id, {@code none}, or null to detect
     */
    static Result plan(CommandContext context, Store store, Path source, Long device, String unit, String template,
            String card, LocalDate day, Map<String, String> tokens, String layout) throws IOException {
        RoutingService routing = context.services().get(RoutingService.class);
        CameraLayouts layouts = context.services().get(CameraLayouts.class);
        CardTree tree = CardTree.scan(source);
        String cardName = card != null ? card : tree.name();

        Optional<UnitContext> unitContext = Optional.empty();
        ProjectService projects = null;
        if (device != null || unit != null || template != null) {
            projects = context.services().get(ProjectService.class);
        }
        if (device != null) {
            long id = device;
            unitContext = Optional.of(projects.recognise(store, id).orElseThrow(() -> new CartwrightException(ExitCode.USAGE,
                    "Device " + id + " is not assigned to a work unit.",
                    "Assign it with: cartwright assign " + id + " PROJECT/UNIT --role ROLE, or use --unit PATH.")));
        } else if (unit != null) {
            UnitPath path;
            try {
                path = UnitPath.parse(unit);
            } catch (IllegalArgumentException e) {
                throw ProjectsCommand.usage(e.getMessage());
            }
            unitContext = Optional.of(projects.context(store, path));
        }

        Template t;
        TokenContext tokenContext;
        List<String> deviceRoots = List.of();
        if (unitContext.isPresent()) {
            UnitContext ctx = unitContext.get();
            t = projects.effectiveTemplate(store, ctx, template);
            tokenContext = ctx.tokens(cardName, day, "").withCustom(tokens);
            deviceRoots = ctx.settings().sourceRoots();
        } else {
            if (template != null) {
                String name = template;
                t = projects.template(store, name).orElseThrow(() -> new CartwrightException(ExitCode.USAGE,
                        "There is no template called '" + name + "'.", "List them with: cartwright templates list"));
            } else {
                t = routing.defaultTemplate();
            }
            tokenContext = TokenContext.ofCard(cardName, day).withCustom(tokens);
        }
        SourceLayout sourceLayout;
        if ("none".equalsIgnoreCase(layout)) {
            sourceLayout = deviceRoots.isEmpty() ? SourceLayout.none() : SourceLayout.none().withSourceRoots(deviceRoots);
        } else if (layout != null) {
            String id = layout;
            sourceLayout = layouts.detect(tree, id).orElseThrow(() -> new CartwrightException(ExitCode.USAGE,
                    "The layout '" + id + "' does not recognise " + source + ".",
                    "Known layouts: " + String.join(", ", layouts.providers()) + ". Use --layout none to plan without one."));
            if (!deviceRoots.isEmpty()) {
                sourceLayout = sourceLayout.withSourceRoots(deviceRoots);
            }
        } else {
            sourceLayout = layouts.layoutFor(tree, deviceRoots);
        }
        return new Result(routing.plan(tree, t, tokenContext, sourceLayout), t, cardName, unitContext);
    }
}
