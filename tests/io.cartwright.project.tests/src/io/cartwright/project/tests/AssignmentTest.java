/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.project.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.core.CartwrightException;
import io.cartwright.project.AssignRequest;
import io.cartwright.project.Assignment;
import io.cartwright.project.ProjectService;
import io.cartwright.project.Settings;
import io.cartwright.project.UnitPath;
import io.cartwright.store.Store;

/** Sticky assignments: reassignment closes the old row and keeps it; the history never loses a row. */
class AssignmentTest {

    @TempDir
    Path dir;

    private Store store;
    private ProjectService projects;

    @BeforeEach
    void open() throws Exception {
        store = Fixtures.open(dir.resolve("show.db"));
        projects = Fixtures.projects();
        ProjectTreeTest.threeDaysTwoUnits(projects, store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Assignment assign(long device, String unit, String role, String operator) {
        return projects.assign(store, new AssignRequest(device, UnitPath.parse(unit), role, "", operator, Settings.INHERIT));
    }

    @Test
    void reassignmentKeepsTheHistory() {
        Assignment first = assign(7, "NIGHTJAR/DAY01/MAIN", "A-CAM", "ana");
        Assignment second = assign(7, "NIGHTJAR/DAY02/SPLINTER", "B-CAM", "ben");
        Assignment third = assign(7, "NIGHTJAR/DAY03/MAIN", "B-CAM", "cleo");
        List<Assignment> history = projects.history(store, 7);
        assertEquals(List.of(first.id(), second.id(), third.id()), history.stream().map(Assignment::id).toList());
        Assignment closed = history.get(0);
        assertFalse(closed.current());
        assertEquals("NIGHTJAR/DAY01/MAIN", closed.unit().toString());
        assertEquals("A-CAM", closed.role());
        assertEquals("ana", closed.operator(), "who assigned it");
        assertEquals("ben", closed.endedBy(), "who moved it");
        assertEquals("reassigned to NIGHTJAR/DAY02/SPLINTER as B-CAM", closed.endReason());
        assertEquals(second.assignedAt(), closed.endedAt());
        assertTrue(closed.assignedAt().isBefore(closed.endedAt()));
        assertTrue(history.get(2).current());
        assertEquals(third, projects.currentAssignment(store, 7).orElseThrow());
        assertEquals(1, Fixtures.activityCount(store, "device.assigned"));
        assertEquals(2, Fixtures.activityCount(store, "device.reassigned"));
        assertEquals(3L, rows("SELECT count(*) FROM assignment WHERE device_id = 7"));
        assertEquals(1L, rows("SELECT count(*) FROM assignment WHERE device_id = 7 AND ended_at IS NULL"));
    }

    @Test
    void assigningTheSameAgainChangesNothing() {
        Assignment a = assign(7, "NIGHTJAR/DAY01/MAIN", "A-CAM", "ana");
        Assignment again = assign(7, "nightjar/day01/main", "A-CAM", "ben");
        assertEquals(a, again);
        assertEquals(1, projects.history(store, 7).size());
        assertEquals(1, Fixtures.activityCount(store, "device.assigned"));
        Assignment newRole = assign(7, "NIGHTJAR/DAY01/MAIN", "B-CAM", "ben");
        assertEquals(2, projects.history(store, 7).size());
        assertEquals("B-CAM", newRole.role());
    }

    @Test
    void releaseClosesWithoutErasing() {
        assign(7, "NIGHTJAR/DAY01/MAIN", "A-CAM", "ana");
        Assignment released = projects.release(store, 7, "ben", "card returned to rental house").orElseThrow();
        assertFalse(released.current());
        assertEquals("card returned to rental house", released.endReason());
        assertTrue(projects.currentAssignment(store, 7).isEmpty());
        assertTrue(projects.recognise(store, 7).isEmpty());
        assertEquals(1, projects.history(store, 7).size());
        assertTrue(projects.release(store, 7, "ben", "").isEmpty());
    }

    @Test
    void devicesAreIndependentAndListedPerProject() {
        assign(7, "NIGHTJAR/DAY01/MAIN", "A-CAM", "ana");
        assign(8, "NIGHTJAR/DAY01/MAIN", "B-CAM", "ana");
        assign(9, "NIGHTJAR/DAY01/SPLINTER", "A-CAM", "ana");
        assign(8, "NIGHTJAR/DAY02/MAIN", "B-CAM", "ana");
        assertEquals(List.of(7L, 9L, 8L), projects.assignments(store, "NIGHTJAR").stream().map(Assignment::deviceId).toList());
        assertEquals(2, projects.history(store, 8).size());
        assertEquals(1, projects.history(store, 7).size());
    }

    @Test
    void badAssignmentsAreRefusedAndWriteNothing() {
        assertThrows(CartwrightException.class, () -> assign(7, "NIGHTJAR/DAY09/MAIN", "A-CAM", "ana"));
        assertThrows(CartwrightException.class, () -> assign(7, "NIGHTJAR", "A-CAM", "ana"));
        assertThrows(CartwrightException.class, () -> assign(7, "NIGHTJAR/DAY01/MAIN", "A/CAM", "ana"));
        assertThrows(CartwrightException.class, () -> assign(7, "NIGHTJAR/DAY01/MAIN", "A-CAM", " "));
        assertThrows(CartwrightException.class, () -> projects.assign(store, new AssignRequest(7,
                UnitPath.parse("NIGHTJAR/DAY01/MAIN"), "A-CAM", "", "ana", Settings.INHERIT.withTemplate("nope"))));
        assertEquals(0L, rows("SELECT count(*) FROM assignment"));
        assertNull(projects.currentAssignment(store, 7).orElse(null));
    }

    @Test
    void theCurrentRowIsUniquePerDeviceInTheSchema() {
        assign(7, "NIGHTJAR/DAY01/MAIN", "A-CAM", "ana");
        RuntimeException e = assertThrows(RuntimeException.class, () -> store.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO assignment(device_id, project, work_unit, role, operator, "
                    + "assigned_at) SELECT device_id, project, work_unit, role, operator, assigned_at FROM assignment")) {
                return ps.executeUpdate();
            }
        }));
        assertTrue(e.getMessage().contains("UNIQUE"), e.getMessage());
        assertEquals(1, projects.history(store, 7).size());
    }

    private long rows(String sql) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void aRegisteredCardKeepsItsAssignmentsInItsLifetimeHistory() {
        long known = store.write(c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("INSERT INTO device(first_seen, last_seen) VALUES ('2026-11-23T08:00:00Z', '2026-11-23T08:00:00Z')");
                try (var rs = st.executeQuery("SELECT last_insert_rowid()")) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        assign(known, "NIGHTJAR/DAY01/MAIN", "A-CAM", "ana");
        assign(known, "NIGHTJAR/DAY02/SPLINTER", "B-CAM", "ben");
        projects.release(store, known, "cleo", "wrapped");
        assertEquals(List.of("device.assigned", "device.reassigned", "device.released"), deviceEvents(known));

        // A card the registry has never seen is still assigned, with its activity row, but has no history.
        long before = Fixtures.activityCount(store, "device.assigned");
        assign(7, "NIGHTJAR/DAY01/MAIN", "A-CAM", "ana");
        assertEquals(List.of(), deviceEvents(7));
        assertEquals(before + 1, Fixtures.activityCount(store, "device.assigned"));
    }

    private List<String> deviceEvents(long device) {
        return store.read(c -> {
            try (var ps = c.prepareStatement("SELECT kind FROM device_event WHERE device = ? ORDER BY id")) {
                ps.setLong(1, device);
                List<String> kinds = new java.util.ArrayList<>();
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        kinds.add(rs.getString(1));
                    }
                }
                return kinds;
            }
        });
    }
}
