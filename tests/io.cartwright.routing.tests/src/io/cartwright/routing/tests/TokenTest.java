/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cartwright.routing.Channel;
import io.cartwright.routing.RoutePlan;
import io.cartwright.routing.RoutingException;
import io.cartwright.routing.RoutingProblem;
import io.cartwright.routing.RoutingService;
import io.cartwright.routing.Template;
import io.cartwright.routing.TokenContext;
import io.cartwright.routing.UnmatchedMode;
import io.cartwright.routing.internal.RoutingServiceImpl;
import io.cartwright.routing.spi.CardTree;
import io.cartwright.routing.spi.SourceLayout;

/** Destination patterns: every built-in token, date formats, custom tokens, missing values. */
class TokenTest {

    private final RoutingService routing = new RoutingServiceImpl();

    private String one(String pattern, String file, TokenContext ctx, SourceLayout layout, Map<String, String> templateTokens) {
        Template t = new Template("t", "", List.of(new Channel("c", List.of(), List.of(), pattern, null)), UnmatchedMode.FAIL,
                null, templateTokens);
        RoutePlan plan = routing.plan(Cards.tree("CARD7", file), t, ctx, layout);
        assertTrue(plan.executable(), () -> plan.problems().toString());
        return plan.entries().get(0).destination();
    }

    private String one(String pattern, String file) {
        return one(pattern, file, Cards.tokens("A001"), SourceLayout.none(), Map.of());
    }

    @Test
    void everyBuiltInToken() {
        String file = "XDROOT/Clip/A001C003_260617AB.MXF";
        assertEquals("NIGHTJAR", one("{project}", file));
        assertEquals("2026-06-17", one("{date}", file));
        assertEquals("20260617", one("{date:yyyyMMdd}", file));
        assertEquals("17.06.26", one("{date:dd.MM.yy}", file));
        assertEquals("DAY01", one("{day}", file));
        assertEquals("MAIN", one("{unit}", file));
        assertEquals("DAY01/MAIN", one("{wu}", file));
        assertEquals("A", one("{cam}", file));
        assertEquals("A-CAM", one("{role}", file));
        assertEquals("A001", one("{card}", file));
        assertEquals("7", one("{device}", file));
        assertEquals("A001", one("{reel}", file), "no layout: the card");
        assertEquals("A001C003_260617AB", one("{clip}", file), "no layout: the stem");
        assertEquals("MXF", one("{ext}", file));
        assertEquals("A001C003_260617AB.MXF", one("{name}", file));
        assertEquals("A001C003_260617AB", one("{stem}", file));
        assertEquals(file, one("{path}", file));
        assertEquals("XDROOT/Clip", one("{dir}", file));
        assertEquals(file, one("{relpath}", file), "no source root: the path");
        assertEquals("NIGHTJAR/DAY01/MAIN/A/A001/XDROOT/Clip/A001C003_260617AB.MXF",
                one("{project}/{wu}/{cam}/{card}/{path}", file));
        assertEquals("NJ_20260617_A001C003_260617AB.mxf", one("NJ_{date:yyyyMMdd}_{stem}.mxf", file));
    }

    @Test
    void layoutTokensAndSourceRoots() {
        SourceLayout layout = SourceLayout.builder("x", "X").sourceRoot("PRIVATE/XDROOT").reel("A015")
                .tokens("PRIVATE/XDROOT/Clip/A015C001_26.MXF", "A015", "A015C001_26").build();
        TokenContext ctx = Cards.tokens("CARD7");
        String f = "PRIVATE/XDROOT/Clip/A015C001_26.MXF";
        assertEquals("A015/A015C001_26/Clip/A015C001_26.MXF",
                one("{reel}/{clip}/{relpath}", f, ctx, layout, Map.of()));
        assertEquals("Clip", one("{reldir}", f, ctx, layout, Map.of()));
        assertEquals("A015", one("{reel}", "PRIVATE/XDROOT/MEDIAPRO.XML", ctx, layout, Map.of()), "card-level reel");
        assertEquals("MEDIAPRO.XML", one("{relpath}", "PRIVATE/XDROOT/MEDIAPRO.XML", ctx, layout, Map.of()));
        assertEquals("DCIM/x.jpg", one("{relpath}", "DCIM/x.jpg", ctx, layout, Map.of()), "outside every source root");
    }

