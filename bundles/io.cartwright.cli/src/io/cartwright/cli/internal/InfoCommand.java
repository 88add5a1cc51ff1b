/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.cli.internal;

import io.cartwright.core.ExitCode;
import io.cartwright.core.ProductInfo;
import io.cartwright.store.Store;
import picocli.CommandLine.Command;

/** {@code cartwright info}: version, database location and schema. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show the version, the database in use and its schema version.")
final class InfoCommand extends BaseCommand {

    InfoCommand(CommandContext context) {
        super(context);
    }

    @Override
    protected ExitCode execute() {
        ProductInfo product = context.services().get(ProductInfo.class);
        Store store = store();
        long rows = store.read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM activity")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
        Output out = output();
        if (out.json()) {
            out.json(Output.object().put("version", product.version()).put("database", store.file().toString())
                    .put("schema_version", store.schemaVersion()).put("activity_rows", rows)
                    .put("data_home", product.locations().dataHome().toString()));
        } else {
            out.line(product.name() + " " + product.version());
            out.line("database:       " + store.file());
            out.line("schema version: " + store.schemaVersion());
            out.line("activity rows:  " + rows);
        }
        return ExitCode.OK;
    }
}
