/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.camera.panasonic.tests;

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
import io.cartwright.routing.camera.panasonic.internal.PanasonicLayoutProvider;
import io.cartwright.routing.spi.CardFile;
import io.cartwright.routing.spi.CardTree;
import io.cartwright.routing.spi.ClipGroup;
import io.cartwright.routing.spi.FileTokens;
import io.cartwright.routing.spi.SourceLayout;
import io.cartwright.routing.testsupport.CardFixture;

/** A P2 card: CONTENTS with two clips across VIDEO/AUDIO/CLIP/ICON/PROXY/VOICE, and LASTCLIP.TXT. */
class PanasonicLayoutProviderTest {

    private static final String[] CARD = {
        "CONTENTS/VIDEO/0001AB.MXF",
        "CONTENTS/VIDEO/0002CD.MXF",
        "CONTENTS/AUDIO/0001AB00.MXF",
        "CONTENTS/AUDIO/0001AB01.MXF",
        "CONTENTS/AUDIO/0002CD00.MXF",
        "CONTENTS/CLIP/0001AB.XML",
        "CONTENTS/CLIP/0002CD.XML",
        "CONTENTS/ICON/0001AB.BMP",
        "CONTENTS/PROXY/0001AB.MP4",
        "CONTENTS/PROXY/0001AB.BIN",
        "CONTENTS/VOICE/0001AB00.WAV",
        "LASTCLIP.TXT",
        "NOTES.TXT"};

    private static final Template TEMPLATE = Template.of("p2", UnmatchedMode.QUARANTINE,
            Channel.of("p2", "{project}/{day}/{cam}/{card}/{path}", Matcher.extension("mxf")),
            Channel.of("xml", "{project}/{day}/META/{name}", Matcher.extension("xml")));

    @TempDir
    Path dir;

    private final PanasonicLayoutProvider provider = new PanasonicLayoutProvider();

    private CardTree card() throws Exception {
        return CardTree.scan(CardFixture.write(dir.resolve("P2_A001"), CARD));
    }

    @Test
    void contentsAndLastClipAreOneGroupWithClipTokensPerFile() throws Exception {
        SourceLayout layout = provider.detect(card()).orElseThrow();
        assertEquals("Panasonic P2", layout.family());
        assertEquals(List.of("CONTENTS", "LASTCLIP.TXT"), layout.sourceRoots());
        assertEquals(1, layout.clipGroups().size());
        ClipGroup g = layout.clipGroups().get(0);
        assertEquals("CONTENTS/VIDEO/0001AB.MXF", g.primary());
        assertEquals(CARD.length - 1, g.members().size(), "everything but NOTES.TXT");
        assertEquals(new FileTokens("", "0001AB"), layout.tokensOf("CONTENTS/AUDIO/0001AB01.MXF"));
        assertEquals(new FileTokens("", "0002CD"), layout.tokensOf("CONTENTS/CLIP/0002CD.XML"));
    }

    @Test
    void theCardTravelsWholeAndTheRestIsQuarantined() throws Exception {
        CardTree card = card();
        SourceLayout layout = provider.detect(card).orElseThrow();
        RoutePlan plan = CardFixture.routing().plan(card, TEMPLATE, CardFixture.tokens(""), layout);
        assertTrue(plan.executable(), plan.problems().toString());
        CardFixture.assertGroupsTravelTogether(plan, layout);
        Map<String, PlanEntry> m = CardFixture.bySource(plan);
        assertEquals("NIGHTJAR/DAY01/A/P2_A001/LASTCLIP.TXT", m.get("LASTCLIP.TXT").destination());
        assertEquals("p2", m.get("CONTENTS/CLIP/0001AB.XML").channel(), "the clip XML stays in CONTENTS");
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
    void avchdTravelsWhole() {
        SourceLayout avchd = provider.detect(CardTree.of("SD", java.util.stream.Stream.of("PRIVATE/AVCHD/BDMV/STREAM/00000.MTS",
                "PRIVATE/AVCHD/BDMV/CLIPINF/00000.CPI", "PRIVATE/AVCHD/BDMV/PLAYLIST/00000.MPL", "PRIVATE/AVCHD/BDMV/index.bdmv",
                "PRIVATE/AVCHD/BDMV/MovieObject.bdmv", "PRIVATE/AVCHD/BDMV/BACKUP/index.bdmv").map(p -> CardFile.of(p, 1)).toList()))
                .orElseThrow();
        assertEquals("Panasonic AVCHD", avchd.family());
        assertEquals(6, avchd.clipGroups().get(0).members().size());
        assertEquals(new FileTokens("", "00000"), avchd.tokensOf("PRIVATE/AVCHD/BDMV/CLIPINF/00000.CPI"));
        assertTrue(provider.detect(CardTree.of("X", List.of(CardFile.of("CONTENTS/readme.txt", 1)))).isEmpty());
    }
}
