/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.project.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.core.CartwrightException;
import io.cartwright.core.ExitCode;
import io.cartwright.project.AssignRequest;
import io.cartwright.project.AutoOffload;
import io.cartwright.project.ChannelRule;
import io.cartwright.project.ProjectService;
import io.cartwright.project.ResolvedSettings;
import io.cartwright.project.Settings;
import io.cartwright.project.UnitContext;
import io.cartwright.project.UnitKind;
import io.cartwright.project.UnitPath;
import io.cartwright.project.WorkUnit;
import io.cartwright.routing.ChannelConflictPolicy;
import io.cartwright.store.Store;

/** A project of 3 days x 2 units, the tree, and settings inherited and overridden. */
class ProjectTreeTest {

    @TempDir
    Path dir;

    private Store store;
    private ProjectService projects;

    @BeforeEach
    void open() throws Exception {
        store = Fixtures.open(dir.resolve("show.db"));
        projects = Fixtures.projects();
    }

    @AfterEach
    void close() {
        store.close();
    }

    static void threeDaysTwoUnits(ProjectService projects, Store store) {
        projects.createProject(store, "NIGHTJAR", "feature", Settings.INHERIT.withHashes(List.of("xxh3", "MD5"))
                .withDestinations(List.of("/raid/NIGHTJAR", "/backup/NIGHTJAR")).withRetentionDays(30)
                .withAutoOffload(AutoOffload.CONFIRM).withTokens(Map.of("show", "NJ", "vendor", "ACME")), "dit");
        for (int d = 1; d <= 3; d++) {
            String day = "DAY0" + d;
            projects.addUnit(store, UnitPath.of("NIGHTJAR", day), UnitKind.DAY, Settings.INHERIT, "dit");
            projects.addUnit(store, UnitPath.of("NIGHTJAR", day, "MAIN"), UnitKind.UNIT, Settings.INHERIT, "dit");
            projects.addUnit(store, UnitPath.of("NIGHTJAR", day, "SPLINTER"), UnitKind.UNIT, Settings.INHERIT, "dit");
        }
    }

    @Test
    void theTreeInOrderWithPathsAndDepths() {
        threeDaysTwoUnits(projects, store);
        List<WorkUnit> units = projects.units(store, "NIGHTJAR");
        assertEquals(List.of("NIGHTJAR/DAY01", "NIGHTJAR/DAY01/MAIN", "NIGHTJAR/DAY01/SPLINTER", "NIGHTJAR/DAY02",
                "NIGHTJAR/DAY02/MAIN", "NIGHTJAR/DAY02/SPLINTER", "NIGHTJAR/DAY03", "NIGHTJAR/DAY03/MAIN", "NIGHTJAR/DAY03/SPLINTER"),
                units.stream().map(u -> u.path().toString()).toList());
        assertEquals(List.of(1, 2, 2, 1, 2, 2, 1, 2, 2), units.stream().map(WorkUnit::depth).toList());
        assertEquals(UnitKind.DAY, units.get(3).kind());
        assertEquals(units.get(3).id(), units.get(4).parentId());
        assertEquals("NIGHTJAR/DAY02/MAIN", projects.unit(store, UnitPath.parse("nightjar/day02/main")).orElseThrow().path().toString(),
                "names are found ignoring case and returned as stored");
        assertEquals(9, Fixtures.activityCount(store, "unit.added"));
        assertEquals(1, Fixtures.activityCount(store, "project.created"));
    }

    @Test
    void unitsNestToAnyDepth() {
        threeDaysTwoUnits(projects, store);
        UnitPath deep = UnitPath.of("NIGHTJAR", "DAY01", "MAIN", "STAGE 4", "A-CAM", "STEADICAM");
        projects.addUnit(store, deep.parent().parent(), UnitKind.LOCATION, Settings.INHERIT, "dit");
        projects.addUnit(store, deep.parent(), UnitKind.CAMERA, Settings.INHERIT, "dit");
        WorkUnit leaf = projects.addUnit(store, deep, UnitKind.OTHER, Settings.INHERIT, "dit");
        assertEquals(5, leaf.depth());
        UnitContext ctx = projects.context(store, deep);
        assertEquals(5, ctx.units().size());
        var tokens = ctx.tokens("A001", java.time.LocalDate.of(2026, 6, 17), "");
        assertEquals("DAY01", tokens.day());
        assertEquals("MAIN", tokens.unit());
        assertEquals("A-CAM", tokens.cam(), "the nearest camera unit");
        assertEquals(List.of("DAY01", "MAIN", "STAGE 4", "A-CAM", "STEADICAM"), tokens.wu());
    }

