/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.mhl.AscMhlVerifier;

/**
 * Issue 5's last step through the CLI, as a DIT would type it: a template imported from JSON, a
 * project with a day and a unit, then {@code offload --unit} lands each file where the template says,
 * verified on both destinations and sealed with an ASC MHL history per card root; a template that
 * fails on unmatched files refuses with exit 4 and writes nothing.
 */
class PlannedOffloadCliTest {

    private static final String TEMPLATES = """
            {"format": "cartwright.templates", "version": 1, "templates": [
              {"name": "dailies", "unmatched": "quarantine",
               "channels": [
                 {"name": "camera", "match": [{"kind": "extension", "value": "mov"}],
                  "destination": "{project}/{day}/{unit}/CAMERA/{card}/{path}"},
                 {"name": "reports", "match": [{"kind": "extension", "value": "ale"}],
                  "destination": "{project}/{day}/REPORTS/{card}_{name}"}],
               "quarantine": {"destination": "{project}/_QUARANTINE/{card}/{path}"}},
              {"name": "strict", "unmatched": "fail",
               "channels": [
                 {"name": "camera", "match": [{"kind": "extension", "value": "mov"}],
                  "destination": "{project}/{day}/{unit}/CAMERA/{card}/{path}"}]}
            ]}
            """;

    @TempDir
    Path dir;

    /** The show NJ with the imported templates and the unit NJ/DAY01/MAIN, through the CLI; returns --db. */
    private String show() throws Exception {
        String db = dir.resolve("show.db").toString();
        Path templates = Files.writeString(dir.resolve("templates.json"), TEMPLATES);
        ok(CliTest.run("templates", "import", templates.toString(), "--db", db));
        ok(CliTest.run("projects", "create", "NJ", "--template", "dailies", "--db", db));
        ok(CliTest.run("units", "add", "NJ/DAY01", "--kind", "day", "--db", db));
        ok(CliTest.run("units", "add", "NJ/DAY01/MAIN", "--kind", "unit", "--db", db));
        return db;
    }

    /** An ARRI-like card: one clip of {@code clipBytes}, its ALE, and a loose note no channel takes. */
    private Path card(int clipBytes, String ale) throws Exception {
        Path card = dir.resolve("A001R1JL");
        Files.createDirectories(card.resolve("A001R1JL"));
        Files.write(card.resolve("A001R1JL/A001C001_261123_R1JL.mov"), new byte[clipBytes]);
        Files.writeString(card.resolve("A001R1JL/A001R1JL.ale"), ale);
        Files.writeString(card.resolve("notes.txt"), "loader's notes");
        return card;
    }

    @Test
    void offloadByUnitLandsFilesWhereTheTemplateSaysAndStrictModeRefuses() throws Exception {
        String db = show();
        Path card = card(300_000, "Heading\nFIELD_DELIM\tTABS\n");
        Path raid = Files.createDirectories(dir.resolve("raid"));
        Path shuttle = Files.createDirectories(dir.resolve("shuttle"));

        CliTest.Result r = CliTest.run("offload", card.toString(), "--to", raid.toString(), "--to", shuttle.toString(),
                "--unit", "NJ/DAY01/MAIN", "--json", "--db", db);
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("\"state\":\"done\""), r.out());
        for (Path root : new Path[] {raid, shuttle}) {
            Path cardRoot = root.resolve("NJ/DAY01/MAIN/CAMERA/A001R1JL");
            assertTrue(Files.isRegularFile(cardRoot.resolve("A001R1JL/A001C001_261123_R1JL.mov")), tree(root));
            assertTrue(Files.isRegularFile(root.resolve("NJ/DAY01/REPORTS/A001R1JL_A001R1JL.ale")), tree(root));
            assertTrue(Files.isRegularFile(root.resolve("NJ/_QUARANTINE/A001R1JL/notes.txt")), tree(root));
            assertFalse(Files.exists(root.resolve("A001R1JL")), "no default layout next to the planned one");
            assertEquals(300_000, Files.size(cardRoot.resolve("A001R1JL/A001C001_261123_R1JL.mov")));
            assertTrue(AscMhlVerifier.verify(cardRoot).ok(), "the card root carries a verifying ASC MHL history");
        }

        Path fresh = Files.createDirectories(dir.resolve("fresh"));
        CliTest.Result refused = CliTest.run("offload", card.toString(), "--to", fresh.toString(), "--unit",
                "NJ/DAY01/MAIN", "--template", "strict", "--db", db);
        assertEquals(4, refused.code(), refused.out() + refused.err());
        assertTrue(refused.err().contains("notes.txt"), "the unmatched file is named: " + refused.err());
        try (Stream<Path> written = Files.list(fresh)) {
            assertEquals(0, written.count(), "nothing is written when the plan is refused");
        }
    }

    @Test
    void routePlanShowsTheDestinationTreeTheRoutingPaneShows() throws Exception {
        String db = show();
        Path card = card(10, "Heading\n");

        CliTest.Result r = CliTest.run("route", "plan", card.toString(), "--unit", "NJ/DAY01/MAIN", "--tree", "--db", db);
        assertEquals(0, r.code(), r.out() + r.err());
        String expected = String.join("\n",
                "  NJ/",
                "    _QUARANTINE/A001R1JL/",
                "      notes.txt  [quarantine]  <- notes.txt",
                "    DAY01/",
                "      MAIN/CAMERA/A001R1JL/A001R1JL/",
                "        A001C001_261123_R1JL.mov  [camera]  <- A001R1JL/A001C001_261123_R1JL.mov",
                "      REPORTS/",
                "        A001R1JL_A001R1JL.ale  [reports]  <- A001R1JL/A001R1JL.ale",
                "Quarantined (1, no channel takes them; in the tree above):",
                "  notes.txt");
        assertTrue(r.out().contains(expected), "the tree, as the Routing pane shows it:\n" + r.out());
    }

    private static void ok(CliTest.Result r) {
        assertEquals(0, r.code(), r.out() + r.err());
    }

    private static String tree(Path root) throws java.io.IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.map(p -> root.relativize(p).toString()).sorted().reduce("", (a, b) -> a + "\n" + b);
        }
    }
}
