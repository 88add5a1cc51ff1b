/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.routing.Channel;
import io.cartwright.routing.ChannelConflictPolicy;
import io.cartwright.routing.PlanConflict.Resolution;
import io.cartwright.routing.PlanEntry;
import io.cartwright.routing.RoutePlan;
import io.cartwright.routing.RoutingService;
import io.cartwright.routing.Template;
import io.cartwright.routing.UnmatchedMode;
import io.cartwright.routing.internal.RoutingServiceImpl;
import io.cartwright.routing.spi.CardTree;
import io.cartwright.routing.spi.SourceLayout;

/** Conflict policies, between planned files and against an existing destination. */
class ConflictTest {

    private final RoutingService routing = new RoutingServiceImpl();

    /** Two folders holding the same clip name, flattened into one folder by {name}. */
    private static final CardTree SAME_NAMES = CardTree.of("A001", List.of(
            Cards.file("DAY1/A001C001.mov", 10, "2026-06-17T10:00:00Z"),
            Cards.file("DAY2/A001C001.mov", 20, "2026-06-18T10:00:00Z"),
            Cards.file("DAY3/a001c001.MOV", 30, "2026-06-16T10:00:00Z")));

    private RoutePlan flat(ChannelConflictPolicy policy) {
        Template t = Template.of("t", UnmatchedMode.FAIL, Channel.of("flat", "{card}/{name}").withConflict(policy));
        return routing.plan(SAME_NAMES, t, Cards.tokens("A001"), SourceLayout.none());
    }

    @Test
    void versionKeepsEveryFileUnderAFreeName() {
        RoutePlan plan = flat(ChannelConflictPolicy.VERSION);
        assertTrue(plan.executable(), plan.problems().toString());
        assertEquals(List.of("A001/A001C001.mov", "A001/A001C001 (1).mov", "A001/a001c001 (2).MOV"),
                plan.entries().stream().map(PlanEntry::destination).toList());
        assertEquals(2, plan.conflicts().size());
        assertEquals(Resolution.VERSIONED, plan.conflicts().get(1).resolution());
        assertTrue(plan.conflicts().get(1).detail().contains("differ only in case"), plan.conflicts().get(1).detail());
    }

    @Test
    void replaceIfNewerCopiesTheNewestAndReportsTheOthers() {
        RoutePlan plan = flat(ChannelConflictPolicy.REPLACE_IF_NEWER);
        assertTrue(plan.executable());
        assertEquals(List.of("DAY2/A001C001.mov"), plan.entries().stream().map(PlanEntry::source).toList());
        assertEquals(2, plan.conflicts().size());
        assertTrue(plan.conflicts().stream().allMatch(c -> c.resolution() == Resolution.NEWER_KEPT));
        assertTrue(plan.conflicts().get(0).detail().contains("'DAY1/A001C001.mov' is not copied"), plan.conflicts().get(0).detail());
    }

    @Test
    void failAndAppendRefuseTwoFilesOnOneName() {
        for (ChannelConflictPolicy p : List.of(ChannelConflictPolicy.FAIL, ChannelConflictPolicy.APPEND)) {
            RoutePlan plan = flat(p);
            assertFalse(plan.executable());
            assertEquals(List.of("DAY2/A001C001.mov", "DAY3/a001c001.MOV"), plan.problems().stream().map(x -> x.file()).toList());
            assertTrue(plan.problems().get(1).message().contains("differ only in case or Unicode form"), plan.problems().get(1).message());
            assertTrue(plan.conflicts().stream().allMatch(c -> c.resolution() == Resolution.REFUSED));
        }
    }

    @Test
    void unicodeNormalisationFormsCollide() {
        CardTree card = Cards.tree("A001", "x/Caf\u00e9.wav", "y/Cafe\u0301.wav");
        RoutePlan plan = routing.plan(card, Template.of("t", UnmatchedMode.FAIL, Channel.of("c", "{name}")), Cards.tokens("A001"),
                SourceLayout.none());
        assertFalse(plan.executable());
        assertEquals("y/Cafe\u0301.wav", plan.problems().get(0).file());
    }

    @Test
    void aFileCannotAlsoBeAFolder() {
        CardTree card = Cards.tree("A001", "REEL", "sub/x.mov");
        Template t = Template.of("t", UnmatchedMode.FAIL, Channel.of("video", "REEL/{name}", io.cartwright.routing.Matcher.extension("mov")),
                Channel.of("rest", "{name}"));
        RoutePlan plan = routing.plan(card, t, Cards.tokens("A001"), SourceLayout.none());
        assertFalse(plan.executable(), plan.toString());
        assertEquals("sub/x.mov", plan.problems().get(0).file());
        assertTrue(plan.problems().get(0).message().contains("where the file 'REEL' goes"), plan.problems().get(0).message());
    }

    @Test
    void againstAnExistingDestinationEachPolicyDecides(@TempDir Path dir) throws Exception {
        Path dest = dir.resolve("dest");
        Files.createDirectories(dest.resolve("A001"));
        Files.write(dest.resolve("A001/same.mov"), new byte[5]);
        Files.setLastModifiedTime(dest.resolve("A001/same.mov"), FileTime.from(Instant.parse("2026-06-01T12:00:00Z")));
        Files.write(dest.resolve("A001/other.mov"), new byte[99]);
        Files.setLastModifiedTime(dest.resolve("A001/other.mov"), FileTime.from(Instant.parse("2026-06-17T12:00:00Z")));
        CardTree card = CardTree.of("A001", List.of(Cards.file("same.mov", 5, "2026-06-17T10:00:00Z"),
                Cards.file("other.mov", 7, "2026-06-17T11:00:00Z"), Cards.file("new.mov", 7, "2026-06-17T11:00:00Z")));
        RoutePlan append = check(card, ChannelConflictPolicy.APPEND, dest);
        assertEquals(PlanEntry.Action.KEEP, append.entries().get(2).action(), "same size: already there");
        assertEquals(PlanEntry.Action.COPY, append.entries().get(0).action());
        assertEquals(1, append.problems().size());
        assertEquals("other.mov", append.problems().get(0).file(), "different size: refused");

        RoutePlan version = check(card, ChannelConflictPolicy.VERSION, dest);
        assertTrue(version.executable());
        assertEquals(List.of("A001/new.mov", "A001/other (1).mov", "A001/same (1).mov"),
                version.entries().stream().map(PlanEntry::destination).sorted().toList());

        RoutePlan newer = check(card, ChannelConflictPolicy.REPLACE_IF_NEWER, dest);
        assertTrue(newer.executable());
        assertEquals(PlanEntry.Action.KEEP, newer.entries().get(1).action(), "other.mov there is newer");
        assertEquals(PlanEntry.Action.REPLACE, newer.entries().get(2).action(), "same.mov there is older");
        assertEquals(PlanEntry.Action.COPY, newer.entries().get(0).action());

        RoutePlan fail = check(card, ChannelConflictPolicy.FAIL, dest);
        assertEquals(List.of("other.mov", "same.mov"), fail.problems().stream().map(p -> p.file()).sorted().toList());
    }

    private RoutePlan check(CardTree card, ChannelConflictPolicy policy, Path dest) throws Exception {
        Template t = Template.of("t", UnmatchedMode.FAIL, Channel.of("c", "{card}/{name}").withConflict(policy));
        return routing.checkDestination(routing.plan(card, t, Cards.tokens("A001"), SourceLayout.none()), dest);
    }
}
