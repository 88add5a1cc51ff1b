/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.camera.blackmagic.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.routing.Channel;
import io.cartwright.routing.Matcher;
import io.cartwright.routing.PlanEntry;
import io.cartwright.routing.RoutePlan;
import io.cartwright.routing.RoutingProblem;
import io.cartwright.routing.Template;
import io.cartwright.routing.UnmatchedMode;
import io.cartwright.routing.camera.blackmagic.internal.BlackmagicLayoutProvider;
import io.cartwright.routing.spi.CardFile;
import io.cartwright.routing.spi.CardTree;
import io.cartwright.routing.spi.ClipGroup;
import io.cartwright.routing.spi.FileTokens;
import io.cartwright.routing.spi.SourceLayout;
import io.cartwright.routing.testsupport.CardFixture;

/** A Blackmagic RAW card: flat .braw clips, a .sidecar for one, proxies in Proxy/. */
class BlackmagicLayoutProviderTest {

    private static final String[] CARD = {
        "A001_06171432_C001.braw",
        "A001_06171432_C001.sidecar",
        "A001_06171432_C002.braw",
        "Proxy/A001_06171432_C001.mov",
        "Proxy/A001_06171432_C002.mov",
        "NOTES.TXT"};

    private static final Template TEMPLATE = Template.of("braw", UnmatchedMode.QUARANTINE,
            Channel.of("raw", "{project}/{day}/{cam}/{reel}/{card}/{path}", Matcher.extension("braw")),
            Channel.of("proxies", "{project}/{day}/PROXY/{name}", Matcher.extension("mov")));

    @TempDir
    Path dir;

    private final BlackmagicLayoutProvider provider = new BlackmagicLayoutProvider();

    private CardTree card() throws Exception {
        return CardTree.scan(CardFixture.write(dir.resolve("BMPCC_A001"), CARD));
    }

    @Test
    void detectsClipsWithSidecarAndProxy() throws Exception {
        SourceLayout layout = provider.detect(card()).orElseThrow();
        assertEquals("Blackmagic RAW", layout.family());
        assertEquals(List.of(new ClipGroup("A001_06171432_C001", "A001_06171432_C001.braw", List.of("A001_06171432_C001.braw",
                "A001_06171432_C001.sidecar", "Proxy/A001_06171432_C001.mov")),
                new ClipGroup("A001_06171432_C002", "A001_06171432_C002.braw",
                        List.of("A001_06171432_C002.braw", "Proxy/A001_06171432_C002.mov"))),
                layout.clipGroups());
        assertEquals(new FileTokens("A001", "A001_06171432_C001"), layout.tokensOf("A001_06171432_C001.sidecar"));
    }

    @Test
    void theSidecarAndProxyTravelWithTheClip() throws Exception {
        CardTree card = card();
        SourceLayout layout = provider.detect(card).orElseThrow();
        RoutePlan plan = CardFixture.routing().plan(card, TEMPLATE, CardFixture.tokens(""), layout);
        assertTrue(plan.executable(), plan.problems().toString());
        CardFixture.assertGroupsTravelTogether(plan, layout);
        Map<String, PlanEntry> m = CardFixture.bySource(plan);
        assertEquals("NIGHTJAR/DAY01/A/A001/BMPCC_A001/A001_06171432_C001.sidecar", m.get("A001_06171432_C001.sidecar").destination());
        assertEquals("NIGHTJAR/DAY01/A/A001/BMPCC_A001/Proxy/A001_06171432_C001.mov",
                m.get("Proxy/A001_06171432_C001.mov").destination(), "the proxy follows its clip, not the proxies channel");
        assertEquals(List.of("NOTES.TXT"), plan.unmatched());
        assertEquals(CARD.length, plan.copies().size());
    }

    @Test
    void failModeRefusesWithTheUnmatchedFiles() throws Exception {
        CardTree card = card();
        RoutePlan plan = CardFixture.routing().plan(card, TEMPLATE.withUnmatched(UnmatchedMode.FAIL), CardFixture.tokens(""),
                provider.detect(card).orElseThrow());
        assertFalse(plan.executable());
        assertEquals(List.of("NOTES.TXT"), plan.problems().stream().map(RoutingProblem::file).toList());
    }

    @Test
    void cardsWithoutBrawAreNotBlackmagicRaw() {
        assertTrue(provider.detect(CardTree.of("X", List.of(CardFile.of("A001_06171432_C001.mov", 1)))).isEmpty());
    }
}
