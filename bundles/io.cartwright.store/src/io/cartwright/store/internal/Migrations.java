/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema, as an ordered list of SQL scripts. Script N brings the file from {@code user_version}
 * N-1 to N. Scripts are append-only: a released script is never edited, a change is a new script.
 */
public final class Migrations {

    /** In order; the position (1-based) is the schema version the script produces. */
    public static final List<String> SCRIPTS = List.of(
            "V001__activity.sql",
            "V002__transfer.sql",
            "V003__devices.sql",
            "V004__projects.sql");

    private Migrations() {
    }

    static int latestVersion() {
        return SCRIPTS.size();
    }

    /**
     * Applies every script above the file's current version, each in its own transaction together
     * with its {@code user_version} bump, so a crash leaves the file at a whole version.
     *
     * @return the version the file is at afterwards
     */
    static int migrate(Connection c) throws SQLException {
        int current = userVersion(c);
        if (current > latestVersion()) {
            throw new SQLException("database schema version " + current
                    + " is newer than this Cartwright understands (" + latestVersion() + ")");
        }
        for (int v = current + 1; v <= latestVersion(); v++) {
            String script = load(SCRIPTS.get(v - 1));
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (String sql : statements(script)) {
                    st.executeUpdate(sql);
                }
                st.executeUpdate("PRAGMA user_version = " + v);
                st.executeUpdate("INSERT INTO activity(at, actor, subject_kind, subject_id, action, detail) "
                        + "VALUES (strftime('%Y-%m-%dT%H:%M:%fZ','now'), 'store', 'store', 'schema', 'migrated', '"
                        + SCRIPTS.get(v - 1) + "')");
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw new SQLException("migration " + SCRIPTS.get(v - 1) + " failed: " + e.getMessage(), e);
            } finally {
                c.setAutoCommit(auto);
            }
        }
        return userVersion(c);
    }

    static int userVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); var rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static String load(String name) throws SQLException {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + name)) {
            if (in == null) {
                throw new SQLException("migration script " + name + " is missing from the store bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("cannot read migration script " + name, e);
        }
    }

    /**
     * Splits a script into statements at semicolons that end a line. Scripts keep trigger bodies
     * (which contain inner semicolons) out of the schema for this reason; use CHECKs and views.
     */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            String code = stripComment(line);
            current.append(code).append('\n');
            if (code.strip().endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private static String stripComment(String line) {
        int i = line.indexOf("--");
        return i < 0 ? line : line.substring(0, i);
    }
}
