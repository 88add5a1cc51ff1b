/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.cartwright.store.Activity;
import io.cartwright.store.ActivityLog;
import io.cartwright.store.Store;
import io.cartwright.store.StoreException;
import io.cartwright.store.StoreManager;
import io.cartwright.store.internal.SqliteStore;

/** Real SQLite files in a temporary folder, opened through the DS service where it matters. */
class SqliteStoreTest {

    /** The schema version a new file reaches: the number of migration scripts. */
    private static final int LATEST = io.cartwright.store.internal.Migrations.SCRIPTS.size();

    @TempDir
    Path dir;

    @Test
    void migratesANewFileAndRecordsItInTheActivityLog() throws Exception {
        Path file = dir.resolve("nested/folder/show.db");
        try (Store store = SqliteStore.open(file)) {
            assertTrue(Files.isRegularFile(file), "database file created with its folders");
            assertEquals(LATEST, store.schemaVersion());
            List<Activity> rows = ActivityLog.recent(store, 100);
            assertEquals(LATEST, rows.size(), "one activity row per migration");
            assertTrue(rows.stream().allMatch(r -> r.action().equals("migrated")));
            assertEquals("V001__activity.sql", rows.get(rows.size() - 1).detail(), "oldest first applied");
        }
        // The file is the user's: any SQLite client sees the schema and the WAL mode.
        try (Connection c = raw(file); Statement st = c.createStatement()) {
            assertEquals(LATEST, single(st, "PRAGMA user_version"));
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertEquals("wal", rs.getString(1));
            }
        }
    }

    @Test
    void reopeningDoesNotMigrateTwice() {
        Path file = dir.resolve("a.db");
        SqliteStore.open(file).close();
        try (Store store = SqliteStore.open(file)) {
            long migrations = store.read(c -> {
                try (Statement st = c.createStatement()) {
                    return single(st, "SELECT count(*) FROM activity WHERE action = 'migrated'");
                }
            });
            assertEquals(LATEST, migrations);
        }
    }

    @Test
    void aFailedWriteRollsBackEverything() {
        try (Store store = SqliteStore.open(dir.resolve("b.db"))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.write(c -> {
                ActivityLog.append(c, Activity.now("test", "job", "1", "started", ""));
                throw new IllegalStateException("boom");
            }));
            assertEquals("boom", e.getMessage());
            assertEquals(LATEST, ActivityLog.recent(store, 100).size(), "only the migration rows remain");
            store.log(Activity.now("test", "job", "1", "started", "second try"));
            assertEquals("second try", ActivityLog.recent(store, 1).get(0).detail());
        }
    }

    @Test
    void aNewerSchemaIsRefusedWithAClearMessage() throws Exception {
        Path file = dir.resolve("future.db");
        SqliteStore.open(file).close();
        try (Connection c = raw(file); Statement st = c.createStatement()) {
            st.executeUpdate("PRAGMA user_version = 999");
        }
        StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(file));
        assertTrue(e.getMessage().contains("newer than this Cartwright understands"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedAndLeftAlone() throws Exception {
        Path file = dir.resolve("notes.db");
        byte[] content = "these are my notes, not a database. ".repeat(200).getBytes();
        Files.write(file, content);
        StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(file));
        assertTrue(e.getMessage().startsWith("Cannot open the database " + file), e.getMessage());
        assertTrue(java.util.Arrays.equals(content, Files.readAllBytes(file)), "the file must not be modified");
    }

    @Test
    void writesReuseTheirPreparedStatementsWithFreshParameters() {
        try (Store store = SqliteStore.open(dir.resolve("cache.db"))) {
            List<PreparedStatement> compiled = new ArrayList<>();
            for (String id : List.of("f0", "f1", "f2")) {
                store.write(c -> insertCached(c, compiled, id, "detail " + id));
            }
            assertSame(compiled.get(0), compiled.get(1), "compiled once, used again");
            assertSame(compiled.get(0), compiled.get(2));
            // A statement's next user starts with no parameters: one it forgets is NULL, not the last value.
            assertThrows(StoreException.class, () -> store.write(c -> insertCached(c, compiled, "f3", null)));
            // A query left after its first row starts from the top on its next use.
            String select = "SELECT subject_id FROM activity WHERE action = 'cached' ORDER BY id";
            for (int i = 0; i < 2; i++) {
                assertEquals("f0", store.write(c -> {
                    try (PreparedStatement ps = c.prepareStatement(select); ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getString(1);
                    }
                }));
            }
            // After a failure and its rollback, the same statement works in the next transaction.
            assertThrows(StoreException.class, () -> store.write(c -> {
                insertCached(c, compiled, "f4", "rolled back");
                return insertCached(c, compiled, "f5", null);
            }));
            store.write(c -> insertCached(c, compiled, "f6", "after"));
            List<String> rows = store.read(c -> {
                List<String> all = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT subject_id || ':' || detail FROM activity WHERE action = 'cached' ORDER BY id");
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        all.add(rs.getString(1));
                    }
                }
                return all;
            });
            assertEquals(List.of("f0:detail f0", "f1:detail f1", "f2:detail f2", "f6:after"), rows);
        }
    }

    /** Inserts an activity row; a null {@code detail} is left unbound. Records the driver's statement. */
    private static int insertCached(Connection c, List<PreparedStatement> compiled, String id, String detail)
            throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO activity(at, actor, subject_kind, subject_id, action, detail) VALUES (?,?,?,?,?,?)")) {
            compiled.add(ps.unwrap(PreparedStatement.class));
            ps.setString(1, "2026-12-02T00:00:00Z");
            ps.setString(2, "test");
            ps.setString(3, "file");
            ps.setString(4, id);
            ps.setString(5, "cached");
            if (detail != null) {
                ps.setString(6, detail);
            }
            return ps.executeUpdate();
        }
    }

    @Test
    void readsSeeCommittedWritesFromAnotherConnection() {
        try (Store store = SqliteStore.open(dir.resolve("c.db"))) {
            for (int i = 0; i < 50; i++) {
                store.log(Activity.now("test", "file", "f" + i, "state.done", ""));
            }
            assertEquals(50 + LATEST, ActivityLog.recent(store, 1000).size());
            assertEquals("f49", ActivityLog.recent(store, 1).get(0).subjectId());
        }
    }

    @Test
    void theStoreManagerServiceSharesOneStorePerFile() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(SqliteStoreTest.class).getBundleContext();
        ServiceTracker<StoreManager, StoreManager> tracker = new ServiceTracker<>(context, StoreManager.class, null);
        tracker.open();
        StoreManager manager = tracker.waitForService(10_000);
        assertNotNull(manager, "StoreManager DS service");
        Path file = dir.resolve("service.db");
        Store a = manager.open(file);
        Store b = manager.open(dir.resolve("./service.db"));
        assertSame(a, b);
        assertEquals(file.toAbsolutePath().normalize(), a.file());
        assertTrue(manager.defaultLocation().toString().endsWith(".db"));
        tracker.close();
    }

    /** A plain connection, as any SQLite client would open the file (DriverManager does not see OSGi drivers). */
    private static Connection raw(Path file) throws java.sql.SQLException {
        org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file);
        return ds.getConnection();
    }

    private static long single(Statement st, String sql) throws java.sql.SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
