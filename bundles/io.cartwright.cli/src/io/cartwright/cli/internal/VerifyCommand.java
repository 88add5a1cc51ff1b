/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cartwright.core.CartwrightException;
import io.cartwright.core.ExitCode;
import io.cartwright.mhl.AscMhlVerifier;
import io.cartwright.mhl.HashMismatch;
import io.cartwright.mhl.HistoryProblem;
import io.cartwright.mhl.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import org.eclipse.jdt.annotation.NonNullByDefault;

/** {@code cartwright verify DIR}: re-hash a copy against its ASC MHL history, writing nothing. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Re-hash every file under DIR against its ASC MHL history (DIR/ascmhl/) without writing.",
                "Exit 1 on any mismatched, missing, extra or unreadable file, or a damaged history."})
final class VerifyCommand extends BaseCommand {

    @Parameters(paramLabel = "DIR", description = "A copy root holding an ascmhl/ folder.")
    @NonNullByDefault({}) Path dir;

    VerifyCommand(CommandContext context) {
        super(context);
    }

    @Override
    protected ExitCode execute() {
        if (!Files.isDirectory(dir)) {
            throw new CartwrightException(ExitCode.USAGE, "No such folder: " + dir,
                    "Give the copy root that holds the ascmhl/ folder.");
        }
        VerifyReport report;
        try {
            report = AscMhlVerifier.verify(dir.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new CartwrightException(ExitCode.FAILED, "Cannot verify " + dir + ": " + e.getMessage(),
                    "Check that the folder is readable and still connected.", e);
        }
        Output out = output();
        if (out.json()) {
            out.json(toJson(report));
        } else {
            print(out, report);
        }
        return report.ok() ? ExitCode.OK : ExitCode.FAILED;
    }

    private static void print(Output out, VerifyReport r) {
        for (HistoryProblem p : r.historyProblems()) {
            out.line("HISTORY   " + p.message());
        }
        for (HashMismatch m : r.mismatched()) {
            out.line("MISMATCH  " + m.path() + "  expected " + m.expected() + ", found " + m.actual());
        }
        r.missing().forEach(p -> out.line("MISSING   " + p));
        r.extra().forEach(p -> out.line("EXTRA     " + p));
        r.unreadable().forEach(p -> out.line("UNREADABLE " + p));
        out.line((r.ok() ? "OK: " : "FAILED: ") + r.verifiedCount() + " files verified, " + r.mismatched().size()
                + " mismatched, " + r.missing().size() + " missing, " + r.extra().size() + " extra, "
                + r.unreadable().size() + " unreadable" + (r.historyOk() ? "" : ", history damaged") + " in "
                + r.scopeRoot());
    }

    private static ObjectNode toJson(VerifyReport r) {
        ObjectNode o = Output.object().put("scope", r.scopeRoot().toString()).put("ok", r.ok())
                .put("verified", r.verifiedCount());
        ArrayNode mismatched = o.putArray("mismatched");
        for (HashMismatch m : r.mismatched()) {
            mismatched.addObject().put("path", m.path()).put("expected", m.expected().toString())
                    .put("actual", m.actual().toString());
        }
        r.missing().forEach(o.putArray("missing")::add);
        r.extra().forEach(o.putArray("extra")::add);
        r.unreadable().forEach(o.putArray("unreadable")::add);
        ArrayNode history = o.putArray("history_problems");
        for (HistoryProblem p : r.historyProblems()) {
            history.addObject().put("kind", p.kind().name().toLowerCase(java.util.Locale.ROOT)).put("file", p.file())
                    .put("message", p.message());
        }
        return o;
    }
}
