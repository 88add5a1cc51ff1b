/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.project.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.project.AssignRequest;
import io.cartwright.project.AutoOffload;
import io.cartwright.project.ChannelRule;
import io.cartwright.project.ProjectService;
import io.cartwright.project.Settings;
import io.cartwright.project.UnitContext;
import io.cartwright.project.UnitPath;
import io.cartwright.routing.PlanEntry;
import io.cartwright.routing.RoutePlan;
import io.cartwright.routing.RoutingService;
import io.cartwright.routing.Template;
import io.cartwright.routing.spi.SourceLayout;
import io.cartwright.store.Store;

/**
 * The acceptance story without the device registry: a project of 3 days x 2 units, four cards
 * (fixture card trees on disk standing in for mounts) assigned to units with their own overrides;
 * the database is closed and opened again, and one card, known only by its device id, brings back
 * its unit, routing, overrides and auto-offload rule, and plans where every file goes.
 */
class RemountTest {

    @TempDir
    Path dir;

    @Test
    void aRemountedCardBringsItsRoutingOverridesAndAutoOffloadRuleBack() throws Exception {
        Path cards = dir.resolve("media");
        Fixtures.write(cards.resolve("FX6_A015"), "PRIVATE/XDROOT/Clip/A015C001_2606170J.MXF",
                "PRIVATE/XDROOT/Clip/A015C001_2606170JM01.XML", "PRIVATE/XDROOT/MEDIAPRO.XML");
        Fixtures.write(cards.resolve("RED_B001"), "B001_0617AB.RDM/B001_C001_0617XY.RDC/B001_C001_0617XY_001.R3D");
        Fixtures.write(cards.resolve("SD_664"), "DAY02/S001T01.WAV", "DAY02/DAY02.csv");
        Fixtures.write(cards.resolve("A7_C"), "PRIVATE/M4ROOT/CLIP/C0001.MP4", "PRIVATE/M4ROOT/CLIP/C0001M01.XML",
                "PRIVATE/M4ROOT/MEDIAPRO.XML", "DCIM/100MSDCF/DSC00001.JPG");

        Store store = Fixtures.open(dir.resolve("show.db"));
        ProjectService projects = Fixtures.projects();
        projects.saveTemplate(store, TemplateStoreTest.DAILIES, false, "dit");
        ProjectTreeTest.threeDaysTwoUnits(projects, store);
        projects.updateProject(store, "NIGHTJAR", s -> s.withTemplate("dailies"), "dit");
        projects.assign(store, new AssignRequest(101, UnitPath.parse("NIGHTJAR/DAY01/MAIN"), "A-CAM", "A", "ana", Settings.INHERIT));
        projects.assign(store, new AssignRequest(102, UnitPath.parse("NIGHTJAR/DAY01/SPLINTER"), "B-CAM", "B", "ana",
                Settings.INHERIT.withAutoOffload(AutoOffload.ON_MOUNT)));
        projects.assign(store, new AssignRequest(103, UnitPath.parse("NIGHTJAR/DAY02/MAIN"), "SOUND", "", "ana", Settings.INHERIT));
        projects.assign(store, new AssignRequest(104, UnitPath.parse("NIGHTJAR/DAY03/SPLINTER"), "C-CAM", "C", "ana",
                Settings.INHERIT.withAutoOffload(AutoOffload.ON_MOUNT).withSourceRoots(List.of("PRIVATE/M4ROOT/CLIP"))
                        .withDestinations(List.of("/raid/NIGHTJAR", "/shuttle/S3"))
                        .withChannelRule("camera", new ChannelRule("{project}/{date:yyyyMMdd}/{unit}/{role}/{relpath}", null))));

        // The card is unplugged, the application restarts, the card comes back: only its id is known.
        store = Fixtures.reopen(store);
        ProjectService afterRestart = Fixtures.projects();
        UnitContext ctx = afterRestart.recognise(store, 104).orElseThrow();
        assertEquals("NIGHTJAR/DAY03/SPLINTER", ctx.path().toString());
        assertEquals("C-CAM", ctx.assignment().orElseThrow().role());
        assertEquals(AutoOffload.ON_MOUNT, ctx.settings().autoOffload());
        assertEquals(List.of("PRIVATE/M4ROOT/CLIP"), ctx.settings().sourceRoots());
        assertEquals(List.of("/raid/NIGHTJAR", "/shuttle/S3"), ctx.settings().effective().destinations());
        assertEquals(List.of("xxh3", "md5"), ctx.settings().effective().hashes(), "the project's hashes");
        assertEquals("project NIGHTJAR", ctx.settings().origin("template"));

        RoutingService routing = Fixtures.service(RoutingService.class);
        Template template = afterRestart.effectiveTemplate(store, ctx, null);
        assertEquals("dailies", template.name());
        // No layout provider here (they live in the camera bundles): the device's source roots alone.
        SourceLayout layout = SourceLayout.none().withSourceRoots(ctx.settings().sourceRoots());
        RoutePlan plan = routing.plan(cards.resolve("A7_C"), template, ctx.tokens("A7_C", LocalDate.of(2026, 6, 19), ""), layout);
        assertTrue(plan.executable(), plan.problems().toString());
        Map<String, String> where = new java.util.TreeMap<>();
        for (PlanEntry e : plan.copies()) {
            where.put(e.source(), e.channel() + " " + e.destination());
        }
        assertEquals(Map.of(
                "PRIVATE/M4ROOT/CLIP/C0001.MP4", "quarantine _QUARANTINE/A7_C/PRIVATE/M4ROOT/CLIP/C0001.MP4",
                "PRIVATE/M4ROOT/CLIP/C0001M01.XML", "quarantine _QUARANTINE/A7_C/PRIVATE/M4ROOT/CLIP/C0001M01.XML",
                "PRIVATE/M4ROOT/MEDIAPRO.XML", "quarantine _QUARANTINE/A7_C/PRIVATE/M4ROOT/MEDIAPRO.XML",
                "DCIM/100MSDCF/DSC00001.JPG", "quarantine _QUARANTINE/A7_C/DCIM/100MSDCF/DSC00001.JPG"), where,
                "the dailies template takes mxf/mov, not this card's mp4: everything is quarantined, nothing dropped");

        io.cartwright.routing.Channel camera = template.channel("camera").orElseThrow();
        Template withMp4 = template.withChannel(new io.cartwright.routing.Channel("camera",
                List.of(io.cartwright.routing.Matcher.extension("mp4")), List.of(), camera.destination(), camera.conflict()));
        RoutePlan mp4 = routing.plan(cards.resolve("A7_C"), withMp4, ctx.tokens("A7_C", LocalDate.of(2026, 6, 19), ""), layout);
        assertEquals("NIGHTJAR/20260619/SPLINTER/C-CAM/C0001.MP4", mp4.entries().get(0).destination(),
                "the device's channel rule and source root shape the path");

        // The other cards come back too, each with its own unit and rule.
        assertEquals(AutoOffload.ON_MOUNT, afterRestart.recognise(store, 102).orElseThrow().settings().autoOffload());
        assertEquals(AutoOffload.CONFIRM, afterRestart.recognise(store, 101).orElseThrow().settings().autoOffload());
        UnitContext sound = afterRestart.recognise(store, 103).orElseThrow();
        RoutePlan soundPlan = routing.plan(cards.resolve("SD_664"), afterRestart.effectiveTemplate(store, sound, null),
                sound.tokens("SD_664", LocalDate.of(2026, 6, 18), ""), SourceLayout.none());
        assertEquals(List.of("NIGHTJAR/DAY02/REPORTS/NJ_DAY02.csv", "NIGHTJAR/DAY02/SOUND/SD_664/DAY02/S001T01.WAV"),
                soundPlan.entries().stream().map(PlanEntry::destination).toList());
        UnitContext a = afterRestart.recognise(store, 101).orElseThrow();
        RoutePlan aPlan = routing.plan(cards.resolve("FX6_A015"), afterRestart.effectiveTemplate(store, a, null),
                a.tokens("FX6_A015", LocalDate.of(2026, 6, 17), ""), SourceLayout.none().withSourceRoots(List.of("PRIVATE/XDROOT")));
        assertEquals("NIGHTJAR/DAY01/MAIN/A/FX6_A015/Clip/A015C001_2606170J.MXF", aPlan.entries().get(0).destination());
        store.close();
    }
}
