/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cartwright.routing.Channel;
import io.cartwright.routing.ChannelConflictPolicy;
import io.cartwright.routing.Matcher;
import io.cartwright.routing.PlanEntry;
import io.cartwright.routing.RoutePlan;
import io.cartwright.routing.RoutingService;
import io.cartwright.routing.Template;
import io.cartwright.routing.UnmatchedMode;
import io.cartwright.routing.internal.RoutingServiceImpl;
import io.cartwright.routing.spi.CardTree;
import io.cartwright.routing.spi.SourceLayout;

/** Every matcher kind, case handling, name or path, exclusions and channel order. */
class MatcherTest {

    private final RoutingService routing = new RoutingServiceImpl();

    private static final CardTree CARD = Cards.tree("A001", "CLIPS/A001C001.MXF", "CLIPS/a001c002.mxf", "CLIPS/A001C003.mov",
            "PROXY/A001C001_proxy.mp4", "REPORT.csv", "notes.TXT", "AUDIO/S01T01.WAV", "AUDIO/FALSETAKES/S01T02.WAV");

    private Map<String, String> channels(Template t) {
        RoutePlan plan = routing.plan(CARD, t, Cards.tokens("A001"), SourceLayout.none());
        Map<String, String> m = new java.util.TreeMap<>();
        for (PlanEntry e : plan.entries()) {
            m.put(e.source(), e.channel());
        }
        for (String u : plan.unmatched()) {
            m.put(u, "-");
        }
        return m;
    }

    private static Template single(Matcher... m) {
        return Template.of("t", UnmatchedMode.IGNORE, Channel.of("c", "{card}/{path}", m));
    }

    @Test
    void extensionIgnoresCaseByDefaultAndTakesALeadingDot() {
        Map<String, String> m = channels(single(Matcher.extension(".mxf")));
        assertEquals("c", m.get("CLIPS/A001C001.MXF"));
        assertEquals("c", m.get("CLIPS/a001c002.mxf"));
        assertEquals("-", m.get("CLIPS/A001C003.mov"));
    }

    @Test
    void extensionCanBeCaseSensitive() {
        Map<String, String> m = channels(single(Matcher.extension("MXF").caseSensitive()));
        assertEquals("c", m.get("CLIPS/A001C001.MXF"));
        assertEquals("-", m.get("CLIPS/a001c002.mxf"));
    }

    @Test
    void containsStartsWithEndsWithOnTheName() {
        assertEquals("c", channels(single(Matcher.contains("C00"))).get("CLIPS/A001C003.mov"));
        assertEquals("-", channels(single(Matcher.contains("CLIPS"))).get("CLIPS/A001C003.mov"), "the name, not the path");
        assertEquals("c", channels(single(Matcher.startsWith("s01"))).get("AUDIO/S01T01.WAV"));
        assertEquals("-", channels(single(Matcher.startsWith("01"))).get("AUDIO/S01T01.WAV"));
        assertEquals("c", channels(single(Matcher.endsWith("_proxy.MP4"))).get("PROXY/A001C001_proxy.mp4"));
        assertEquals("-", channels(single(Matcher.endsWith("_proxy"))).get("PROXY/A001C001_proxy.mp4"));
    }

    @Test
    void textMatchersCanLookAtThePathAndBeCaseSensitive() {
        assertEquals("c", channels(single(Matcher.startsWith("clips/").onPath())).get("CLIPS/A001C003.mov"));
        assertEquals("-", channels(single(Matcher.startsWith("clips/").onPath().caseSensitive())).get("CLIPS/A001C003.mov"));
        assertEquals("c", channels(single(Matcher.contains("/FALSETAKES/").onPath())).get("AUDIO/FALSETAKES/S01T02.WAV"));
    }

    @Test
    void regexIsFoundAnywhereAndCanBeAnchored() {
        Map<String, String> m = channels(single(Matcher.regex("^A\\d{3}C\\d{3}\\.(mxf|mov)$")));
        assertEquals("c", m.get("CLIPS/A001C001.MXF"));
        assertEquals("c", m.get("CLIPS/a001c002.mxf"), "ignore case by default");
        assertEquals("-", m.get("PROXY/A001C001_proxy.mp4"));
        assertEquals("c", channels(single(Matcher.regex("C\\d{3}"))).get("PROXY/A001C001_proxy.mp4"), "find, not matches");
        assertEquals("c", channels(single(Matcher.regex("^AUDIO/[^/]+\\.wav$").onPath())).get("AUDIO/S01T01.WAV"));
        assertEquals("-", channels(single(Matcher.regex("^AUDIO/[^/]+\\.wav$").onPath())).get("AUDIO/FALSETAKES/S01T02.WAV"));
    }

    @Test
    void anyMatcherTakesTheFileAndExclusionsWin() {
        Template t = Template.of("t", UnmatchedMode.IGNORE, Channel.of("sound", "{card}/{path}", Matcher.extension("wav"),
                Matcher.extension("csv")).withExclude(Matcher.contains("/FALSETAKES/").onPath()));
        Map<String, String> m = channels(t);
        assertEquals("sound", m.get("AUDIO/S01T01.WAV"));
        assertEquals("sound", m.get("REPORT.csv"));
        assertEquals("-", m.get("AUDIO/FALSETAKES/S01T02.WAV"));
    }

    @Test
    void theFirstChannelInTemplateOrderWinsAndNoMatchersTakesAll() {
        Template t = new Template("t", "", List.of(Channel.of("proxies", "P/{name}", Matcher.contains("_proxy")),
                Channel.of("video", "V/{name}", Matcher.extension("mp4"), Matcher.extension("mxf"), Matcher.extension("mov")),
                new Channel("rest", List.of(), List.of(), "R/{path}", ChannelConflictPolicy.FAIL)),
                UnmatchedMode.FAIL, null, Map.of());
        Map<String, String> m = channels(t);
        assertEquals("proxies", m.get("PROXY/A001C001_proxy.mp4"));
        assertEquals("video", m.get("CLIPS/A001C001.MXF"));
        assertEquals("rest", m.get("notes.TXT"));
        assertTrue(m.values().stream().noneMatch("-"::equals));
    }
}