    @Test
    void badNamesAndMissingParentsAreRefused() {
        threeDaysTwoUnits(projects, store);
        for (String bad : List.of("CON", "a:b", "DAY.", "x".repeat(101), " lead", "LPT1.txt")) {
            CartwrightException e = assertThrows(CartwrightException.class,
                    () -> projects.addUnit(store, UnitPath.of("NIGHTJAR", bad), UnitKind.DAY, Settings.INHERIT, "dit"), bad);
            assertEquals(ExitCode.USAGE, e.exitCode());
        }
        CartwrightException dup = assertThrows(CartwrightException.class,
                () -> projects.addUnit(store, UnitPath.of("NIGHTJAR", "day01"), UnitKind.DAY, Settings.INHERIT, "dit"));
        assertTrue(dup.getMessage().contains("exists already"), dup.getMessage());
        CartwrightException orphan = assertThrows(CartwrightException.class,
                () -> projects.addUnit(store, UnitPath.of("NIGHTJAR", "DAY09", "MAIN"), UnitKind.UNIT, Settings.INHERIT, "dit"));
        assertTrue(orphan.getMessage().contains("'NIGHTJAR/DAY09' does not exist"), orphan.getMessage());
        assertThrows(CartwrightException.class, () -> projects.createProject(store, "nightjar", "", Settings.INHERIT, "dit"));
        assertThrows(CartwrightException.class, () -> projects.createProject(store, "A/B", "", Settings.INHERIT, "dit"));
        CartwrightException hash = assertThrows(CartwrightException.class,
                () -> projects.createProject(store, "OTHER", "", Settings.INHERIT.withHashes(List.of("crc32")), "dit"));
        assertTrue(hash.getMessage().contains("crc32"), hash.getMessage());
        assertThrows(CartwrightException.class, () -> projects.createProject(store, "OTHER", "",
                Settings.INHERIT.withSourceRoots(List.of("../etc")), "dit"));
    }

