/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.core.ExitCode;
import io.cartwright.routing.Channel;
import io.cartwright.routing.ChannelConflictPolicy;
import io.cartwright.routing.Matcher;
import io.cartwright.routing.PlanEntry;
import io.cartwright.routing.RoutePlan;
import io.cartwright.routing.RoutingException;
import io.cartwright.routing.RoutingProblem;
import io.cartwright.routing.RoutingService;
import io.cartwright.routing.Template;
import io.cartwright.routing.UnmatchedMode;
import io.cartwright.routing.internal.RoutingServiceImpl;
import io.cartwright.routing.spi.CardTree;
import io.cartwright.routing.spi.SourceLayout;

/** ignore / quarantine / fail, and the template-less default. */
class UnmatchedTest {

    private final RoutingService routing = new RoutingServiceImpl();
    private static final CardTree CARD = Cards.tree("A001", "CLIPS/A001C001.mov", "CLIPS/A001C002.mov", "NOTES.TXT",
            "MISC/thumb.db");

    private static Template template(UnmatchedMode mode) {
        return Template.of("video", mode, Channel.of("video", "{project}/{card}/{name}", Matcher.extension("mov")));
    }

    @Test
    void ignoreListsButDoesNotCopy() {
        RoutePlan plan = routing.plan(CARD, template(UnmatchedMode.IGNORE), Cards.tokens("A001"), SourceLayout.none());
        assertTrue(plan.executable());
        assertEquals(List.of("MISC/thumb.db", "NOTES.TXT"), plan.unmatched());
        assertTrue(plan.quarantined().isEmpty());
        assertEquals(2, plan.copies().size());
    }

    @Test
    void quarantineSendsTheRestToTheQuarantineChannel() {
        RoutePlan plan = routing.plan(CARD, template(UnmatchedMode.QUARANTINE), Cards.tokens("A001"), SourceLayout.none());
        assertTrue(plan.executable());
        assertEquals(List.of("MISC/thumb.db", "NOTES.TXT"), plan.unmatched());
        assertEquals(List.of("_QUARANTINE/A001/MISC/thumb.db", "_QUARANTINE/A001/NOTES.TXT"),
                plan.quarantined().stream().map(PlanEntry::destination).toList());
        assertTrue(plan.quarantined().stream().allMatch(e -> e.channel().equals("quarantine")
                && e.conflict() == ChannelConflictPolicy.VERSION));
        assertEquals(4, plan.copies().size(), "nothing is dropped");
    }

    @Test
    void aTemplateNamesItsOwnQuarantineChannel() {
        Template t = template(UnmatchedMode.QUARANTINE).withQuarantine(new Channel("holding", List.of(), List.of(),
                "{project}/HOLDING/{date:yyyyMMdd}/{card}/{path}", ChannelConflictPolicy.FAIL));
        RoutePlan plan = routing.plan(CARD, t, Cards.tokens("A001"), SourceLayout.none());
        assertEquals("NIGHTJAR/HOLDING/20260617/A001/NOTES.TXT", plan.quarantined().get(1).destination());
        assertEquals("holding", plan.quarantined().get(1).channel());
    }

    @Test
    void failRefusesWithTheListOfUnmatchedFiles(@TempDir Path dir) throws Exception {
        Path card = Cards.write(dir.resolve("A001"), "CLIPS/A001C001.mov", "CLIPS/A001C002.mov", "NOTES.TXT", "MISC/thumb.db");
        Path dest = dir.resolve("dest");
        RoutePlan plan = routing.plan(card, template(UnmatchedMode.FAIL), Cards.tokens("A001"), SourceLayout.none());
        assertFalse(plan.executable());
        assertEquals(List.of("MISC/thumb.db", "NOTES.TXT"), plan.problems().stream().map(RoutingProblem::file).toList());
        RoutingException e = assertThrows(RoutingException.class, () -> Cards.execute(plan, card, dest));
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains("file 'NOTES.TXT': no channel takes this file"), e.getMessage());
        assertTrue(e.getMessage().contains("file 'MISC/thumb.db'"), e.getMessage());
        assertEquals(List.of(), Cards.listing(dest), "nothing written");
    }

    @Test
    void theDefaultTemplateKeepsTheCardTree(@TempDir Path dir) throws Exception {
        Path card = Cards.write(dir.resolve("A001"), "CLIPS/A001C001.mov", "NOTES.TXT");
        RoutePlan plan = routing.plan(card, routing.defaultTemplate(), Cards.tokens(""), SourceLayout.none());
        assertEquals(List.of("A001/CLIPS/A001C001.mov", "A001/NOTES.TXT"), plan.entries().stream().map(PlanEntry::destination).toList());
        Cards.execute(plan, card, dir.resolve("dest"));
        assertEquals(List.of("A001/CLIPS/A001C001.mov", "A001/NOTES.TXT"), Cards.listing(dir.resolve("dest")));
    }
}
