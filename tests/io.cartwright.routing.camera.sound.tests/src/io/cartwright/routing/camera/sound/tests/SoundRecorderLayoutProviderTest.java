/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.camera.sound.tests;

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
import io.cartwright.routing.camera.sound.internal.SoundRecorderLayoutProvider;
import io.cartwright.routing.spi.CardFile;
import io.cartwright.routing.spi.CardTree;
import io.cartwright.routing.spi.ClipGroup;
import io.cartwright.routing.spi.FileTokens;
import io.cartwright.routing.spi.SourceLayout;
import io.cartwright.routing.testsupport.CardFixture;

/** A sound card: Sound Devices mono tracks and poly files in a roll folder, a report, false takes; Zoom tracks. */
class SoundRecorderLayoutProviderTest {

    private static final String[] CARD = {
        "DAY01/S001T01_1.WAV",
        "DAY01/S001T01_2.WAV",
        "DAY01/S001T01_A.WAV",
        "DAY01/S001T02.WAV",
        "DAY01/DAY01.CSV",
        "FALSETAKES/S001T03.WAV",
        "SOUNDDEV/SETTINGS.SET",
        "ZOOM/Scene001-T001_Tr1.wav",
        "ZOOM/Scene001-T001_Tr2.wav",
        "ZOOM/Scene001-T001_TrLR.wav"};

    private static final Template TEMPLATE = new Template("sound", "", List.of(
            Channel.of("sound", "{project}/{day}/SOUND/{reel}/{name}", Matcher.extension("wav"))
                    .withExclude(Matcher.startsWith("FALSETAKES/").onPath()),
            Channel.of("reports", "{project}/{day}/SOUND/REPORTS/{name}", Matcher.extension("csv"))),
            UnmatchedMode.QUARANTINE, null, Map.of());

    @TempDir
    Path dir;

    private final SoundRecorderLayoutProvider provider = new SoundRecorderLayoutProvider();

    private CardTree card() throws Exception {
        return CardTree.scan(CardFixture.write(dir.resolve("SD_664"), CARD));
    }

    @Test
    void monoTracksOfOneTakeAreOneGroup() throws Exception {
        SourceLayout layout = provider.detect(card()).orElseThrow();
        assertEquals("Sound recorder (BWF)", layout.family());
        ClipGroup take = layout.clipGroups().stream().filter(g -> g.id().equals("DAY01/S001T01")).findFirst().orElseThrow();
        assertEquals(List.of("DAY01/S001T01_1.WAV", "DAY01/S001T01_2.WAV", "DAY01/S001T01_A.WAV"), take.members());
        assertEquals(new FileTokens("DAY01", "S001T01"), layout.tokensOf("DAY01/S001T01_2.WAV"));
        ClipGroup zoom = layout.clipGroups().stream().filter(g -> g.id().equals("ZOOM/Scene001-T001")).findFirst().orElseThrow();
        assertEquals(3, zoom.members().size());
        assertTrue(layout.clipGroups().stream().noneMatch(g -> g.id().startsWith("SOUNDDEV")));
    }

    @Test
    void planKeepsTakesTogetherAndQuarantinesFalseTakesAndSettings() throws Exception {
        CardTree card = card();
        SourceLayout layout = provider.detect(card).orElseThrow();
        RoutePlan plan = CardFixture.routing().plan(card, TEMPLATE, CardFixture.tokens(""), layout);
        assertTrue(plan.executable(), plan.problems().toString());
        CardFixture.assertGroupsTravelTogether(plan, layout);
        Map<String, PlanEntry> m = CardFixture.bySource(plan);
        assertEquals("NIGHTJAR/DAY01/SOUND/DAY01/S001T01_2.WAV", m.get("DAY01/S001T01_2.WAV").destination());
        assertEquals("NIGHTJAR/DAY01/SOUND/REPORTS/DAY01.CSV", m.get("DAY01/DAY01.CSV").destination());
        assertEquals(List.of("FALSETAKES/S001T03.WAV", "SOUNDDEV/SETTINGS.SET"), plan.unmatched());
        assertEquals(CARD.length, plan.copies().size());
    }

    @Test
    void failModeRefusesWithTheUnmatchedFiles() throws Exception {
        CardTree card = card();
        RoutePlan plan = CardFixture.routing().plan(card, TEMPLATE.withUnmatched(UnmatchedMode.FAIL), CardFixture.tokens(""),
                provider.detect(card).orElseThrow());
        assertFalse(plan.executable());
        assertEquals(List.of("FALSETAKES/S001T03.WAV", "SOUNDDEV/SETTINGS.SET"),
                plan.problems().stream().map(RoutingProblem::file).toList());
    }

    @Test
    void aCameraCardWithAudioIsNotASoundCard() {
        assertTrue(provider.detect(CardTree.of("X", List.of(CardFile.of("PRIVATE/AUDIO/A001.WAV", 1),
                CardFile.of("CONTENTS/CLIPS001/A001C001_CANON.MXF", 1)))).isEmpty());
        assertTrue(provider.detect(CardTree.of("X", List.of(CardFile.of("DCIM/100CANON/IMG_0001.JPG", 1)))).isEmpty());
    }
}
