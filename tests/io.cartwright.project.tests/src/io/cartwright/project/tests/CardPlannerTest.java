/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.project.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.core.CartwrightException;
import io.cartwright.core.ExitCode;
import io.cartwright.project.AssignRequest;
import io.cartwright.project.CardPlan;
import io.cartwright.project.CardPlanRequest;
import io.cartwright.project.ChannelRule;
import io.cartwright.project.ProjectService;
import io.cartwright.project.Settings;
import io.cartwright.project.UnitContext;
import io.cartwright.project.UnitPath;
import io.cartwright.project.internal.CardPlannerImpl;
import io.cartwright.routing.CameraLayouts;
import io.cartwright.routing.Channel;
import io.cartwright.routing.ChannelConflictPolicy;
import io.cartwright.routing.Matcher;
import io.cartwright.routing.PlanEntry;
import io.cartwright.routing.RoutePlan;
import io.cartwright.routing.RoutingException;
import io.cartwright.routing.RoutingService;
import io.cartwright.routing.Template;
import io.cartwright.routing.UnmatchedMode;
import io.cartwright.routing.spi.CardTree;
import io.cartwright.routing.spi.SourceLayout;
import io.cartwright.store.Store;

/**
 * The one planning path of the CLI and the workbench: for a device, a unit, a saved or an unsaved
 * (edited) template, with the assignment's channel rules and source roots on top, and every reason
 * to refuse named.
 */
