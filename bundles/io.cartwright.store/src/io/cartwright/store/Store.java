/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.store;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One Cartwright database: a SQLite file in WAL mode with its schema migrated to the newest version.
 * Writes are serialised through one writer connection and each {@link #write} is one transaction,
 * so a state change and its activity row commit together or not at all. Reads use their own
 * connection and may run concurrently with a write. Thread-safe.
 */
@ProviderType
public interface Store extends AutoCloseable {

    /** The database file. */
    Path file();

    /** Schema version the file is at (the number of the last applied migration). */
    int schemaVersion();

    /** Runs {@code work} on a read connection (autocommit, consistent per statement). */
    <T> T read(SqlWork<T> work);

    /**
     * Runs {@code work} in one write transaction on the single writer connection; commits when it
     * returns, rolls back when it throws.
     */
    <T> T write(SqlWork<T> work);

    /** Appends to the activity log in its own transaction (use {@link ActivityLog#append} inside a write). */
    default void log(Activity entry) {
        write(c -> {
            ActivityLog.append(c, entry);
            return null;
        });
    }

    @Override
    void close();
}
