/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;

import io.cartwright.cli.ServiceLookup;
import io.cartwright.store.Store;
import io.cartwright.store.StoreManager;

/** What every command gets: the services, the output streams, and the database it works on. */
public record CommandContext(ServiceLookup services, PrintStream out, PrintStream err) {

    /** Opens the database named by {@code --db}, else the default ({@code CARTWRIGHT_DB} or XDG). */
    public Store store(GlobalOptions options) {
        StoreManager manager = services.get(StoreManager.class);
        Path db = options.db();
        return db != null ? manager.open(db) : manager.openDefault();
    }
}
