/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.camera.sony.tests;

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
import io.cartwright.routing.camera.sony.internal.SonyLayoutProvider;
import io.cartwright.routing.spi.CardFile;
import io.cartwright.routing.spi.CardTree;
import io.cartwright.routing.spi.ClipGroup;
import io.cartwright.routing.spi.FileTokens;
import io.cartwright.routing.spi.SourceLayout;
import io.cartwright.routing.testsupport.CardFixture;

/** Sony cards: XAVC on SD (PRIVATE/XDROOT) with M01.XML + R01.BIM + proxy + thumbnail per clip; M4ROOT, BPAV, PROAV. */
class SonyLayoutProviderTest {

    private static final String[] CARD = {
        "PRIVATE/XDROOT/Clip/A015C001_2606170J.MXF",
        "PRIVATE/XDROOT/Clip/A015C001_2606170JM01.XML",
        "PRIVATE/XDROOT/Clip/A015C001_2606170JR01.BIM",
        "PRIVATE/XDROOT/Sub/A015C001_2606170JS01.MXF",
        "PRIVATE/XDROOT/Thmbnl/A015C001_2606170JT01.JPG",
        "PRIVATE/XDROOT/Clip/A015C002_2606171K.MXF",
        "PRIVATE/XDROOT/Clip/A015C002_2606171KM01.XML",
        "PRIVATE/XDROOT/MEDIAPRO.XML",
        "PRIVATE/XDROOT/DISCMETA.XML",
        "PRIVATE/XDROOT/CUEUP.XML",
        "DCIM/100MSDCF/DSC00001.JPG"};

    private static final Template TEMPLATE = Template.of("sony", UnmatchedMode.QUARANTINE,
            Channel.of("camera", "{project}/{day}/{cam}/{reel}/{relpath}", Matcher.extension("mxf")),
            Channel.of("metadata", "{project}/{day}/META/{card}/{path}", Matcher.extension("xml")));

    @TempDir
    Path dir;

    private final SonyLayoutProvider provider = new SonyLayoutProvider();

    private CardTree card() throws Exception {
        return CardTree.scan(CardFixture.write(dir.resolve("FX6_A015"), CARD));
    }

    @Test
    void detectsXdrootClipsWithTheirSidecars() throws Exception {
        SourceLayout layout = provider.detect(card()).orElseThrow();
        assertEquals("Sony XAVC (PRIVATE/XDROOT)", layout.family());
        assertEquals(List.of("PRIVATE/XDROOT"), layout.sourceRoots());
        assertEquals(List.of(new ClipGroup("PRIVATE/XDROOT/A015C001_2606170J", "PRIVATE/XDROOT/Clip/A015C001_2606170J.MXF",
                List.of("PRIVATE/XDROOT/Clip/A015C001_2606170J.MXF", "PRIVATE/XDROOT/Clip/A015C001_2606170JM01.XML",
                        "PRIVATE/XDROOT/Clip/A015C001_2606170JR01.BIM", "PRIVATE/XDROOT/Sub/A015C001_2606170JS01.MXF",
                        "PRIVATE/XDROOT/Thmbnl/A015C001_2606170JT01.JPG")),
                new ClipGroup("PRIVATE/XDROOT/A015C002_2606171K", "PRIVATE/XDROOT/Clip/A015C002_2606171K.MXF",
                        List.of("PRIVATE/XDROOT/Clip/A015C002_2606171K.MXF", "PRIVATE/XDROOT/Clip/A015C002_2606171KM01.XML"))),
                layout.clipGroups(), "no R01.BIM on the second clip (S&Q): grouped all the same");
        assertEquals(new FileTokens("A015", "A015C001_2606170J"), layout.tokensOf("PRIVATE/XDROOT/Sub/A015C001_2606170JS01.MXF"));
    }