    @Test
    void emptyFolderTokensCollapseAtTheCardRoot() {
        assertEquals("A001/ROOT.XML", one("{card}/{dir}/{name}", "ROOT.XML"));
        assertEquals("A001/x/ROOT.XML", one("{card}/x{dir}/{name}", "ROOT.XML"));
        assertEquals("README", one("{stem}{ext}", "README"), "a file without extension");
    }

    @Test
    void customTokensTakeTheirTemplateDefaultOrTheContextValue() {
        Map<String, String> declared = Map.of("show", "NJ", "vendor", "");
        assertEquals("NJ/ACME", one("{show}/{vendor}", "a.mov", Cards.tokens("A001").withCustom(Map.of("vendor", "ACME")),
                SourceLayout.none(), declared));
        assertEquals("FEATURE/ACME", one("{show}/{vendor}", "a.mov",
                Cards.tokens("A001").withCustom(Map.of("vendor", "ACME", "show", "FEATURE")), SourceLayout.none(), declared));
    }

    @Test
    void aTokenWithoutValueRefusesThatFileNamingTheToken() {
        Template t = Template.of("t", UnmatchedMode.FAIL, Channel.of("c", "{project}/{day}/{name}"));
        RoutePlan plan = routing.plan(Cards.tree("A001", "a.mov", "b.mov"), t,
                TokenContext.ofCard("A001", Cards.DAY).withCustom(Map.of()), SourceLayout.none());
        assertFalse(plan.executable());
        assertEquals(2, plan.problems().size());
        RoutingProblem p = plan.problems().get(0);
        assertEquals("a.mov", p.file());
        assertEquals("{project}", p.token());
        assertTrue(p.message().contains("has no value"), p.message());
        assertTrue(plan.entries().isEmpty());
    }

    @Test
    void unknownTokensAndBadFormatsAreTemplateErrors() {
        RoutingException e = assertThrows(RoutingException.class, () -> routing.validate(
                Template.of("t", UnmatchedMode.FAIL, Channel.of("c", "{project}/{shot}/{name}"),
                        Channel.of("d", "{date:yyyy/MM}/{name}"), Channel.of("e", "{name:upper}"), Channel.of("f", "{name"))));
        String m = e.getMessage();
        assertTrue(m.contains("unknown token {shot}"), m);
        assertTrue(m.contains("date format 'yyyy/MM'"), m);
        assertTrue(m.contains("{name} takes no format"), m);
        assertTrue(m.contains("'{' without '}'"), m);
        assertEquals(4, e.problems().size(), m);
        assertEquals(io.cartwright.core.ExitCode.USAGE, e.exitCode());
    }

    @Test
    void customTokensMustNotHideBuiltIns() {
        RoutingException e = assertThrows(RoutingException.class, () -> routing.validate(new Template("t", "",
                List.of(Channel.of("c", "{name}")), UnmatchedMode.FAIL, null, Map.of("card", "x", "Bad-Name", ""))));
        assertTrue(e.getMessage().contains("hide the built-in token"), e.getMessage());
        assertTrue(e.getMessage().contains("'Bad-Name'"), e.getMessage());
    }

    @Test
    void planningIsDeterministic() {
        CardTree card = Cards.tree("A001", "b/2.mov", "a/1.mov", "c.txt", "a/0.MOV");
        Template t = Template.of("t", UnmatchedMode.QUARANTINE, Channel.of("c", "{card}/{path}",
                io.cartwright.routing.Matcher.extension("mov")));
        RoutePlan first = routing.plan(card, t, Cards.tokens("A001"), SourceLayout.none());
        RoutePlan second = routing.plan(Cards.tree("A001", "c.txt", "a/0.MOV", "a/1.mov", "b/2.mov"), t, Cards.tokens("A001"),
                SourceLayout.none());
        assertEquals(first, second);
        assertEquals(List.of("a/0.MOV", "a/1.mov", "b/2.mov"), first.entries().stream().map(e -> e.source()).toList());
    }
}
