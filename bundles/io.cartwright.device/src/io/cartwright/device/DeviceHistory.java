/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.device;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

import io.cartwright.store.Activity;
import io.cartwright.store.ActivityLog;

/**
 * Appends to a device's lifetime history from other parts of Cartwright (a transfer of the card, an
 * assignment to a work unit), inside the caller's write transaction, together with the activity row.
 */
public final class DeviceHistory {

    private DeviceHistory() {
    }

    /**
     * Appends one history row and its activity row ({@code subject_kind = device}).
     *
     * @param kind a short word: {@code transfer}, {@code assignment}, ...
     */
    public static void append(Connection c, long deviceId, String kind, String detail, String actor) throws SQLException {
        Instant now = Instant.now();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO device_event(device, at, kind, actor, detail) VALUES (?,?,?,?,?)")) {
            ps.setLong(1, deviceId);
            ps.setString(2, now.toString());
            ps.setString(3, kind);
            ps.setString(4, actor);
            ps.setString(5, detail == null ? "" : detail);
            ps.executeUpdate();
        }
        ActivityLog.append(c, new Activity(now, actor, "device", Long.toString(deviceId), kind, detail == null ? "" : detail));
    }

    /**
     * Records an event for a device the registry knows, in the caller's transaction; writes nothing
     * and returns false for an id it does not know (e.g. a card assigned before it was ever mounted).
     */
    public static boolean appendIfKnown(Connection c, long deviceId, String kind, String detail, String actor)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM device WHERE id = ?")) {
            ps.setLong(1, deviceId);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
            }
        }
        append(c, deviceId, kind, detail, actor);
        return true;
    }
}
