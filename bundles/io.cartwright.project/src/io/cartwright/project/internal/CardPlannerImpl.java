/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.project.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.cartwright.core.CartwrightException;
import io.cartwright.core.ExitCode;
import io.cartwright.project.CardPlan;
import io.cartwright.project.CardPlanRequest;
import io.cartwright.project.CardPlanner;
import io.cartwright.project.ProjectService;
import io.cartwright.project.UnitContext;
import io.cartwright.project.UnitPath;
import io.cartwright.routing.CameraLayouts;
import io.cartwright.routing.RoutingService;
import io.cartwright.routing.Template;
import io.cartwright.routing.TokenContext;
import io.cartwright.routing.spi.CardTree;
import io.cartwright.routing.spi.SourceLayout;
import io.cartwright.store.Store;

import org.eclipse.jdt.annotation.Nullable;

/** The card planner over the project, routing and camera layout services. Stateless; thread-safe. */
@Component(service = CardPlanner.class)
public final class CardPlannerImpl implements CardPlanner {

    private final ProjectService projects;
    private final RoutingService routing;
    private final CameraLayouts layouts;

    @Activate
    public CardPlannerImpl(@Reference ProjectService projects, @Reference RoutingService routing,
            @Reference CameraLayouts layouts) {
        this.projects = Objects.requireNonNull(projects);
        this.routing = Objects.requireNonNull(routing);
        this.layouts = Objects.requireNonNull(layouts);
    }

    @Override
    public CardPlan plan(@Nullable Store store, CardTree card, CardPlanRequest request) {
        if (request.needsStore()) {
            need(store); // before any work
        }
        String requestedName = request.card();
        String cardName = requestedName != null ? requestedName : card.name();

        Optional<UnitContext> unit = Optional.empty();
        Long device = request.device();
        UnitPath unitPath = request.unit();
        if (device != null) {
            long id = device;
            unit = Optional.of(projects.recognise(need(store), id).orElseThrow(() -> new CartwrightException(ExitCode.USAGE,
                    "Device " + id + " is not assigned to a work unit.",
                    "Assign it with: cartwright assign " + id + " PROJECT/UNIT --role ROLE, or plan for a work unit.")));
        } else if (unitPath != null) {
            unit = Optional.of(projects.context(need(store), unitPath));
        }

        Template template;
        TokenContext tokens;
        List<String> deviceRoots = List.of();
        Template given = request.template();
        if (unit.isPresent()) {
            UnitContext ctx = unit.get();
            if (given != null) {
                template = ctx.apply(given);
                routing.validate(template);
            } else {
                template = projects.effectiveTemplate(need(store), ctx, request.templateName());
            }
            tokens = ctx.tokens(cardName, request.date(), "").withCustom(request.tokens());
            deviceRoots = ctx.settings().sourceRoots();
        } else {
            String name = request.templateName();
            if (given != null) {
                template = given;
            } else if (name != null) {
                template = projects.template(need(store), name).orElseThrow(() -> new CartwrightException(ExitCode.USAGE,
                        "There is no template called '" + name + "'.", "List them with: cartwright templates list"));
            } else {
                template = routing.defaultTemplate();
            }
            tokens = TokenContext.ofCard(cardName, request.date()).withCustom(request.tokens());
        }

        SourceLayout layout = layout(card, request.layout(), deviceRoots);
        return new CardPlan(routing.plan(card, template, tokens, layout), template, cardName, unit, layout);
    }

    /** The store a device, a unit or a saved template needs; refused when there is none. */
    private static Store need(@Nullable Store store) {
        if (store == null) {
            throw new IllegalArgumentException("A database is needed to plan for a device, a unit or a saved template");
        }
        return store;
    }

    private SourceLayout layout(CardTree card, @Nullable String id, List<String> deviceRoots) {
        if ("none".equalsIgnoreCase(id)) {
            return deviceRoots.isEmpty() ? SourceLayout.none() : SourceLayout.none().withSourceRoots(deviceRoots);
        }
        if (id != null) {
            SourceLayout detected = layouts.detect(card, id).orElseThrow(() -> new CartwrightException(ExitCode.USAGE,
                    "The layout '" + id + "' does not recognise " + card.name() + ".",
                    "Known layouts: " + String.join(", ", layouts.providers()) + ". Use the layout 'none' to plan without one."));
            return deviceRoots.isEmpty() ? detected : detected.withSourceRoots(deviceRoots);
        }
        return layouts.layoutFor(card, deviceRoots);
    }
}
