/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.store.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import io.cartwright.core.DataLocations;
import io.cartwright.store.Store;
import io.cartwright.store.StoreManager;

/** Keeps one open {@link SqliteStore} per database file for the life of the framework. */
@Component(service = StoreManager.class)
public final class StoreManagerImpl implements StoreManager {

    private final Map<Path, SqliteStore> open = new HashMap<>();

    @Activate
    public StoreManagerImpl() {
    }

    @Override
    public Path defaultLocation() {
        return DataLocations.fromEnvironment().database();
    }

    @Override
    public synchronized Store open(Path file) {
        Path key = file.toAbsolutePath().normalize();
        SqliteStore store = open.get(key);
        // A caller may have closed its store; the next caller gets a fresh one, never a closed one.
        if (store == null || store.isClosed()) {
            store = SqliteStore.open(key);
            open.put(key, store);
        }
        return store;
    }

    @Deactivate
    synchronized void closeAll() {
        open.values().forEach(SqliteStore::close);
        open.clear();
    }
}
