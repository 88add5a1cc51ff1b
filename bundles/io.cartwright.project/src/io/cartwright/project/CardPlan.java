/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.cartwright.routing.Channel;
import io.cartwright.routing.PlanEntry;
import io.cartwright.routing.RoutePlan;
import io.cartwright.routing.Template;
import io.cartwright.routing.spi.SourceLayout;

/**
 * A card's routing plan with what it was made from. The dry run shows it and the offload copies it.
 *
 * @param plan the plan
 * @param template the template it was planned with, the unit's or device's channel rules applied
 * @param cardName the {@code {card}} token used
 * @param unit the work unit (and assignment) it was planned for, if any
 * @param layout the camera layout used ({@link SourceLayout#none()} for none)
 */
public record CardPlan(RoutePlan plan, Template template, String cardName, Optional<UnitContext> unit, SourceLayout layout) {

    /** Source relative path to destination relative path, for every file the plan copies. */
    public Map<String, String> targets() {
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
    public List<String> sealScopes() {
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