class CardPlannerTest {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 17);

    @TempDir
    Path dir;
    Store store;
    ProjectService projects;
    RoutingService routing;
    CardPlannerImpl planner;
    CardTree card;

    @BeforeEach
    void open() throws Exception {
        store = Fixtures.open(dir.resolve("show.db"));
        projects = Fixtures.projects();
        routing = Fixtures.service(RoutingService.class);
        planner = new CardPlannerImpl(projects, routing, Fixtures.service(CameraLayouts.class));
        projects.saveTemplate(store, TemplateStoreTest.DAILIES, false, "dit");
        ProjectTreeTest.threeDaysTwoUnits(projects, store);
        projects.updateProject(store, "NIGHTJAR", s -> s.withTemplate("dailies"), "dit");
        projects.assign(store, new AssignRequest(7, UnitPath.parse("NIGHTJAR/DAY01/MAIN"), "A-CAM", "A", "ana",
                Settings.INHERIT.withSourceRoots(List.of("PRIVATE/XDROOT"))
                        .withChannelRule("sound", new ChannelRule(null, ChannelConflictPolicy.VERSION))));
        card = CardTree.scan(Fixtures.write(dir.resolve("FX6_A015"), "PRIVATE/XDROOT/Clip/A015C001_2606170J.MXF",
                "PRIVATE/XDROOT/MEDIAPRO.XML", "SOUND/T01.WAV"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aDevicePlansThroughItsAssignmentAsTheManualPathDoes() {
        CardPlan p = planner.plan(store, card, CardPlanRequest.on(DAY).withDevice(7L));
        assertEquals("FX6_A015", p.cardName());
        assertEquals("NIGHTJAR/DAY01/MAIN", p.unit().orElseThrow().path().toString());
        assertEquals(ChannelConflictPolicy.VERSION, p.template().channel("sound").orElseThrow().conflict(),
                "the assignment's channel rule is applied");
        assertEquals(List.of("PRIVATE/XDROOT"), p.layout().sourceRoots(), "the device's source roots win");

        UnitContext ctx = projects.recognise(store, 7).orElseThrow();
        RoutePlan manual = routing.plan(card, projects.effectiveTemplate(store, ctx, null), ctx.tokens("FX6_A015", DAY, ""),
                SourceLayout.none().withSourceRoots(List.of("PRIVATE/XDROOT")));
        assertEquals(manual, p.plan(), "the same plan as the services give step by step");
        assertEquals(Map.of(
                "PRIVATE/XDROOT/Clip/A015C001_2606170J.MXF", "NIGHTJAR/DAY01/MAIN/A/FX6_A015/Clip/A015C001_2606170J.MXF",
                "SOUND/T01.WAV", "NIGHTJAR/DAY01/SOUND/FX6_A015/SOUND/T01.WAV",
                "PRIVATE/XDROOT/MEDIAPRO.XML", "_QUARANTINE/FX6_A015/PRIVATE/XDROOT/MEDIAPRO.XML"), p.targets());
        assertEquals(List.of("NIGHTJAR/DAY01/MAIN/A/FX6_A015", "NIGHTJAR/DAY01/SOUND/FX6_A015", "_QUARANTINE/FX6_A015"),
                p.sealScopes(), "one ASC MHL history per card root");
    }

    @Test
    void anUnsavedTemplateIsPlannedWithTheAssignmentsRulesOnTop() {
        Template edited = new Template("dailies", "", List.of(
                new Channel("sound", List.of(Matcher.extension("wav")), List.of(), "{project}/{day}/AUDIO/{name}",
                        ChannelConflictPolicy.FAIL),
                new Channel("camera", List.of(Matcher.extension("mxf"), Matcher.extension("xml")), List.of(),
                        "{project}/{day}/{unit}/{cam}/{card}/{relpath}", ChannelConflictPolicy.FAIL)),
                UnmatchedMode.FAIL, null, Map.of());
        CardPlan p = planner.plan(store, card, CardPlanRequest.on(DAY).withDevice(7L).withTemplate(edited));
        assertTrue(p.plan().executable(), p.plan().problems().toString());
        assertEquals("NIGHTJAR/DAY01/AUDIO/T01.WAV", p.targets().get("SOUND/T01.WAV"));
        assertEquals("NIGHTJAR/DAY01/MAIN/A/FX6_A015/MEDIAPRO.XML", p.targets().get("PRIVATE/XDROOT/MEDIAPRO.XML"),
                "the edited camera channel now takes the XML; {relpath} below the device's source root");
        assertEquals(ChannelConflictPolicy.VERSION, p.template().channel("sound").orElseThrow().conflict());
        assertTrue(p.plan().quarantined().isEmpty());
        assertEquals(TemplateStoreTest.DAILIES, projects.template(store, "dailies").orElseThrow(), "nothing saved");
    }

    @Test
    void aUnitWithoutADeviceAndASavedTemplateByName() {
        projects.saveTemplate(store, routing.defaultTemplate().withName("as-is"), false, "dit");
        CardPlan p = planner.plan(store, card, CardPlanRequest.on(DAY).withUnit(UnitPath.parse("NIGHTJAR/DAY02/SPLINTER"))
                .withTemplateName("as-is"));
        assertEquals("NIGHTJAR/DAY02/SPLINTER", p.unit().orElseThrow().path().toString());
        assertTrue(p.unit().orElseThrow().assignment().isEmpty());
        assertEquals("FX6_A015/SOUND/T01.WAV", p.targets().get("SOUND/T01.WAV"));

        CardPlan alone = planner.plan(null, card, CardPlanRequest.on(DAY).withCard("A015"));
        assertEquals("default", alone.template().name(), "no database, no unit: the engine's default layout");
        assertEquals("A015/SOUND/T01.WAV", alone.targets().get("SOUND/T01.WAV"));
    }

    @Test
    void refusalsNameWhatIsWrong() {
        CartwrightException unassigned = assertThrows(CartwrightException.class,
                () -> planner.plan(store, card, CardPlanRequest.on(DAY).withDevice(99L)));
        assertEquals(ExitCode.USAGE, unassigned.exitCode());
        assertTrue(unassigned.getMessage().contains("Device 99 is not assigned"), unassigned.getMessage());

        Template hostile = Template.of("bad", UnmatchedMode.QUARANTINE,
                Channel.of("camera", "{card}/../{name}", Matcher.regex("(a+)+$")));
        RoutingException invalid = assertThrows(RoutingException.class,
                () -> planner.plan(null, card, CardPlanRequest.on(DAY).withTemplate(hostile)));
        assertEquals(ExitCode.USAGE, invalid.exitCode());
        assertEquals(2, invalid.problems().size(), invalid.getMessage());
        assertTrue(invalid.problems().stream().allMatch(pr -> pr.channel().equals("camera")), invalid.getMessage());

        CartwrightException noChannel = assertThrows(CartwrightException.class,
                () -> planner.plan(store, card, CardPlanRequest.on(DAY).withDevice(7L).withTemplate(
                        Template.of("other", UnmatchedMode.QUARANTINE, Channel.of("camera", "{card}/{path}")))));
        assertTrue(noChannel.getMessage().contains("'sound'") && noChannel.getMessage().contains("assignment"),
                "the device's rule for a channel the edited template lacks: " + noChannel.getMessage());

        Template custom = Template.of("by-shot", UnmatchedMode.IGNORE,
                Channel.of("sound", "{project}/{shot}/{name}", Matcher.extension("wav"))).withTokens(Map.of("shot", ""));
        CardPlan dotdot = planner.plan(store, card, CardPlanRequest.on(DAY).withDevice(7L).withTemplate(custom)
                .withTokens(Map.of("shot", "..")));
        assertFalse(dotdot.plan().executable());
        assertEquals("{shot}", dotdot.plan().problems().get(0).token());
        assertTrue(dotdot.plan().problems().get(0).message().contains("'..'"), dotdot.plan().problems().toString());
        assertEquals(List.of("SOUND/T01.WAV"), dotdot.plan().problems().stream().map(pr -> pr.file()).toList());
        assertTrue(dotdot.plan().entries().stream().map(PlanEntry::destination).noneMatch(d -> d.contains("..")));
    }
}
