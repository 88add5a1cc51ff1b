/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.camera.arri.tests;

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
import io.cartwright.routing.RoutingService;
import io.cartwright.routing.Template;
import io.cartwright.routing.UnmatchedMode;
import io.cartwright.routing.camera.arri.internal.ArriLayoutProvider;
import io.cartwright.routing.spi.CardTree;
import io.cartwright.routing.spi.ClipGroup;
import io.cartwright.routing.spi.FileTokens;
import io.cartwright.routing.spi.SourceLayout;
import io.cartwright.routing.testsupport.CardFixture;

/** An ARRI card: ProRes clips and an ARRIRAW clip folder in the reel folder, with card-level XML and ALE. */
class ArriLayoutProviderTest {

    private static final String[] CARD = {
        "A001R1JL/A001C001_260617_R1JL.mov",
        "A001R1JL/A001C002_260617_R1JL.mov",
        "A001R1JL/A001R1JL_FCP.xml",
        "A001R1JL/A001R1JL.ale",
        "A001R1JL/A001C003_260617_R1JL/3840x2160/A001C003_260617_R1JL.0000001.ari",
        "A001R1JL/A001C003_260617_R1JL/3840x2160/A001C003_260617_R1JL.0000002.ari",
        "A001R1JL/A001C003_260617_R1JL/xml/A001C003_260617_R1JL.xml",
        "A001R1JL/A001C003_260617_R1JL/wav/A001C003_260617_R1JL.wav",
        "NOTES.TXT"};

    private static final Template TEMPLATE = Template.of("arri", UnmatchedMode.QUARANTINE,
            Channel.of("camera", "{project}/{day}/{cam}/{reel}/{relpath}", Matcher.extension("mov"), Matcher.extension("ari")),
            Channel.of("metadata", "{project}/{day}/META/{card}/{name}", Matcher.extension("ale"), Matcher.extension("xml")));

    @TempDir
    Path dir;

    private final ArriLayoutProvider provider = new ArriLayoutProvider();

    private CardTree card() throws Exception {
        return CardTree.scan(CardFixture.write(dir.resolve("A001R1JL"), CARD));
    }

    @Test
    void detectsReelFolderClipsAndTokens() throws Exception {
        SourceLayout layout = provider.detect(card()).orElseThrow();
        assertEquals("io.cartwright.arri", layout.provider());
        assertEquals(List.of("A001R1JL"), layout.sourceRoots());
        assertEquals("A001", layout.reel());
        assertEquals(List.of("A001R1JL/A001C001_260617_R1JL", "A001R1JL/A001C002_260617_R1JL", "A001R1JL/A001C003_260617_R1JL"),
                layout.clipGroups().stream().map(ClipGroup::id).toList());
        ClipGroup raw = layout.clipGroups().get(2);
        assertEquals(4, raw.members().size());
        assertEquals("A001R1JL/A001C003_260617_R1JL/3840x2160/A001C003_260617_R1JL.0000001.ari", raw.primary());
        assertEquals(new FileTokens("A001", "A001C003_260617_R1JL"),
                layout.tokensOf("A001R1JL/A001C003_260617_R1JL/wav/A001C003_260617_R1JL.wav"));
    }

    @Test
    void planPutsEveryFileWhereTheTemplateSaysKeepingClipsTogether() throws Exception {
        CardTree card = card();
        SourceLayout layout = provider.detect(card).orElseThrow();
        RoutingService routing = CardFixture.routing();
        RoutePlan plan = routing.plan(card, TEMPLATE, CardFixture.tokens(""), layout);
        assertTrue(plan.executable(), plan.problems().toString());
        CardFixture.assertGroupsTravelTogether(plan, layout);
        Map<String, PlanEntry> m = CardFixture.bySource(plan);
        assertEquals("NIGHTJAR/DAY01/A/A001/A001C001_260617_R1JL.mov", m.get("A001R1JL/A001C001_260617_R1JL.mov").destination());
        assertEquals("NIGHTJAR/DAY01/A/A001/A001C003_260617_R1JL/wav/A001C003_260617_R1JL.wav",
                m.get("A001R1JL/A001C003_260617_R1JL/wav/A001C003_260617_R1JL.wav").destination(), "the wav travels with its clip");
        assertEquals("camera", m.get("A001R1JL/A001C003_260617_R1JL/xml/A001C003_260617_R1JL.xml").channel(),
                "a clip's xml stays with the clip, not the metadata channel");
        assertEquals("NIGHTJAR/DAY01/META/A001R1JL/A001R1JL_FCP.xml", m.get("A001R1JL/A001R1JL_FCP.xml").destination());
        assertEquals("metadata", m.get("A001R1JL/A001R1JL.ale").channel());
        assertEquals(List.of("NOTES.TXT"), plan.unmatched());
        assertEquals("_QUARANTINE/A001R1JL/NOTES.TXT", m.get("NOTES.TXT").destination());
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
    void otherCardsAreNotArri() {
        assertTrue(provider.detect(CardTree.of("X", List.of(io.cartwright.routing.spi.CardFile.of("XDROOT/Clip/A001C001.MXF", 1))))
                .isEmpty());
        assertTrue(provider.detect(CardTree.of("X", List.of(io.cartwright.routing.spi.CardFile.of("A001R1JL/notes.txt", 1))))
                .isEmpty(), "a reel-like folder without clips");
    }
}
