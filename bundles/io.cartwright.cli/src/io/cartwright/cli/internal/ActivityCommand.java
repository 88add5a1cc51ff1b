/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.cli.internal;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;

import io.cartwright.core.CartwrightException;
import io.cartwright.core.ExitCode;
import io.cartwright.store.Activity;
import io.cartwright.store.ActivityLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cartwright activity}: the newest rows of the audit log. */
@Command(name = "activity", mixinStandardHelpOptions = true,
        description = "Show the newest entries of the activity log (who did what, when).")
final class ActivityCommand extends BaseCommand {

    @Option(names = {"-n", "--limit"}, defaultValue = "20", description = "How many rows (default ${DEFAULT-VALUE}).")
    int limit;

    ActivityCommand(CommandContext context) {
        super(context);
    }

    @Override
    protected ExitCode execute() {
        if (limit < 1 || limit > 100_000) {
            throw new CartwrightException(ExitCode.USAGE, "--limit must be between 1 and 100000, not " + limit + ".",
                    "Give a smaller number.");
        }
        List<Activity> rows = ActivityLog.recent(store(), limit);
        Output out = output();
        if (out.json()) {
            ArrayNode array = Output.object().arrayNode();
            for (Activity a : rows) {
                array.add(Output.object().put("at", a.at().toString()).put("actor", a.actor())
                        .put("subject_kind", a.subjectKind()).put("subject_id", a.subjectId())
                        .put("action", a.action()).put("detail", a.detail()));
            }
            out.json(array);
        } else {
            for (Activity a : rows) {
                out.line(a.at() + "  " + a.actor() + "  " + a.subjectKind() + " " + a.subjectId() + "  " + a.action()
                        + (a.detail().isEmpty() ? "" : "  " + a.detail()));
            }
        }
        return ExitCode.OK;
    }
}