    @Test
    void planKeepsSidecarsWithTheirClipAndQuarantinesTheRest() throws Exception {
        CardTree card = card();
        SourceLayout layout = provider.detect(card).orElseThrow();
        RoutePlan plan = CardFixture.routing().plan(card, TEMPLATE, CardFixture.tokens(""), layout);
        assertTrue(plan.executable(), plan.problems().toString());
        CardFixture.assertGroupsTravelTogether(plan, layout);
        Map<String, PlanEntry> m = CardFixture.bySource(plan);
        assertEquals("NIGHTJAR/DAY01/A/A015/Clip/A015C001_2606170JM01.XML",
                m.get("PRIVATE/XDROOT/Clip/A015C001_2606170JM01.XML").destination(), "M01.XML with its clip, not in metadata");
        assertEquals("NIGHTJAR/DAY01/A/A015/Clip/A015C001_2606170JR01.BIM",
                m.get("PRIVATE/XDROOT/Clip/A015C001_2606170JR01.BIM").destination());
        assertEquals("NIGHTJAR/DAY01/A/A015/Thmbnl/A015C001_2606170JT01.JPG",
                m.get("PRIVATE/XDROOT/Thmbnl/A015C001_2606170JT01.JPG").destination());
        assertEquals("NIGHTJAR/DAY01/META/FX6_A015/PRIVATE/XDROOT/MEDIAPRO.XML", m.get("PRIVATE/XDROOT/MEDIAPRO.XML").destination());
        assertEquals(List.of("DCIM/100MSDCF/DSC00001.JPG"), plan.unmatched());
        assertEquals("quarantine", m.get("DCIM/100MSDCF/DSC00001.JPG").channel());
        assertEquals(CARD.length, plan.copies().size());
    }

    @Test
    void failModeRefusesWithTheUnmatchedFiles() throws Exception {
        CardTree card = card();
        RoutePlan plan = CardFixture.routing().plan(card, TEMPLATE.withUnmatched(UnmatchedMode.FAIL), CardFixture.tokens(""),
                provider.detect(card).orElseThrow());
        assertFalse(plan.executable());
        assertEquals(List.of("DCIM/100MSDCF/DSC00001.JPG"), plan.problems().stream().map(RoutingProblem::file).toList());
    }

    @Test
    void m4rootBpavAndProav() {
        SourceLayout m4 = provider.detect(tree("PRIVATE/M4ROOT/CLIP/C0001.MP4", "PRIVATE/M4ROOT/CLIP/C0001M01.XML",
                "PRIVATE/M4ROOT/SUB/C0001S03.MP4", "PRIVATE/M4ROOT/THMBNL/C0001T01.JPG", "PRIVATE/M4ROOT/MEDIAPRO.XML")).orElseThrow();
        assertEquals("Sony XAVC S (PRIVATE/M4ROOT)", m4.family());
        assertEquals(1, m4.clipGroups().size());
        assertEquals(4, m4.clipGroups().get(0).members().size());
        assertEquals("PRIVATE/M4ROOT/CLIP/C0001.MP4", m4.clipGroups().get(0).primary());
        assertEquals(new FileTokens("", "C0001"), m4.tokensOf("PRIVATE/M4ROOT/SUB/C0001S03.MP4"));

        SourceLayout ex = provider.detect(tree("BPAV/CLPR/709_0001_01/709_0001_01.MP4", "BPAV/CLPR/709_0001_01/709_0001_01.SMI",
                "BPAV/CLPR/709_0001_01/709_0001_01M01.XML", "BPAV/CLPR/709_0001_01/709_0001_01R01.BIM", "BPAV/MEDIAPRO.XML"))
                .orElseThrow();
        assertEquals("Sony XDCAM EX (BPAV)", ex.family());
        assertEquals(4, ex.clipGroups().get(0).members().size());

        SourceLayout sam = provider.detect(tree("PROAV/CLPR/C0001/C0001V01.MXF", "PROAV/CLPR/C0001/C0001A01.MXF",
                "PROAV/CLPR/C0001/C0001S01.MXF", "PROAV/CLPR/C0001/C0001M01.XML", "PROAV/INDEX.XML")).orElseThrow();
        assertEquals("PROAV/CLPR/C0001/C0001V01.MXF", sam.clipGroups().get(0).primary());
        assertTrue(provider.detect(tree("DCIM/100MSDCF/DSC00001.JPG")).isEmpty());
    }

    private static CardTree tree(String... paths) {
        return CardTree.of("SONY", java.util.Arrays.stream(paths).map(p -> CardFile.of(p, 1)).toList());
    }
}
