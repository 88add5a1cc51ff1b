/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.camera.red.tests;

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
import io.cartwright.routing.camera.red.internal.RedLayoutProvider;
import io.cartwright.routing.spi.CardFile;
import io.cartwright.routing.spi.CardTree;
import io.cartwright.routing.spi.ClipGroup;
import io.cartwright.routing.spi.FileTokens;
import io.cartwright.routing.spi.SourceLayout;
import io.cartwright.routing.testsupport.CardFixture;

/** A RED card: an RDM magazine folder with two RDC clip folders (segments, proxy, thumbnail). */
class RedLayoutProviderTest {

    private static final String[] CARD = {
        "A001_0617AB.RDM/A001_C001_0617XY.RDC/A001_C001_0617XY_001.R3D",
        "A001_0617AB.RDM/A001_C001_0617XY.RDC/A001_C001_0617XY_002.R3D",
        "A001_0617AB.RDM/A001_C001_0617XY.RDC/A001_C001_0617XY.mov",
        "A001_0617AB.RDM/A001_C001_0617XY.RDC/A001_C001_0617XY.rtn",
        "A001_0617AB.RDM/A001_C002_0617QZ.RDC/A001_C002_0617QZ_001.R3D",
        "A001_0617AB.RDM/A001_C002_0617QZ.RDC/A001_C002_0617QZ.rtn",
        "digital_magazine.bin",
        "digital_magdynamic.bin",
        "NOTES.TXT"};

    private static final Template TEMPLATE = Template.of("red", UnmatchedMode.QUARANTINE,
            Channel.of("r3d", "{project}/{day}/{cam}/{reel}/{relpath}", Matcher.extension("r3d")),
            Channel.of("proxies", "{project}/{day}/PROXY/{clip}.{ext}", Matcher.extension("mov")));

    @TempDir
    Path dir;

    private final RedLayoutProvider provider = new RedLayoutProvider();

    private CardTree card() throws Exception {
        return CardTree.scan(CardFixture.write(dir.resolve("RED_A001"), CARD));
    }

    @Test
    void detectsMagazineClipFoldersAndTokens() throws Exception {
        SourceLayout layout = provider.detect(card()).orElseThrow();
        assertEquals(List.of("A001_0617AB.RDM"), layout.sourceRoots());
        assertEquals("A001", layout.reel());
        assertEquals(2, layout.clipGroups().size());
        ClipGroup c1 = layout.clipGroups().get(0);
        assertEquals("A001_0617AB.RDM/A001_C001_0617XY.RDC", c1.id());
        assertEquals("A001_0617AB.RDM/A001_C001_0617XY.RDC/A001_C001_0617XY_001.R3D", c1.primary());
        assertEquals(4, c1.members().size());
        assertEquals(new FileTokens("A001", "A001_C001_0617XY"), layout.tokensOf(c1.members().get(3)));
    }

    @Test
    void aWholeRdcFolderTravelsWithItsR3dAndTheRestIsQuarantined() throws Exception {
        CardTree card = card();
        SourceLayout layout = provider.detect(card).orElseThrow();
        RoutePlan plan = CardFixture.routing().plan(card, TEMPLATE, CardFixture.tokens(""), layout);
        assertTrue(plan.executable(), plan.problems().toString());
        CardFixture.assertGroupsTravelTogether(plan, layout);
        Map<String, PlanEntry> m = CardFixture.bySource(plan);
        assertEquals("NIGHTJAR/DAY01/A/A001/A001_C001_0617XY.RDC/A001_C001_0617XY_002.R3D",
                m.get("A001_0617AB.RDM/A001_C001_0617XY.RDC/A001_C001_0617XY_002.R3D").destination());
        assertEquals("r3d", m.get("A001_0617AB.RDM/A001_C001_0617XY.RDC/A001_C001_0617XY.mov").channel(),
                "the proxy inside the RDC stays with its clip rather than the proxies channel");
        assertEquals(List.of("NOTES.TXT", "digital_magazine.bin", "digital_magdynamic.bin"), plan.unmatched());
        assertEquals(3, plan.quarantined().size());
        assertEquals(CARD.length, plan.copies().size());
    }

    @Test
    void failModeRefusesWithTheUnmatchedFiles() throws Exception {
        CardTree card = card();
        RoutePlan plan = CardFixture.routing().plan(card, TEMPLATE.withUnmatched(UnmatchedMode.FAIL), CardFixture.tokens(""),
                provider.detect(card).orElseThrow());
        assertFalse(plan.executable());
        assertEquals(List.of("NOTES.TXT", "digital_magazine.bin", "digital_magdynamic.bin"),
                plan.problems().stream().map(RoutingProblem::file).toList());
    }

    @Test
    void otherCardsAreNotRed() {
        assertTrue(provider.detect(CardTree.of("X", List.of(CardFile.of("A001_0617AB.RDM/readme.txt", 1)))).isEmpty());
        assertTrue(provider.detect(CardTree.of("X", List.of(CardFile.of("A001R1JL/A001C001_260617_R1JL.mov", 1)))).isEmpty());
    }
}
