/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.project.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.core.CartwrightException;
import io.cartwright.project.AssignRequest;
import io.cartwright.project.ChannelRule;
import io.cartwright.project.ProjectService;
import io.cartwright.project.Settings;
import io.cartwright.project.UnitPath;
import io.cartwright.routing.Channel;
import io.cartwright.routing.ChannelConflictPolicy;
import io.cartwright.routing.Matcher;
import io.cartwright.routing.RoutingException;
import io.cartwright.routing.RoutingService;
import io.cartwright.routing.Template;
import io.cartwright.routing.UnmatchedMode;
import io.cartwright.store.Store;

/** Templates in the database, exchanged as JSON, inherited by units and overridden per unit and device. */
class TemplateStoreTest {

    @TempDir
    Path dir;

    private Store store;
    private ProjectService projects;
    private RoutingService routing;

    static final Template DAILIES = new Template("dailies", "per day", List.of(
            new Channel("camera", List.of(Matcher.extension("mxf"), Matcher.extension("mov")), List.of(Matcher.contains("_proxy")),
                    "{project}/{day}/{unit}/{cam}/{card}/{relpath}", ChannelConflictPolicy.FAIL),
            new Channel("sound", List.of(Matcher.extension("wav")), List.of(Matcher.startsWith("FALSETAKES/").onPath()),
                    "{project}/{day}/SOUND/{card}/{path}", ChannelConflictPolicy.APPEND),
            Channel.of("reports", "{project}/{day}/REPORTS/{show}_{name}", Matcher.regex("\\.(ale|csv)$").caseSensitive())),
            UnmatchedMode.QUARANTINE, null, Map.of("show", "NJ"));

    @BeforeEach
    void open() throws Exception {
        store = Fixtures.open(dir.resolve("show.db"));
        projects = Fixtures.projects();
        routing = Fixtures.service(RoutingService.class);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void savedTemplatesComeBackEqual() {
        projects.saveTemplate(store, DAILIES, false, "dit");
        projects.saveTemplate(store, routing.defaultTemplate().withName("as-is"), false, "dit");
        assertEquals(DAILIES, projects.template(store, "DAILIES").orElseThrow());
        assertEquals(List.of("as-is", "dailies"), projects.templates(store).stream().map(Template::name).toList());
        CartwrightException dup = assertThrows(CartwrightException.class, () -> projects.saveTemplate(store, DAILIES, false, "dit"));
        assertTrue(dup.hint().contains("--replace"), dup.hint());
        Template changed = DAILIES.withUnmatched(UnmatchedMode.FAIL);
        projects.saveTemplate(store, changed, true, "dit");
        assertEquals(changed, projects.template(store, "dailies").orElseThrow());
        assertEquals(1, Fixtures.activityCount(store, "template.replaced"));
    }

    @Test
    void invalidTemplatesAreNotSaved() {
        Template hostile = Template.of("bad", UnmatchedMode.FAIL, Channel.of("x", "../{name}", Matcher.regex("(a+)+$")));
        RoutingException e = assertThrows(RoutingException.class, () -> projects.saveTemplate(store, hostile, false, "dit"));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(projects.templates(store).isEmpty());
    }

    @Test
    void exportAndImportThroughJson() throws Exception {
        projects.saveTemplate(store, DAILIES, false, "dit");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        routing.writeTemplates(projects.templates(store), out);
        try (Store other = Fixtures.open(dir.resolve("next-show.db"))) {
            for (Template t : routing.readTemplates(new ByteArrayInputStream(out.toByteArray()))) {
                projects.saveTemplate(other, t, false, "dit");
            }
            assertEquals(DAILIES, projects.template(other, "dailies").orElseThrow());
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"destination\" : \"{project}/{day}/{unit}/{cam}/{card}/{relpath}\""));
    }

