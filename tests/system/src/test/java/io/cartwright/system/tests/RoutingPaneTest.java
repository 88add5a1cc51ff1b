/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.system.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Routing pane against a real card: an exFAT image with a Sony XDROOT tree, mounted through
 * FUSE, registered and assigned to a unit through the CLI, with templates imported from JSON. The
 * workbench opens with the pane maximised; its report must show the card's planned paths (the clip
 * with its sidecars, a versioned conflict, the quarantined file) and exactly the files
 * {@code cartwright route plan --device} plans; a refused plan and an unusable template must say
 * why. Screenshots are kept in {@code tests/system/target/screenshots/routing*.png}.
 */
class RoutingPaneTest {

    private static final String TEMPLATES = """
            {"format": "cartwright.templates", "version": 1, "templates": [
              {"name": "feature-dailies", "unmatched": "quarantine",
               "channels": [
                 {"name": "camera", "match": [{"kind": "extension", "value": "mxf"}, {"kind": "extension", "value": "mov"}],
                  "exclude": [{"kind": "contains", "value": "_proxy"}],
                  "destination": "{project}/{date:yyyyMMdd}_{day}/{unit}/CAMERA/{cam}/{card}/{relpath}"},
                 {"name": "sound", "match": [{"kind": "extension", "value": "wav"}],
                  "destination": "{project}/{date:yyyyMMdd}_{day}/SOUND/{card}/{name}", "conflict": "version"}],
               "quarantine": {"destination": "{project}/_QUARANTINE/{date:yyyyMMdd}/{card}/{path}"}},
              {"name": "strict", "unmatched": "fail", "tokens": {"shot": ""},
               "channels": [
                 {"name": "camera", "match": [{"kind": "extension", "value": "mxf"}],
                  "destination": "{project}/{shot}/{card}/{relpath}"}]}
            ]}
            """;

    @TempDir
    Path dir;