    @Test
    void unitOverridesProjectAndAssignmentOverridesUnit() {
        threeDaysTwoUnits(projects, store);
        // Day 2 starts offloads on mount and changes the camera channel; its splinter unit adds a backup.
        projects.updateUnit(store, UnitPath.of("NIGHTJAR", "DAY02"), s -> s.withAutoOffload(AutoOffload.ON_MOUNT)
                .withChannelRule("camera", new ChannelRule("{project}/D2/{name}", null)).withTokens(Map.of("vendor", "LAB2")), "dit");
        projects.updateUnit(store, UnitPath.of("NIGHTJAR", "DAY02", "SPLINTER"),
                s -> s.withDestinations(List.of("/raid/NIGHTJAR", "/backup/NIGHTJAR", "/shuttle/S1")), "dit");
        UnitContext unit = projects.context(store, UnitPath.of("NIGHTJAR", "DAY02", "SPLINTER"));
        ResolvedSettings r = unit.settings();
        assertEquals(AutoOffload.ON_MOUNT, r.autoOffload());
        assertEquals("unit NIGHTJAR/DAY02", r.origin("autoOffload"));
        assertEquals(List.of("/raid/NIGHTJAR", "/backup/NIGHTJAR", "/shuttle/S1"), r.effective().destinations());
        assertEquals("unit NIGHTJAR/DAY02/SPLINTER", r.origin("destinations"));
        assertEquals(List.of("xxh3", "md5"), r.effective().hashes(), "from the project, normalised");
        assertEquals("project NIGHTJAR", r.origin("hashes"));
        assertEquals(30, r.effective().retentionDays());
        assertEquals(Map.of("show", "NJ", "vendor", "LAB2"), r.effective().tokens(), "merged key by key");
        assertEquals("unit NIGHTJAR/DAY02", r.origin("tokens.vendor"));
        assertEquals("project NIGHTJAR", r.origin("tokens.show"));
        assertNull(r.effective().template());
        assertEquals("default", r.origin("template"));

        // The device on that unit changes only the conflict policy of the camera channel and the rule.
        projects.assign(store, new AssignRequest(41, UnitPath.of("NIGHTJAR", "DAY02", "SPLINTER"), "B-CAM", "B", "dit",
                Settings.INHERIT.withAutoOffload(AutoOffload.MANUAL)
                        .withChannelRule("camera", new ChannelRule(null, ChannelConflictPolicy.VERSION))));
        ResolvedSettings d = projects.recognise(store, 41).orElseThrow().settings();
        assertEquals(AutoOffload.MANUAL, d.autoOffload());
        assertTrue(d.origin("autoOffload").startsWith("assignment "), d.origin("autoOffload"));
        assertEquals(new ChannelRule("{project}/D2/{name}", ChannelConflictPolicy.VERSION), d.effective().channelRules().get("camera"),
                "destination from the day, policy from the device");
        assertEquals(List.of("/raid/NIGHTJAR", "/backup/NIGHTJAR", "/shuttle/S1"), d.effective().destinations());

        // Other days keep the project's defaults.
        ResolvedSettings day1 = projects.context(store, UnitPath.of("NIGHTJAR", "DAY01", "MAIN")).settings();
        assertEquals(AutoOffload.CONFIRM, day1.autoOffload());
        assertEquals("project NIGHTJAR", day1.origin("autoOffload"));
        assertEquals(List.of("/raid/NIGHTJAR", "/backup/NIGHTJAR"), day1.effective().destinations());
        assertEquals(ResolvedSettings.DEFAULTS.autoOffload(), projects.context(store, UnitPath.of("NIGHTJAR")).settings()
                .autoOffload());
    }

    @Test
    void settingsChangesAreLoggedAsTheOptionsThatMakeThem() {
        threeDaysTwoUnits(projects, store);
        projects.updateUnit(store, UnitPath.of("NIGHTJAR", "DAY02"), s -> s.withAutoOffload(AutoOffload.ON_MOUNT)
                .withChannelRule("camera", new ChannelRule("{project}/D2/{name}", ChannelConflictPolicy.VERSION))
                .withTokens(Map.of("vendor", "LAB2")), "dit");
        projects.updateProject(store, "NIGHTJAR", s -> Settings.INHERIT, "dit");
        assertEquals(List.of("NIGHTJAR/DAY02: auto=on-mount  {vendor}=LAB2  channel camera={project}/D2/{name} (version)"),
                Fixtures.activityDetails(store, "unit.settings"));
        assertEquals(List.of("(inherits everything)"), Fixtures.activityDetails(store, "project.settings"));
        assertEquals("to=/raid/NIGHTJAR,/backup/NIGHTJAR  hash=xxh3,md5  retention=30d", Settings.INHERIT
                .withRetentionDays(30).withHashes(List.of("xxh3", "md5")).withDestinations(List.of("/raid/NIGHTJAR", "/backup/NIGHTJAR"))
                .summary(), "in a fixed order, whatever order they were set in");
        assertEquals("", Settings.INHERIT.summary());
    }

    @Test
    void projectsListAndShow() {
        threeDaysTwoUnits(projects, store);
        projects.createProject(store, "COMMERCIAL", "", Settings.INHERIT, "dit");
        assertEquals(List.of("COMMERCIAL", "NIGHTJAR"), projects.projects(store).stream().map(p -> p.name()).toList());
        var p = projects.project(store, "NIGHTJAR").orElseThrow();
        assertEquals(Map.of("show", "NJ", "vendor", "ACME"), p.defaults().tokens());
        assertEquals(AutoOffload.CONFIRM, p.defaults().autoOffload());
    }
}
