/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cartwright.routing.Channel;
import io.cartwright.routing.Matcher;
import io.cartwright.routing.PlanEntry;
import io.cartwright.routing.RoutePlan;
import io.cartwright.routing.RoutingService;
import io.cartwright.routing.Template;
import io.cartwright.routing.UnmatchedMode;
import io.cartwright.routing.internal.RoutingServiceImpl;
import io.cartwright.routing.spi.CardTree;
import io.cartwright.routing.spi.SourceLayout;

/** Clip groups travel together, decided by their primary file. */
class ClipGroupPlanTest {

    private final RoutingService routing = new RoutingServiceImpl();

    private static final CardTree CARD = Cards.tree("A015", "XDROOT/Clip/A015C001.MXF", "XDROOT/Clip/A015C001M01.XML",
            "XDROOT/Clip/A015C001R01.BIM", "XDROOT/Sub/A015C001S01.MXF", "XDROOT/Clip/A015C002M01.XML",
            "XDROOT/Clip/A015C002R01.BIM", "XDROOT/MEDIAPRO.XML", "XDROOT/Clip/ORPHAN.TXT");

    private static final SourceLayout LAYOUT = SourceLayout.builder("test", "Test XD").sourceRoot("XDROOT")
            .group("c1", "XDROOT/Clip/A015C001.MXF", List.of("XDROOT/Clip/A015C001.MXF", "XDROOT/Clip/A015C001M01.XML",
                    "XDROOT/Clip/A015C001R01.BIM", "XDROOT/Sub/A015C001S01.MXF"))
            .group("c2", "XDROOT/Clip/A015C002.MXF", List.of("XDROOT/Clip/A015C002.MXF", "XDROOT/Clip/A015C002M01.XML",
                    "XDROOT/Clip/A015C002R01.BIM"))
            .tokens("XDROOT/Clip/A015C001.MXF", "A015", "A015C001").build();

    private static final Template TEMPLATE = Template.of("t", UnmatchedMode.QUARANTINE,
            Channel.of("video", "{project}/{reel}/{clip}/{relpath}", Matcher.extension("mxf")),
            Channel.of("xml", "{project}/XML/{name}", Matcher.extension("xml")));

    private Map<String, PlanEntry> bySource(RoutePlan plan) {
        Map<String, PlanEntry> m = new java.util.TreeMap<>();
        plan.copies().forEach(e -> m.put(e.source(), e));
        return m;
    }

    @Test
    void aGroupGoesWhereItsPrimaryGoes() {
        RoutePlan plan = routing.plan(CARD, TEMPLATE, Cards.tokens("A015"), LAYOUT);
        assertTrue(plan.executable(), plan.problems().toString());
        Map<String, PlanEntry> m = bySource(plan);
        for (String f : List.of("XDROOT/Clip/A015C001.MXF", "XDROOT/Clip/A015C001M01.XML", "XDROOT/Clip/A015C001R01.BIM",
                "XDROOT/Sub/A015C001S01.MXF")) {
            assertEquals("video", m.get(f).channel(), f);
            assertEquals("c1", m.get(f).clipGroup(), f);
        }
        assertEquals("NIGHTJAR/A015/A015C001/Clip/A015C001M01.XML", m.get("XDROOT/Clip/A015C001M01.XML").destination(),
                "members take the primary's reel and clip");
        assertEquals("NIGHTJAR/A015/A015C001/Sub/A015C001S01.MXF", m.get("XDROOT/Sub/A015C001S01.MXF").destination());
        assertEquals("xml", m.get("XDROOT/MEDIAPRO.XML").channel(), "card-level files match on their own");
    }

    @Test
    void withoutItsPrimaryTheFirstTakenMemberDecides() {
        RoutePlan plan = routing.plan(CARD, TEMPLATE, Cards.tokens("A015"), LAYOUT);
        Map<String, PlanEntry> m = bySource(plan);
        assertEquals("xml", m.get("XDROOT/Clip/A015C002M01.XML").channel(), "the primary MXF is missing on this card");
        assertEquals("xml", m.get("XDROOT/Clip/A015C002R01.BIM").channel(), "the BIM follows its clip's XML");
        assertEquals("c2", m.get("XDROOT/Clip/A015C002R01.BIM").clipGroup());
    }

    @Test
    void anUntakenGroupIsQuarantinedWhole() {
        Template onlyXml = Template.of("t", UnmatchedMode.QUARANTINE, Channel.of("wav", "{name}", Matcher.extension("wav")));
        RoutePlan plan = routing.plan(CARD, onlyXml, Cards.tokens("A015"), LAYOUT);
        assertEquals(CARD.files().size(), plan.quarantined().size());
        assertEquals("_QUARANTINE/A015/XDROOT/Clip/A015C001.MXF", bySource(plan).get("XDROOT/Clip/A015C001.MXF").destination());
        assertEquals("c1", bySource(plan).get("XDROOT/Sub/A015C001S01.MXF").clipGroup());
        assertEquals(CARD.files().size(), plan.copies().size(), "quarantined, not dropped");
        assertTrue(bySource(plan).get("XDROOT/Clip/ORPHAN.TXT").clipGroup().isEmpty());
    }
}