    @Test
    void routingPanePreviewsTheAssignedCardsTemplateAsRoutePlanDoes() throws Exception {
        try (LoopCard card = card()) {
            Map<String, String> env = seed();
            String id = registerAndAssign(env, card.root());

            JsonNode routing = screenshot(env, "routing");
            assertTrue(routing.path("width").asInt() > 1000, "shown maximised: " + routing.path("width"));
            List<String> rows = texts(routing);
            String all = String.join("\n", rows);

            String day = LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);
            String cam = "NIGHTJAR/" + day + "_DAY01/MAIN/CAMERA/A/FX6_A015/";
            assertTrue(rows.get(0).startsWith("status | Template 'feature-dailies' on FX6_A015")
                    && rows.get(0).contains("for NIGHTJAR/DAY01/MAIN") && rows.get(0).endsWith("The offload may run."),
                    "the card's own template, unit and a plan that may run: " + rows.get(0));
            assertTrue(rows.contains(cam + "Clip/A015C001_2606170J.MXF | camera | PRIVATE/XDROOT/Clip/A015C001_2606170J.MXF"), all);
            assertTrue(rows.contains(cam + "Clip/A015C001_2606170JM01.XML | camera | PRIVATE/XDROOT/Clip/A015C001_2606170JM01.XML"),
                    "the sidecar travels with its clip: " + all);
            assertTrue(rows.contains(cam + "Sub/A015C001_2606170JS01.MXF | camera | PRIVATE/XDROOT/Sub/A015C001_2606170JS01.MXF"), all);
            assertTrue(rows.contains("NIGHTJAR/_QUARANTINE/" + day + "/FX6_A015/PRIVATE/XDROOT/MEDIAPRO.XML | quarantine | "
                    + "PRIVATE/XDROOT/MEDIAPRO.XML"), all);
            assertTrue(rows.contains("Quarantined | PRIVATE/XDROOT/MEDIAPRO.XML | no channel takes it; it goes to NIGHTJAR/_QUARANTINE/"
                    + day + "/FX6_A015/PRIVATE/XDROOT/MEDIAPRO.XML"), "the quarantined file is listed: " + all);
            String sound = "NIGHTJAR/" + day + "_DAY01/SOUND/FX6_A015/";
            assertTrue(rows.contains(sound + "T01.WAV | sound | SOUND/DAY1/T01.WAV"), all);
            assertTrue(rows.contains(sound + "T01 (1).WAV | sound | SOUND/DAY2/T01.WAV"), all);
            assertTrue(rows.stream().anyMatch(l -> l.startsWith("Conflict | SOUND/DAY1/T01.WAV, SOUND/DAY2/T01.WAV | version, versioned")),
                    "the conflict and how the channel's policy resolved it: " + all);

            // The CLI mirrors the pane: route plan for the same device plans the same files to the same places.
            JsonNode cli = new ObjectMapper().readTree(ok(env, "route", "plan", card.root().toString(), "--device", id, "--json"));
            TreeSet<String> planned = new TreeSet<>();
            for (String list : new String[] {"files", "quarantined"}) {
                cli.path(list).forEach(f -> planned.add(f.path("destination").asText() + " | " + f.path("channel").asText()
                        + " | " + f.path("source").asText()));
            }
            TreeSet<String> shown = new TreeSet<>(rows.stream().filter(l -> l.startsWith("NIGHTJAR/")).toList());
            assertEquals(6, planned.size(), cli.toString());
            assertEquals(planned, shown, "the pane previews exactly what 'route plan' plans");
        }
    }

    @Test
    void refusedPlansAndUnusableTemplatesSayWhy() throws Exception {
        try (LoopCard card = card()) {
            Map<String, String> env = seed();
            String id = registerAndAssign(env, card.root());

            // The device routes with a strict template and a token that names the parent folder.
            ok(env, "assign", id, "NIGHTJAR/DAY01/MAIN", "--role", "A-CAM", "--cam", "A", "--template", "strict", "--token", "shot=..");
            List<String> refused = texts(screenshot(env, "routing-refused"));
            String all = String.join("\n", refused);
            assertTrue(refused.get(0).startsWith("status | Template 'strict' on FX6_A015") && refused.get(0).contains("refused, 6 problems"),
                    refused.get(0));
            assertTrue(refused.contains("Problem | PRIVATE/XDROOT/Clip/A015C001_2606170J.MXF, channel 'camera', token {shot} | "
                    + "the token {shot} gives the name '..': '..' is not allowed as a name (it would leave the destination folder)"), all);
            assertTrue(refused.contains("Problem | PRIVATE/XDROOT/MEDIAPRO.XML | no channel takes this file and the template's "
                    + "unmatched mode is 'fail'"), all);
            assertTrue(refused.stream().noneMatch(l -> l.startsWith("NIGHTJAR/")), "nothing is shown as planned: " + all);

            // A channel rule whose pattern leaves the destination: the template itself cannot be used.
            ok(env, "assign", id, "NIGHTJAR/DAY01/MAIN", "--role", "A-CAM", "--cam", "A", "--template", "feature-dailies",
                    "--channel", "camera={project}/../{name}");
            List<String> invalid = texts(screenshot(env, "routing-invalid"));
            all = String.join("\n", invalid);
            assertTrue(invalid.get(0).startsWith("status | The template cannot be used"), all);
            assertTrue(invalid.stream().anyMatch(l -> l.startsWith("Template | channel 'camera' | ") && l.contains("'..'")
                    && l.contains("this channel's rule is set by assignment")), "the problem and where the rule comes from: " + all);
            assertEquals(2, invalid.size(), "the status and the one problem, no files: " + all);
        }
    }

    /** A Sony XDROOT card with two same-named sound takes, mounted as a desktop mounts it. */
    private LoopCard card() throws Exception {
        LoopCard card = LoopCard.create(dir, "FX6_A015", 64, dir.resolve("media/FX6_A015"));
        try {
            Path root = card.root();
            Cards.file(root.resolve("PRIVATE/XDROOT/Clip/A015C001_2606170J.MXF"), 300_000, 1);
            Files.writeString(root.resolve("PRIVATE/XDROOT/Clip/A015C001_2606170JM01.XML"), "<NonRealTimeMeta/>");
            Cards.file(root.resolve("PRIVATE/XDROOT/Sub/A015C001_2606170JS01.MXF"), 20_000, 2);
            Files.writeString(root.resolve("PRIVATE/XDROOT/MEDIAPRO.XML"), "<MediaProfile/>");
            Cards.file(root.resolve("SOUND/DAY1/T01.WAV"), 10_000, 3);
            Cards.file(root.resolve("SOUND/DAY2/T01.WAV"), 12_000, 4);
            return card;
        } catch (Exception | AssertionError e) {
            card.close(); // no mount left behind
            throw e;
        }
    }

    /** A database with the templates, a project routing with feature-dailies, a day and a unit. */
    private Map<String, String> seed() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("CARTWRIGHT_DB", dir.resolve("routing.db").toString());
        env.put("DISPLAY", "");
        Path templates = Files.writeString(dir.resolve("templates.json"), TEMPLATES, StandardCharsets.UTF_8);
        ok(env, "templates", "import", templates.toString());
        ok(env, "projects", "create", "NIGHTJAR", "--template", "feature-dailies");
        ok(env, "units", "add", "NIGHTJAR/DAY01", "--kind", "day");
        ok(env, "units", "add", "NIGHTJAR/DAY01/MAIN", "--kind", "unit");
        return env;
    }

    /** Registers the mounted card and assigns it as A camera; returns its device id. */
    private static String registerAndAssign(Map<String, String> env, Path root) throws Exception {
        JsonNode registered = new ObjectMapper().readTree(ok(env, "devices", "register", root.toString(), "--name",
                "A-cam mag 15", "--json"));
        String id = registered.path("id").asText();
        assertTrue(!id.isEmpty() && !id.equals("0"), registered.toString());
        ok(env, "assign", id, "NIGHTJAR/DAY01/MAIN", "--role", "A-CAM", "--cam", "A");
        return id;
    }

    /** Opens the workbench with the Routing pane maximised, saves NAME.png and NAME.json, returns the pane's report. */
    private static JsonNode screenshot(Map<String, String> env, String name) throws Exception {
        Path shots = Path.of("target", "screenshots").toAbsolutePath();
        Files.createDirectories(shots);
        Path png = shots.resolve(name + ".png");
        Path report = shots.resolve(name + ".json");
        Launcher.Result r = Launcher.run(env, "gui", "--screenshot", png.toString(), "--screenshot-report", report.toString(),
                "--screenshot-part", "routing");
        assertEquals(0, r.code(), r.out() + r.err());
        for (JsonNode part : new ObjectMapper().readTree(report.toFile()).path("parts")) {
            if (part.path("id").asText().endsWith(".routing")) {
                return part;
            }
        }
        throw new AssertionError("the routing part is not in " + report);
    }

    private static List<String> texts(JsonNode part) {
        List<String> rows = new ArrayList<>();
        part.path("texts").forEach(t -> rows.add(t.asText()));
        assertTrue(!rows.isEmpty(), "the pane reports what it shows: " + part);
        return rows;
    }

    private static String ok(Map<String, String> env, String... command) throws Exception {
        Launcher.Result r = Launcher.run(env, command);
        assertEquals(0, r.code(), String.join(" ", command) + ": " + r.out() + r.err());
        return r.out();
    }
}
