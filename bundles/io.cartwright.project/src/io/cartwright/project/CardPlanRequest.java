/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.project;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.cartwright.routing.Template;

import org.eclipse.jdt.annotation.Nullable;

/**
 * What a card is planned for: the same choices as {@code cartwright route plan SOURCE [--device ID |
 * --unit PATH] [--template NAME] [--card NAME] [--date DATE] [--token K=V] [--layout ID]}, plus an
 * unsaved template (the workbench's Routing pane plans the template being edited). Start with
 * {@link #on(LocalDate)} and add what applies.
 *
 * @param device the assigned device whose unit, routing and overrides apply; null for none
 * @param unit a work unit to plan for, without device overrides; null for none. Not with {@code device}
 * @param templateName a saved template to use instead of the one the unit or device inherits; null
 *        for the inherited one (or the default layout when nothing is inherited)
 * @param template a template to use as it is, saved or not; wins over {@code templateName}. The
 *        unit's or device's channel rules and custom tokens still apply on top of it
 * @param card the {@code {card}} token; null for the card's folder (mount point) name
 * @param date the {@code {date}} token
 * @param tokens custom token values, on top of the ones the project, units and device give
 * @param layout a camera layout provider id, {@code none}, or null to detect the layout
 */
public record CardPlanRequest(@Nullable Long device, @Nullable UnitPath unit, @Nullable String templateName,
        @Nullable Template template, @Nullable String card, LocalDate date, Map<String, String> tokens,
        @Nullable String layout) {

    public CardPlanRequest {
        Objects.requireNonNull(date, "date");
        if (device != null && unit != null) {
            throw new IllegalArgumentException("Plan for a device or for a work unit, not both.");
        }
        tokens = tokens == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tokens));
    }

    /** Nothing chosen yet: the card alone, with the default layout, dated {@code date}. */
    public static CardPlanRequest on(LocalDate date) {
        return new CardPlanRequest(null, null, null, null, null, date, Map.of(), null);
    }

    /** True when a database is needed: a device, a unit or a saved template is named. */
    public boolean needsStore() {
        return device != null || unit != null || (templateName != null && template == null);
    }

    public CardPlanRequest withDevice(@Nullable Long id) {
        return new CardPlanRequest(id, unit, templateName, template, card, date, tokens, layout);
    }

    public CardPlanRequest withUnit(@Nullable UnitPath path) {
        return new CardPlanRequest(device, path, templateName, template, card, date, tokens, layout);
    }

    public CardPlanRequest withTemplateName(@Nullable String name) {
        return new CardPlanRequest(device, unit, name, template, card, date, tokens, layout);
    }

    public CardPlanRequest withTemplate(@Nullable Template t) {
        return new CardPlanRequest(device, unit, templateName, t, card, date, tokens, layout);
    }

    public CardPlanRequest withCard(@Nullable String name) {
        return new CardPlanRequest(device, unit, templateName, template, name, date, tokens, layout);
    }

    public CardPlanRequest withTokens(Map<String, String> values) {
        return new CardPlanRequest(device, unit, templateName, template, card, date, values, layout);
    }

    public CardPlanRequest withLayout(@Nullable String id) {
        return new CardPlanRequest(device, unit, templateName, template, card, date, tokens, id);
    }
}
