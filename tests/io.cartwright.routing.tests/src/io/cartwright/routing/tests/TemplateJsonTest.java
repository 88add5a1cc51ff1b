/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cartwright.core.ExitCode;
import io.cartwright.routing.Channel;
import io.cartwright.routing.ChannelConflictPolicy;
import io.cartwright.routing.Matcher;
import io.cartwright.routing.MatcherKind;
import io.cartwright.routing.RoutingException;
import io.cartwright.routing.RoutingService;
import io.cartwright.routing.Template;
import io.cartwright.routing.UnmatchedMode;
import io.cartwright.routing.internal.RoutingServiceImpl;

/** The template file format: round trip, the short form, strict errors with their place. */
class TemplateJsonTest {

    private final RoutingService routing = new RoutingServiceImpl();

    static Template feature() {
        return new Template("feature-dailies", "Camera, sound and reports per day and unit", List.of(
                new Channel("camera", List.of(Matcher.extension("mxf"), Matcher.extension("mov"), Matcher.extension("r3d"),
                        Matcher.extension("braw")), List.of(Matcher.contains("_proxy")),
                        "{project}/{date:yyyyMMdd}_{day}/{unit}/CAMERA/{cam}/{reel}/{relpath}", ChannelConflictPolicy.FAIL),
                new Channel("sound", List.of(Matcher.extension("wav")), List.of(Matcher.contains("/FALSETAKES/").onPath()),
                        "{project}/{day}/SOUND/{card}/{path}", ChannelConflictPolicy.APPEND),
                new Channel("reports", List.of(new Matcher(MatcherKind.REGEX, "^(ALE|CSV|PDF)$", Matcher.Scope.NAME, false),
                        Matcher.endsWith(".ale"), Matcher.startsWith("REPORT_").caseSensitive()), List.of(),
                        "{project}/{day}/REPORTS/{show}_{card}_{name}", ChannelConflictPolicy.VERSION)),
                UnmatchedMode.QUARANTINE,
                new Channel("holding", List.of(), List.of(), "{project}/_HOLDING/{card}/{path}", ChannelConflictPolicy.VERSION),
                Map.of("show", "NJ"));
    }

    private byte[] write(List<Template> templates) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        routing.writeTemplates(templates, out);
        return out.toByteArray();
    }

    private List<Template> read(String json) throws Exception {
        return routing.readTemplates(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void roundTrip() throws Exception {
        List<Template> templates = List.of(feature(), routing.defaultTemplate());
        byte[] json = write(templates);
        List<Template> back = routing.readTemplates(new ByteArrayInputStream(json));
        assertEquals(templates, back);
        String text = new String(json, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\n  \"format\" : \"cartwright.templates\",\n  \"version\" : 1,"), text);
        assertTrue(text.contains("\"on\" : \"path\""), text);
        assertTrue(text.contains("\"ignoreCase\" : false"), text);
        assertEquals(text, new String(write(back), StandardCharsets.UTF_8), "stable output");
    }

    @Test
    void aBareTemplateWithDefaults() throws Exception {
        List<Template> t = read("""
                {"name": "simple", "channels": [{"name": "all", "destination": "{card}/{path}"}]}
                """);
        assertEquals(1, t.size());
        assertEquals(UnmatchedMode.QUARANTINE, t.get(0).unmatched());
        assertEquals(ChannelConflictPolicy.FAIL, t.get(0).channels().get(0).conflict());
        assertEquals(Template.DEFAULT_QUARANTINE, t.get(0).quarantine());
    }

    @Test
    void strictErrorsNameTheirPlace() {
        RoutingException e = assertThrows(RoutingException.class, () -> read("""
                {"format": "cartwright.templates", "version": 1, "templates": [
                  {"name": "a", "unmatched": "drop", "channels": [
                    {"name": "c", "destinaton": "{card}/{path}", "match": [{"kind": "glob", "value": "*.mov"}]}]},
                  {"name": "b", "channels": [{"name": "d", "destination": "{card}/{name}",
                    "match": [{"kind": "regex", "value": "(a+)+"}], "conflict": "overwrite"}]}]}
                """));
        assertEquals(ExitCode.USAGE, e.exitCode());
        String m = e.getMessage();
        assertTrue(m.contains("templates[0].unmatched: Unknown unmatched mode 'drop'"), m);
        assertTrue(m.contains("templates[0].channels[0].destinaton: unknown field"), m);
        assertTrue(m.contains("templates[0].channels[0].destination: is missing"), m);
        assertTrue(m.contains("templates[0].channels[0].match[0].kind: Unknown matcher kind 'glob'"), m);
        assertTrue(m.contains("templates[1].channels[0].conflict: Unknown conflict policy 'overwrite'"), m);
        assertTrue(m.contains("nothing was imported"), m);
    }

    @Test
    void validationErrorsNameTheTemplate() {
        RoutingException e = assertThrows(RoutingException.class, () -> read("""
                {"name": "x", "channels": [{"name": "d", "destination": "../{name}",
                  "match": [{"kind": "regex", "value": "(a+)+"}]}]}
                """));
        assertTrue(e.getMessage().contains("template 'x', channel 'd': the regular expression '(a+)+' is refused"), e.getMessage());
        assertTrue(e.getMessage().contains("template 'x', channel 'd': the destination pattern '../{name}'"), e.getMessage());
    }

    @Test
    void notJsonAndWrongVersion() {
        RoutingException e = assertThrows(RoutingException.class, () -> read("{\"name\": "));
        assertTrue(e.getMessage().startsWith("The template file is not valid JSON"), e.getMessage());
        e = assertThrows(RoutingException.class, () -> read("""
                {"format": "cartwright.templates", "version": 2, "templates": []}
                """));
        assertTrue(e.getMessage().contains("version: must be 1"), e.getMessage());
        e = assertThrows(RoutingException.class, () -> read("""
                {"templates": [{"name": "a", "channels": [{"name": "c", "destination": "{name}"}]},
                               {"name": "A", "channels": [{"name": "c", "destination": "{name}"}]}]}
                """));
        assertTrue(e.getMessage().contains("two templates called 'A'"), e.getMessage());
    }
}
