/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cartwright.core.ExitCode;
import io.cartwright.routing.Channel;
import io.cartwright.routing.Matcher;
import io.cartwright.routing.RoutePlan;
import io.cartwright.routing.RoutingException;
import io.cartwright.routing.RoutingProblem;
import io.cartwright.routing.RoutingService;
import io.cartwright.routing.SafeNames;
import io.cartwright.routing.Template;
import io.cartwright.routing.TokenContext;
import io.cartwright.routing.UnmatchedMode;
import io.cartwright.routing.internal.RoutingServiceImpl;
import io.cartwright.routing.spi.SourceLayout;

/**
 * Hostile templates and names: traversal, absolute paths, reserved names, over-long names, invalid
 * characters and exponential regexes are refused with errors naming the file and the token (or the
 * channel), and nothing is written.
 */
class HostileTest {

    private final RoutingService routing = new RoutingServiceImpl();

    @TempDir
    Path dir;

    private static Template with(String pattern) {
        return Template.of("hostile", UnmatchedMode.FAIL, Channel.of("evil", pattern));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../{name}", "{card}/../../etc/{name}", "a/./{name}", "/etc/{name}", "\\\\server\\share\\{name}",
            "C:\\Windows\\{name}", "c:/x/{name}", "~/x/{name}", "{card}//{name}", "{card}/", "CON/{name}", "x/aux.txt/{name}",
            "x./{name}", "x /{name}", "a<b/{name}", "a|b/{name}", "a\u0001b/{name}"})
    void hostilePatternsAreTemplateErrors(String pattern) {
        RoutingException e = assertThrows(RoutingException.class, () -> routing.validate(with(pattern)));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals("evil", e.problems().get(0).channel(), e.getMessage());
        assertTrue(e.getMessage().contains("The template 'hostile' is invalid"), e.getMessage());
    }

    @Test
    void tokenValuesCannotTraverseOrBeAbsolute() throws Exception {
        Path card = Cards.write(dir.resolve("A001"), "clip.mov");
        Template t = new Template("t", "", List.of(Channel.of("c", "{project}/{show}/{wu}/{name}")), UnmatchedMode.FAIL, null,
                Map.of("show", ""));
        Map<String, TokenContext> hostile = Map.of(
                "{show}", Cards.tokens("A001").withCustom(Map.of("show", "..")),
                "{project}", TokenContext.builder("A001", Cards.DAY).project("/etc").wu(List.of("D")).build().withCustom(Map.of("show", "s")),
                "{wu}", TokenContext.builder("A001", Cards.DAY).project("P").wu(List.of("D", "..")).build().withCustom(Map.of("show", "s")));
        for (Map.Entry<String, TokenContext> h : hostile.entrySet()) {
            RoutePlan plan = routing.plan(card, t, h.getValue(), SourceLayout.none());
            assertFalse(plan.executable(), h.getKey());
            RoutingProblem p = plan.problems().get(0);
            assertEquals("clip.mov", p.file());
            assertEquals(h.getKey(), p.token(), p.toString());
            assertRefusedAndNothingWritten(plan, card);
        }
    }

    @Test
    void reservedNamesOnTheCardAreRefusedNamingFileAndToken() throws Exception {
        Path card = Cards.write(dir.resolve("A001"), "CON.mov", "clips/aux", "clips/LPT9.wav", "ok.mov");
        RoutePlan plan = routing.plan(card, with("{card}/{path}"), Cards.tokens("A001"), SourceLayout.none());
        assertEquals(List.of("CON.mov", "clips/LPT9.wav", "clips/aux"), plan.problems().stream().map(RoutingProblem::file).toList());
        assertTrue(plan.problems().stream().allMatch(p -> p.token().equals("{path}")));
        assertTrue(plan.problems().get(0).message().contains("reserved device name"), plan.problems().get(0).message());
        assertRefusedAndNothingWritten(plan, card);
        RoutePlan byStem = routing.plan(card, with("{card}/{stem}.x"), Cards.tokens("A001"), SourceLayout.none());
        assertEquals("{stem}", byStem.problems().get(0).token());
    }

    @Test
    void aCardNamedLikeADeviceIsRefused() throws Exception {
        Path card = Cards.write(dir.resolve("NUL"), "a.mov");
        RoutePlan plan = routing.plan(card, with("{card}/{name}"), TokenContext.ofCard("", Cards.DAY), SourceLayout.none());
        assertEquals("{card}", plan.problems().get(0).token());
    }

    @Test
    void aThreeHundredCharacterNameIsRefused() throws Exception {
        String longName = "x".repeat(296) + ".mov";
        Path card = dir.resolve("A001");
        java.nio.file.Files.createDirectories(card);
        // The local filesystem may not take 300 characters either: plan a listed tree then.
        io.cartwright.routing.spi.CardTree tree = io.cartwright.routing.spi.CardTree.of("A001",
                List.of(io.cartwright.routing.spi.CardFile.of("clips/" + longName, 1)));
        RoutePlan plan = routing.plan(tree, with("{card}/{name}"), Cards.tokens("A001"), SourceLayout.none());
        assertFalse(plan.executable());
        RoutingProblem p = plan.problems().get(0);
        assertEquals("clips/" + longName, p.file());
        assertEquals("{name}", p.token());
        assertTrue(p.message().contains("a name of 300 characters"), p.message());
        RoutingException e = assertThrows(RoutingException.class, plan::requireExecutable);
        assertTrue(e.getMessage().contains("token {name}"), e.getMessage());
        assertThrows(RoutingException.class, () -> routing.validate(with("{card}/" + "y".repeat(300) + "/{name}")));
    }

    @Test
    void invalidCharactersFromTheCard() {
        io.cartwright.routing.spi.CardTree tree = Cards.tree("A001", "a:b.mov", "q?.wav", "tab\there.txt", "dot.", "ok.mov");
        RoutePlan plan = routing.plan(tree, with("{card}/{name}"), Cards.tokens("A001"), SourceLayout.none());
        assertEquals(List.of("a:b.mov", "dot.", "q?.wav", "tab\there.txt"), plan.problems().stream().map(RoutingProblem::file).toList());
        assertEquals(1, plan.entries().size());
    }

    @Test
    void nestedQuantifiersAreRefusedUpFrontNamingTheChannel() {
        for (String regex : List.of("(a+)+$", "^(\\w*)*x", "(a|b+){2,}", "((ab)*c)+", "(.*a){10}", "(a)\\1", "(?<x>a)\\k<x>")) {
            Template t = Template.of("t", UnmatchedMode.FAIL, Channel.of("greedy", "{name}", Matcher.regex(regex)));
            RoutingException e = assertThrows(RoutingException.class, () -> routing.validate(t), regex);
            assertEquals("greedy", e.problems().get(0).channel(), regex);
            assertTrue(e.getMessage().contains("refused"), e.getMessage());
        }
        for (String fine : List.of("^A\\d{3}C\\d{3}", "(mov|mxf)$", "^[A-Z]+(_\\d+)?\\.wav$", "(ab)+c", "[(a+)+]x", "\\(a+\\)+",
                "(?:_(\\d{2}))?\\.MXF$")) {
            routing.validate(Template.of("t", UnmatchedMode.FAIL, Channel.of("ok", "{name}", Matcher.regex(fine))));
        }
    }

    @Test
    void anInvalidRegexIsExplained() {
        RoutingException e = assertThrows(RoutingException.class, () -> routing.validate(
                Template.of("t", UnmatchedMode.FAIL, Channel.of("broken", "{name}", Matcher.regex("A001C(")))));
        assertTrue(e.getMessage().contains("channel 'broken': the regular expression 'A001C(' is invalid"), e.getMessage());
    }

    @Test
    void anExponentialRegexOnALongInputIsStoppedNotHung() throws Exception {
        // Overlapping alternatives under a bounded repetition pass the structure check (and Java's
        // loop memoisation does not cover {m,n}); the step budget stops them.
        String name = "a".repeat(64) + "!.mov";
        io.cartwright.routing.spi.CardTree tree = Cards.tree("A001", name, "ok.mov");
        Template t = Template.of("t", UnmatchedMode.QUARANTINE, Channel.of("greedy", "{name}", Matcher.regex("^(a|aa){0,60}$")));
        routing.validate(t);
        RoutePlan plan = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> routing.plan(tree, t, Cards.tokens("A001"), SourceLayout.none()));
        assertFalse(plan.executable());
        RoutingProblem p = plan.problems().get(0);
        assertEquals(name, p.file());
        assertEquals("greedy", p.channel());
        assertTrue(p.message().contains("was stopped"), p.message());
        assertEquals(List.of("ok.mov"), plan.unmatched(), "the short name is matched normally (no match, quarantined)");
    }

    @Test
    void theStepBudgetAlsoStopsNestedQuantifiersThatSlipPast() {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("^(a|a?){1,60}b");
        long start = System.nanoTime();
        assertThrows(io.cartwright.routing.internal.SafeRegex.BudgetExceeded.class,
                () -> io.cartwright.routing.internal.SafeRegex.find(p, "a".repeat(60)));
        assertTrue(System.nanoTime() - start < java.util.concurrent.TimeUnit.SECONDS.toNanos(2));
        assertTrue(io.cartwright.routing.internal.SafeRegex.find(java.util.regex.Pattern.compile("C\\d{3}"), "A001C003.mov"));
    }

    @Test
    void safeNamesRules() {
        assertTrue(SafeNames.isSafe("A001C001_260617_R1JL.mov"));
        assertTrue(SafeNames.isSafe("CONSOLE.txt"));
        assertFalse(SafeNames.isSafe("..."), "ends with a dot");
        assertFalse(SafeNames.isSafe("com1.MXF"));
        assertFalse(SafeNames.isSafe("Nul .txt"), "Windows ignores the space before the dot");
        assertEquals(SafeNames.collisionKey("A001/Caf\u00e9.WAV"), SafeNames.collisionKey("a001/cafe\u0301.wav"));
    }

    private void assertRefusedAndNothingWritten(RoutePlan plan, Path card) throws Exception {
        Path dest = dir.resolve("dest");
        RoutingException e = assertThrows(RoutingException.class, () -> Cards.execute(plan, card, dest));
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains("nothing was written"), e.getMessage());
        assertEquals(List.of(), Cards.listing(dest));
    }
}
