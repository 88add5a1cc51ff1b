/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.core;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Cartwright keeps its files on this machine, following the XDG base directories on Linux:
 * the database lives in the user's data directory unless {@code CARTWRIGHT_DB} (or the CLI's
 * {@code --db}) names another file.
 *
 * @param dataHome the Cartwright data folder ({@code $XDG_DATA_HOME/cartwright})
 * @param database the database file
 */
public record DataLocations(Path dataHome, Path database) {

    /** Environment variable naming the database file; {@code --db} wins over it. */
    public static final String DB_ENV = "CARTWRIGHT_DB";

    public static DataLocations fromEnvironment() {
        return from(System.getenv(), System.getProperty("user.home"));
    }

    /** Resolves the locations from an environment map (testable without touching the real one). */
    public static DataLocations from(Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_DATA_HOME");
        // XDG says a relative value is invalid and must be ignored.
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(userHome, ".local", "share");
        Path home = base.resolve("cartwright");
        String db = env.get(DB_ENV);
        Path database = db != null && !db.isBlank() ? Path.of(db).toAbsolutePath() : home.resolve("cartwright.db");
        return new DataLocations(home, database);
    }
}
