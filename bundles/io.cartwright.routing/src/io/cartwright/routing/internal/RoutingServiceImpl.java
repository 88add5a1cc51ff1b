/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.cartwright.routing.Channel;
import io.cartwright.routing.ChannelConflictPolicy;
import io.cartwright.routing.RoutePlan;
import io.cartwright.routing.RoutingService;
import io.cartwright.routing.Template;
import io.cartwright.routing.TokenContext;
import io.cartwright.routing.UnmatchedMode;
import io.cartwright.routing.spi.CardTree;
import io.cartwright.routing.spi.SourceLayout;

/**
 * The routing service: a thin DS adapter over the plain-Java planner. Also registered for
 * {@link java.util.ServiceLoader} ({@code META-INF/services}) so tools and tests outside OSGi can use it.
 */
@Component(service = RoutingService.class)
public final class RoutingServiceImpl implements RoutingService {

    private static final Template DEFAULT = new Template("default", "The card's tree as it is, in a folder named after the card.",
            List.of(new Channel("card", List.of(), List.of(), "{card}/{path}", ChannelConflictPolicy.FAIL)),
            UnmatchedMode.FAIL, Template.DEFAULT_QUARANTINE, Map.of());

    @Activate
    public RoutingServiceImpl() {
    }

    @Override
    public void validate(Template template) {
        CompiledTemplate.compile(template);
    }

    @Override
    public RoutePlan plan(CardTree card, Template template, TokenContext tokens, SourceLayout layout) {
        return Planner.plan(card, template, tokens, layout == null ? SourceLayout.none() : layout);
    }

    @Override
    public RoutePlan checkDestination(RoutePlan plan, Path destinationRoot) throws IOException {
        return Planner.checkDestination(plan, destinationRoot);
    }

    @Override
    public Template defaultTemplate() {
        return DEFAULT;
    }

    @Override
    public List<Template> readTemplates(InputStream in) throws IOException {
        return TemplateCodec.read(in);
    }

    @Override
    public void writeTemplates(List<Template> templates, OutputStream out) throws IOException {
        TemplateCodec.write(templates, out);
    }
}
