/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.system.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Starts the real workbench with {@code ./cartwright gui --screenshot} on a private Xvfb screen and
 * checks that every pane rendered, with the demo's jobs in Transfers and their transitions in Activity. The screenshot is
 * kept in {@code tests/system/target/screenshots/} for a person to look at.
 */
class WorkbenchTest {

    private static final String[] PARTS = {"devices", "projects", "routing", "transfers", "assets", "preflight",
            "activity"};

    @TempDir
    Path dir;

    @Test
    void everyPaneRendersAndActivityShowsRowsFromTheDatabase() throws Exception {
        Path db = dir.resolve("ui.db");
        Map<String, String> env = new HashMap<>();
        env.put("CARTWRIGHT_DB", db.toString());
        env.put("DISPLAY", ""); // force the launcher's private Xvfb, as on a headless machine
        // Real jobs in the database, so the Transfers and Activity panes have something to show.
        Launcher.Result demo = Launcher.run(env, "demo", "--dir", dir.resolve("demo").toString());
        assertEquals(0, demo.code(), demo.out() + demo.err());
        for (String[] command : new String[][] {{"projects", "create", "NIGHTJAR", "--auto", "confirm"},
                {"units", "add", "NIGHTJAR/DAY01", "--kind", "day"}, {"units", "add", "NIGHTJAR/DAY01/MAIN", "--kind", "unit"},
                {"assign", "41", "NIGHTJAR/DAY01/MAIN", "--role", "A-CAM", "--auto", "on-mount"}}) {
            Launcher.Result r = Launcher.run(env, command);
            assertEquals(0, r.code(), String.join(" ", command) + ": " + r.out() + r.err());
        }

        Path shots = Path.of("target", "screenshots").toAbsolutePath();
        Files.createDirectories(shots);
        Path png = shots.resolve("workbench.png");
        Path report = shots.resolve("workbench.json");
        Launcher.Result r = Launcher.run(env, "gui", "--screenshot", png.toString(), "--screenshot-report",
                report.toString());
        assertEquals(0, r.code(), r.out() + r.err());

        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertEquals("Cartwright", json.path("window").path("title").asText());
        Set<String> seen = new HashSet<>();
        for (JsonNode part : json.path("parts")) {
            String id = part.path("id").asText();
            assertTrue(part.path("rendered").asBoolean(), id + " rendered");
            assertTrue(part.path("width").asInt() > 200 && part.path("height").asInt() > 200, id + " size " + part);
            assertTrue(part.path("children").asInt() >= 3, id + " has its heading, purpose and content: " + part);
            seen.add(id.substring(id.lastIndexOf('.') + 1));
            if (id.endsWith(".activity")) {
                assertTrue(part.path("rows").asInt() > 20, "activity shows the offload transitions: " + part);
            }
            if (id.endsWith(".projects")) {
                assertEquals("[\"NIGHTJAR | project | confirm\",\"  DAY01 | day | \",\"    MAIN | unit | \","
                        + "\"      card #41 | A-CAM | on-mount\"]", part.path("texts").toString(),
                        "the board shows the unit tree with the card under its unit");
            }
            if (id.endsWith(".routing")) {
                assertTrue(part.path("texts").path(0).asText().startsWith("status | "),
                        "routing says what it previews, or what to do to get a preview: " + part);
            }
            if (id.endsWith(".transfers")) {
                assertEquals(3, part.path("rows").asInt(), "transfers lists the demo's three jobs: " + part);
            }
        }
        assertEquals(Set.of(PARTS), seen);

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(json.path("window").path("width").asInt(), image.getWidth());
        assertEquals(json.path("window").path("height").asInt(), image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, "a painted window, not a blank image: " + colours.size() + " colours");
    }

    @Test
    void devicesPaneListsAMountedCardLive() throws Exception {
        try (LoopCard card = LoopCard.create(dir, "A007R2XY", 64)) {
            Map<String, String> env = new HashMap<>();
            env.put("CARTWRIGHT_DB", dir.resolve("devices.db").toString());
            env.put("DISPLAY", "");
            Path shots = Path.of("target", "screenshots").toAbsolutePath();
            Files.createDirectories(shots);
            Path png = shots.resolve("devices.png");
            Path report = shots.resolve("devices.json");
            Launcher.Result r = Launcher.run(env, "gui", "--screenshot", png.toString(), "--screenshot-report",
                    report.toString());
            assertEquals(0, r.code(), r.out() + r.err());
            JsonNode devices = null;
            for (JsonNode part : new ObjectMapper().readTree(report.toFile()).path("parts")) {
                if (part.path("id").asText().endsWith(".devices")) {
                    devices = part;
                }
            }
            assertTrue(devices != null, "devices part reported");
            String card7 = null;
            for (JsonNode row : devices.path("texts")) {
                if (row.asText().contains("A007R2XY")) {
                    card7 = row.asText();
                }
            }
            assertTrue(card7 != null, "the mounted card is listed: " + devices);
            assertTrue(card7.startsWith("UNREGISTERED | A007R2XY"), card7);
            assertTrue(card7.contains("exfat") && card7.contains(card.root().toString()), card7);
        }
    }
}
