/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads and appends the {@code activity} table. Rows are never updated or deleted. */
public final class ActivityLog {

    private ActivityLog() {
    }

    /** Appends inside the caller's transaction, so the row commits with the change it records. */
    public static void append(Connection c, Activity a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO activity(at, actor, subject_kind, subject_id, action, detail) VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, a.at().toString());
            ps.setString(2, a.actor());
            ps.setString(3, a.subjectKind());
            ps.setString(4, a.subjectId());
            ps.setString(5, a.action());
            ps.setString(6, a.detail());
            ps.executeUpdate();
        }
    }

    /** The newest {@code limit} rows, newest first. */
    public static List<Activity> recent(Store store, int limit) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT at, actor, subject_kind, subject_id, action, detail FROM activity ORDER BY id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                List<Activity> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Activity(Instant.parse(rs.getString(1)), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6)));
                    }
                }
                return rows;
            }
        });
    }
}
