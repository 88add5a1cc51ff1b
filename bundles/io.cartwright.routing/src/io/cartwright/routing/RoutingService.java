/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.cartwright.routing.spi.CardTree;
import io.cartwright.routing.spi.SourceLayout;

/**
 * Validates routing templates, reads and writes them as JSON, and plans where each file of a card
 * goes. Planning is pure and deterministic: the same tree, template, tokens and layout always give
 * the same plan, and nothing is written anywhere. Thread-safe; a DS service.
 */
@ProviderType
public interface RoutingService {

    /**
     * Checks a template: names, matchers (regexes bounded: nested quantifiers and back-references
     * refused, syntax errors explained), destination patterns (known tokens, no absolute path, no
     * {@code ..}, no invalid literal names).
     *
     * @throws RoutingException ({@link io.cartwright.core.ExitCode#USAGE}) listing every problem
     */
    void validate(Template template);

    /**
     * Plans {@code card} through {@code template}. Problems with single files (an unsafe name, a
     * token without a value, an unmatched file in fail mode, a refused conflict) are collected in
     * {@link RoutePlan#problems()}, so a dry run shows all of them at once.
     *
     * @param layout the camera layout ({@link SourceLayout#none()} for none): clip groups travel
     *        together, reel and clip tokens come from it
     * @throws RoutingException ({@link io.cartwright.core.ExitCode#USAGE}) if the template is invalid
     */
    RoutePlan plan(CardTree card, Template template, TokenContext tokens, SourceLayout layout);

    /** Scans {@code sourceRoot} (metadata only) and plans it. */
    default RoutePlan plan(Path sourceRoot, Template template, TokenContext tokens, SourceLayout layout)
            throws IOException {
        return plan(CardTree.scan(sourceRoot), template, tokens, layout);
    }

    /**
     * Applies each channel's conflict policy against what already exists under
     * {@code destinationRoot}: versioned names, replace or keep decisions, refusals. Reads only.
     */
    RoutePlan checkDestination(RoutePlan plan, Path destinationRoot) throws IOException;

    /**
     * The template-less case, the transfer engine's default layout: one channel {@code card} taking
     * every file to {@code {card}/{path}} (the card's tree kept as it is), conflict policy fail.
     */
    Template defaultTemplate();

    /**
     * Reads a template file: a document of one or several templates (format in
     * {@code docs/templates.md}). Every template is validated.
     *
     * @throws RoutingException ({@link io.cartwright.core.ExitCode#USAGE}) naming every problem with
     *         its place in the file
     */
    List<Template> readTemplates(InputStream in) throws IOException;

    /** Writes templates as one JSON document (UTF-8, pretty-printed, stable key order). */
    void writeTemplates(List<Template> templates, OutputStream out) throws IOException;
}
