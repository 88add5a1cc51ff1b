/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import io.cartwright.store.SqlWork;
import io.cartwright.store.Store;
import io.cartwright.store.StoreException;

/**
 * A SQLite file in WAL mode. One writer connection behind a lock (SQLite allows one writer anyway;
 * queueing in-process avoids SQLITE_BUSY storms), and a small pool of read connections that WAL lets
 * run alongside the writer.
 */
public final class SqliteStore implements Store {

    private static final int READERS = 4;

    private final Path file;
    private final SQLiteDataSource dataSource;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Connection writer;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final int schemaVersion;
    private volatile boolean closed;

    private SqliteStore(Path file, SQLiteDataSource dataSource, Connection writer, int schemaVersion) {
        this.file = file;
        this.dataSource = dataSource;
        this.writer = writer;
        this.schemaVersion = schemaVersion;
    }

    /** Opens or creates {@code file}, creating parent folders, and migrates it to the newest schema. */
    public static SqliteStore open(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            Path parent = abs.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot create the folder for the database " + abs + ": " + e.getMessage()
                    + ". Choose another location with --db or CARTWRIGHT_DB.", e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL in WAL mode never corrupts the file; a power cut may lose the newest commits, which
        // the transfer engine survives because it re-verifies anything not journalled as done.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(15_000);
        config.enforceForeignKeys(true);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + abs);
        Connection w = null;
        try {
            w = ds.getConnection();
            int version = Migrations.migrate(w);
            w.setAutoCommit(false);
            return new SqliteStore(abs, ds, StatementCache.wrap(w), version);
        } catch (SQLException e) {
            if (w != null) {
                try {
                    w.close();
                } catch (SQLException ignored) {
                    // the open failure is what the user needs to see
                }
            }
            throw new StoreException("Cannot open the database " + abs + ": " + e.getMessage()
                    + ". Check that the file is a Cartwright database and the folder is writable.", e);
        }
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public int schemaVersion() {
        return schemaVersion;
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        ensureOpen();
        Connection c = readers.poll();
        try {
            if (c == null) {
                c = dataSource.getConnection();
            }
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("Database read failed (" + file + "): " + e.getMessage(), e);
        } finally {
            if (c != null && (closed || !readers.offer(c))) {
                closeQuietly(c);
            }
        }
    }

    @Override
    public <T> T write(SqlWork<T> work) {
        ensureOpen();
        writeLock.lock();
        try {
            T result = work.run(writer);
            writer.commit();
            return result;
        } catch (SQLException e) {
            rollback(e);
            throw new StoreException("Database write failed (" + file + "): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollback(e);
            throw e;
        } finally {
            writeLock.unlock();
        }
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        writeLock.lock();
        try {
            closeQuietly(writer);
            Connection c;
            while ((c = readers.poll()) != null) {
                closeQuietly(c);
            }
        } finally {
            writeLock.unlock();
        }
    }

    private void rollback(Exception cause) {
        try {
            writer.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("The database " + file + " is closed.");
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing is best effort; the data is already committed or rolled back
        }
    }
}
