/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.camera.canon.tests;

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
import io.cartwright.routing.camera.canon.internal.CanonLayoutProvider;
import io.cartwright.routing.spi.CardFile;
import io.cartwright.routing.spi.CardTree;
import io.cartwright.routing.spi.ClipGroup;
import io.cartwright.routing.spi.FileTokens;
import io.cartwright.routing.spi.SourceLayout;
import io.cartwright.routing.testsupport.CardFixture;

/** Canon cards: Cinema EOS clips with a spanned segment, .SIF, XML and proxy; an older XF clip folder. */
class CanonLayoutProviderTest {

    private static final String[] CARD = {
        "CONTENTS/CLIPS001/A001C003_260617AB_CANON.MXF",
        "CONTENTS/CLIPS001/A001C003_260617AB_CANON_01.MXF",
        "CONTENTS/CLIPS001/A001C003_260617AB_CANON.SIF",
        "CONTENTS/CLIPS001/A001C003_260617AB_CANON.XML",
        "CONTENTS/CLIPS001/A001C003_260617AB_CANON_Proxy.MP4",
        "CONTENTS/CLIPS001/A001C004_260617CD_CANON.MXF",
        "CONTENTS/CLIPS001/A001C004_260617CD_CANON.XML",
        "PRIVATE/AUDIO/A001C003_SF.WAV",
        "DCIM/100CANON/IMG_0001.JPG"};

    private static final Template TEMPLATE = Template.of("canon", UnmatchedMode.QUARANTINE,
            Channel.of("camera", "{project}/{day}/{cam}/{reel}/{clip}/{name}", Matcher.extension("mxf")),
            Channel.of("audio", "{project}/{day}/AUDIO/{card}/{name}", Matcher.extension("wav")));

    @TempDir
    Path dir;

    private final CanonLayoutProvider provider = new CanonLayoutProvider();

    private CardTree card() throws Exception {
        return CardTree.scan(CardFixture.write(dir.resolve("C70_A001"), CARD));
    }

    @Test
    void detectsClipsWithSpansSifXmlAndProxy() throws Exception {
        SourceLayout layout = provider.detect(card()).orElseThrow();
        assertEquals("Canon Cinema EOS", layout.family());
        assertEquals(List.of("CONTENTS"), layout.sourceRoots());
        assertEquals("A001", layout.reel());
        ClipGroup c3 = layout.clipGroups().stream().filter(g -> g.id().equals("A001C003_260617AB")).findFirst().orElseThrow();
        assertEquals("CONTENTS/CLIPS001/A001C003_260617AB_CANON.MXF", c3.primary());
        assertEquals(5, c3.members().size(), c3.toString());
        assertEquals(new FileTokens("A001", "A001C003_260617AB"), layout.tokensOf("CONTENTS/CLIPS001/A001C003_260617AB_CANON.SIF"));
    }

    @Test
    void planKeepsSpansAndSifTogetherAndQuarantinesTheRest() throws Exception {
        CardTree card = card();
        SourceLayout layout = provider.detect(card).orElseThrow();
        RoutePlan plan = CardFixture.routing().plan(card, TEMPLATE, CardFixture.tokens(""), layout);
        assertTrue(plan.executable(), plan.problems().toString());
        CardFixture.assertGroupsTravelTogether(plan, layout);
        Map<String, PlanEntry> m = CardFixture.bySource(plan);
        assertEquals("NIGHTJAR/DAY01/A/A001/A001C003_260617AB/A001C003_260617AB_CANON.SIF",
                m.get("CONTENTS/CLIPS001/A001C003_260617AB_CANON.SIF").destination());
        assertEquals("camera", m.get("CONTENTS/CLIPS001/A001C003_260617AB_CANON_Proxy.MP4").channel());
        assertEquals("audio", m.get("PRIVATE/AUDIO/A001C003_SF.WAV").channel());
        assertEquals(List.of("DCIM/100CANON/IMG_0001.JPG"), plan.unmatched());
        assertEquals(CARD.length, plan.copies().size());
    }

    @Test
    void failModeRefusesWithTheUnmatchedFiles() throws Exception {
        CardTree card = card();
        RoutePlan plan = CardFixture.routing().plan(card, TEMPLATE.withUnmatched(UnmatchedMode.FAIL), CardFixture.tokens(""),
                provider.detect(card).orElseThrow());
        assertFalse(plan.executable());
        assertEquals(List.of("DCIM/100CANON/IMG_0001.JPG"), plan.problems().stream().map(RoutingProblem::file).toList());
    }

    @Test
    void olderXfClipFoldersTravelWhole() {
        SourceLayout xf = provider.detect(tree("CONTENTS/CLIPS001/AA0001/AA000101.MXF", "CONTENTS/CLIPS001/AA0001/AA000102.MXF",
                "CONTENTS/CLIPS001/AA0001/AA0001.SIF", "CONTENTS/CLIPS001/AA0001/AA0001M01.XML", "CONTENTS/CLIPS001/AA0001/AA0001.CIF",
                "CONTENTS/CLIPS001/INDEX.MIF")).orElseThrow();
        assertEquals("Canon XF", xf.family());
        assertEquals(1, xf.clipGroups().size());
        assertEquals("CONTENTS/CLIPS001/AA0001/AA000101.MXF", xf.clipGroups().get(0).primary());
        assertEquals(5, xf.clipGroups().get(0).members().size());
        assertTrue(provider.detect(tree("DCIM/100CANON/IMG_0001.JPG")).isEmpty());
    }

    private static CardTree tree(String... paths) {
        return CardTree.of("CANON", java.util.Arrays.stream(paths).map(p -> CardFile.of(p, 1)).toList());
    }
}
