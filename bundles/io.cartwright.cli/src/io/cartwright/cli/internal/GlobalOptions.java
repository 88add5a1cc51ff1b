/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.cli.internal;

import java.nio.file.Path;

import picocli.CommandLine.Option;

import org.eclipse.jdt.annotation.Nullable;

/** Options every command accepts, before or after its name. */
public final class GlobalOptions {

    @Option(names = "--db", paramLabel = "FILE",
            description = "Database file (default: $CARTWRIGHT_DB, else the user's data folder).")
    private @Nullable Path db;

    @Option(names = "--json", description = "Machine-readable output: one JSON document, or JSON lines for live events.")
    private boolean json;

    public @Nullable Path db() {
        return db;
    }

    public boolean json() {
        return json;
    }

    /** This command's options, completed by the ones given before the command name. */
    GlobalOptions orParent(GlobalOptions parent) {
        GlobalOptions merged = new GlobalOptions();
        merged.db = db != null ? db : parent.db;
        merged.json = json || parent.json;
        return merged;
    }
}
