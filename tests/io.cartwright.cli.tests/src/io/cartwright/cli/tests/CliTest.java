/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.cli.Cli;
import io.cartwright.cli.internal.CliRunner;

/** The command-line contract: help, exit codes, errors on stderr, JSON on stdout. */
class CliTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        Result r = run("--help");
        assertEquals(0, r.code(), r.err());
        for (String command : new String[] {"info", "activity", "gui", "help"}) {
            assertTrue(r.out().contains("  " + command + " "), "help lists " + command + ":\n" + r.out());
        }
        assertTrue(r.out().contains("Usage: cartwright"), r.out());
        assertTrue(r.out().contains("4 refused by a safety rail"), r.out());
    }

    @Test
    void fileNamesCannotSendControlCharactersToTheTerminal() throws Exception {
        Path card = dir.resolve("card");
        java.nio.file.Files.createDirectories(card.resolve("CLIPS"));
        java.nio.file.Files.writeString(card.resolve("CLIPS/A001C001.mov"), "clip");
        java.nio.file.Files.writeString(card.resolve("CLIPS/\u001b[2Jwipe.txt"), "clears the screen");
        java.nio.file.Files.writeString(card.resolve("CLIPS/two\nFAKE  all verified.txt"), "a line of its own");
        Path raid = java.nio.file.Files.createDirectories(dir.resolve("raid"));
        Result r = run("--db", dir.resolve("db.sqlite").toString(), "offload", card.toString(), "--to", raid.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        String all = r.out() + r.err();
        assertFalse(all.contains("\u001b"), all);
        assertFalse(all.contains("two\nFAKE"), all);
        assertTrue(r.out().contains("FAILED   CLIPS/\\u001B[2Jwipe.txt: Not copied: the path 'CLIPS/\\u001B[2Jwipe.txt' "
                + "has a control character (U+001B)"), r.out());
        assertTrue(r.out().contains("FAILED   CLIPS/two\\u000AFAKE  all verified.txt: "), r.out());
    }

    @Test
    void destinationsThatCannotBeRightAreUsageErrorsBeforeAnythingIsWritten() throws Exception {
        Path card = java.nio.file.Files.createDirectories(dir.resolve("A001"));
        java.nio.file.Files.writeString(card.resolve("A001C001.mov"), "clip");
        Path raid = java.nio.file.Files.createDirectories(dir.resolve("raid"));
        Path aFile = java.nio.file.Files.writeString(dir.resolve("notes.txt"), "not a drive");
        String db = dir.resolve("db.sqlite").toString();
        String[][] cases = {
            {dir.resolve("unplugged").toString(), "The destination " + dir.resolve("unplugged")
                    + " does not exist. Is the drive mounted? Create the folder first if it is new."},
            {aFile.toString(), "The destination " + aFile + " is a file, not a folder. Give the folder to copy into."},
            {card.resolve("backup").toString(), "does not exist"},
            {card.toString(), "The destination " + card + " is inside the source " + card}};
        for (String[] c : cases) {
            Result r = run("--db", db, "offload", card.toString(), "--to", raid.toString(), "--to", c[0]);
            assertEquals(2, r.code(), c[0] + ": " + r.err());
            assertTrue(r.err().contains(c[1]), r.err());
        }
        Result twice = run("--db", db, "offload", card.toString(), "--to", raid.toString(), "--to", raid.toString());
        assertEquals(2, twice.code(), twice.err());
        assertTrue(twice.err().contains("The destination " + raid.resolve("A001") + " is given twice."), twice.err());
        java.nio.file.Files.createDirectories(raid.resolve("A001"));
        Result nested = run("--db", db, "offload", card.toString(), "--to", raid.toString(), "--to",
                raid.resolve("A001").toString());
        assertEquals(2, nested.code(), nested.err());
        assertTrue(nested.err().contains("The destination " + raid.resolve("A001/A001") + " is inside the destination "
                + raid.resolve("A001") + "; that copy would become part of the other."), nested.err());
        java.nio.file.Files.delete(raid.resolve("A001"));
        assertEquals(List.of(), listing(raid), "nothing was written");
        assertEquals("not a drive", java.nio.file.Files.readString(aFile));
    }

    private static List<Path> listing(Path folder) throws Exception {
        try (var s = java.nio.file.Files.list(folder)) {
            return s.toList();
        }
    }

    @Test
    void unknownCommandIsAUsageErrorWithAHint() {
        Result r = run("ofload", "/media/card");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains("unknown command 'ofload'"), r.err());
        assertTrue(r.err().contains("Did you mean"), r.err());
        assertTrue(r.err().contains("Run 'cartwright --help'"), r.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        Result r = run("info", "--frobnicate");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Unknown option: '--frobnicate'"), r.err());
        assertTrue(r.err().contains("Run 'cartwright info --help'"), r.err());
    }

    @Test
    void versionNamesTheProduct() {
        Result r = run("--version");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Cartwright 0.1.0."), r.out());
    }

    @Test
    void infoOpensAndMigratesTheDatabaseNamedByDb() {
        Path db = dir.resolve("show.db");
        Result r = run("info", "--db", db.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"database\":\"" + db + "\""), r.out());
        // A new file is migrated to the newest schema, with one activity row per migration.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"schema_version\":(\\d+),\"activity_rows\":(\\d+)")
                .matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Integer.parseInt(m.group(1)) >= 2, r.out());
        assertEquals(m.group(1), m.group(2), r.out());
        // The global option also works before the command name.
        Result before = run("--db", db.toString(), "info");
        assertEquals(0, before.code(), before.err());
        assertTrue(before.out().contains("database:       " + db), before.out());
    }

    @Test
    void onlyTheNamedCommandIsBuiltAfterGlobalOptions() {
        Path db = dir.resolve("g.db");
        assertEquals("InfoCommand", CliRunner.namedSubcommand(new String[] {"info"}).getSimpleName());
        assertEquals("InfoCommand",
                CliRunner.namedSubcommand(new String[] {"--db", db.toString(), "info", "--json"}).getSimpleName());
        assertEquals("DevicesCommand",
                CliRunner.namedSubcommand(new String[] {"--db=" + db, "--json", "devices", "list"}).getSimpleName());
        // Help, the version, a misspelt or missing name: all of them, for the usage text and suggestions.
        for (String[] line : new String[][] {{}, {"--help"}, {"--version"}, {"help", "offload"}, {"--db", "info"},
                {"--db", db.toString()}, {"ofload"}}) {
            assertEquals(null, CliRunner.namedSubcommand(line), String.join(" ", line));
        }
        Result help = run("help", "offload");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().contains("Usage: cartwright offload"), help.out());
        Result json = run("--db=" + db, "--json", "info");
        assertEquals(0, json.code(), json.err());
        assertTrue(json.out().startsWith("{") && json.out().contains("\"database\":\"" + db + "\""), json.out());
        Result nested = run("--json", "--db", db.toString(), "devices", "list");
        assertEquals(0, nested.code(), nested.err());
        assertTrue(nested.out().startsWith("["), nested.out());
    }

    @Test
    void activityShowsTheMigrationRow() {
        Path db = dir.resolve("a.db");
        Result r = run("activity", "--db", db.toString(), "--json", "--limit", "5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("[{"), r.out());
        assertTrue(r.out().contains("\"action\":\"migrated\""), r.out());
        Result bad = run("activity", "--db", db.toString(), "--limit", "0");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--limit must be between 1 and 100000"), bad.err());
        assertTrue(bad.err().contains("What to do:"), bad.err());
    }

    @Test
    void anUnusableDatabaseIsReportedWithWhatToDo() throws Exception {
        Path notADb = dir.resolve("notes.db");
        java.nio.file.Files.writeString(notADb, "plain text, not SQLite ".repeat(100));
        Result r = run("info", "--db", notADb.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("Cannot open the database " + notADb), r.err());
    }
}
