/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.store;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Opens Cartwright databases. One {@link Store} per file is kept open and shared; the CLI opens the
 * file named by {@code --db}, everything else the {@link #defaultLocation()}.
 */
@ProviderType
public interface StoreManager {

    /**
     * Where the database lives unless told otherwise: {@code $CARTWRIGHT_DB} if set, else
     * {@code $XDG_DATA_HOME/cartwright/cartwright.db}, else {@code ~/.local/share/cartwright/cartwright.db}.
     */
    Path defaultLocation();

    /** Opens (creating and migrating if needed) the database at {@code file}. */
    Store open(Path file);

    /** Opens the database at {@link #defaultLocation()}. */
    default Store openDefault() {
        return open(defaultLocation());
    }
}