    @Test
    void theProjectTemplateIsInheritedAndOverriddenPerUnitAndDevice() {
        projects.saveTemplate(store, DAILIES, false, "dit");
        projects.saveTemplate(store, routing.defaultTemplate().withName("as-is"), false, "dit");
        ProjectTreeTest.threeDaysTwoUnits(projects, store);
        projects.updateProject(store, "NIGHTJAR", s -> s.withTemplate("dailies"), "dit");
        // Day 3 splinter keeps cards as they are; day 2 sends camera files to a flat folder.
        projects.updateUnit(store, UnitPath.parse("NIGHTJAR/DAY03/SPLINTER"), s -> s.withTemplate("as-is"), "dit");
        projects.updateUnit(store, UnitPath.parse("NIGHTJAR/DAY02"),
                s -> s.withChannelRule("camera", new ChannelRule("{project}/{day}/FLAT/{name}", null)), "dit");

        Template main1 = projects.effectiveTemplate(store, projects.context(store, UnitPath.parse("NIGHTJAR/DAY01/MAIN")), null);
        assertEquals("{project}/{day}/{unit}/{cam}/{card}/{relpath}", main1.channel("camera").orElseThrow().destination());
        assertEquals("NJ", main1.tokens().get("show"), "the project's token values are declared into the template");

        Template day2 = projects.effectiveTemplate(store, projects.context(store, UnitPath.parse("NIGHTJAR/DAY02/MAIN")), null);
        assertEquals("{project}/{day}/FLAT/{name}", day2.channel("camera").orElseThrow().destination());
        assertEquals(ChannelConflictPolicy.FAIL, day2.channel("camera").orElseThrow().conflict());

        projects.assign(store, new AssignRequest(12, UnitPath.parse("NIGHTJAR/DAY02/MAIN"), "A-CAM", "A", "dit",
                Settings.INHERIT.withChannelRule("camera", new ChannelRule(null, ChannelConflictPolicy.VERSION))));
        Template device = projects.effectiveTemplate(store, projects.recognise(store, 12).orElseThrow(), null);
        assertEquals("{project}/{day}/FLAT/{name}", device.channel("camera").orElseThrow().destination());
        assertEquals(ChannelConflictPolicy.VERSION, device.channel("camera").orElseThrow().conflict());

        Template splinter = projects.effectiveTemplate(store, projects.context(store, UnitPath.parse("NIGHTJAR/DAY03/SPLINTER")), null);
        assertEquals("as-is", splinter.name());
        assertEquals("dailies", projects.effectiveTemplate(store, projects.context(store, UnitPath.parse("NIGHTJAR/DAY03/SPLINTER")),
                "dailies").name(), "an explicit template wins");
    }

    @Test
    void rulesForMissingChannelsAndUnknownTemplatesAreExplained() {
        projects.saveTemplate(store, DAILIES, false, "dit");
        ProjectTreeTest.threeDaysTwoUnits(projects, store);
        projects.updateProject(store, "NIGHTJAR", s -> s.withTemplate("dailies")
                .withChannelRule("video", new ChannelRule("{name}", null)), "dit");
        CartwrightException e = assertThrows(CartwrightException.class, () -> projects.effectiveTemplate(store,
                projects.context(store, UnitPath.parse("NIGHTJAR/DAY01/MAIN")), null));
        assertTrue(e.getMessage().contains("The channel rule for 'video' (set by project NIGHTJAR)"), e.getMessage());
        assertTrue(e.hint().contains("camera, sound, reports"), e.hint());
        CartwrightException unknown = assertThrows(CartwrightException.class, () -> projects.effectiveTemplate(store,
                projects.context(store, UnitPath.parse("NIGHTJAR/DAY01/MAIN")), "nope"));
        assertTrue(unknown.getMessage().contains("no template called 'nope'"), unknown.getMessage());
        projects.updateProject(store, "NIGHTJAR", s -> s.withChannelRules(Map.of("camera", new ChannelRule("../{name}", null))), "dit");
        assertThrows(RoutingException.class, () -> projects.effectiveTemplate(store,
                projects.context(store, UnitPath.parse("NIGHTJAR/DAY01/MAIN")), null), "a hostile rule is refused like a hostile template");
    }
}
