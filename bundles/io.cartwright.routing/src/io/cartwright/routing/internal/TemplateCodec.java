/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cartwright.core.ExitCode;
import io.cartwright.routing.Channel;
import io.cartwright.routing.ChannelConflictPolicy;
import io.cartwright.routing.Matcher;
import io.cartwright.routing.MatcherKind;
import io.cartwright.routing.RoutingException;
import io.cartwright.routing.RoutingProblem;
import io.cartwright.routing.Template;
import io.cartwright.routing.UnmatchedMode;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The template file format ({@code docs/templates.md}): a JSON document
 * {@code {"format": "cartwright.templates", "version": 1, "templates": [...]}}, or one bare template
 * object. Strict: unknown fields, wrong types and bad values are reported with their place in the file.
 */
final class TemplateCodec {

    static final String FORMAT = "cartwright.templates";
    static final int VERSION = 1;
    static final int MAX_BYTES = 8 * 1024 * 1024;
    static final int MAX_TEMPLATES = 1000;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TemplateCodec() {
    }

    static List<Template> read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw usage("The template file is larger than " + MAX_BYTES / (1024 * 1024) + " MB.", List.of());
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonParseException e) {
            throw usage("The template file is not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").", List.of());
        } catch (JsonProcessingException e) {
            throw usage("The template file is not valid JSON: " + e.getOriginalMessage() + ".", List.of());
        }
        if (root == null || !root.isObject()) {
            throw usage("The template file must hold a JSON object.", List.of());
        }
        List<RoutingProblem> problems = new ArrayList<>();
        List<Template> templates = new ArrayList<>();
        Reader r = new Reader(problems);
        if (root.has("templates")) {
            r.fields(root, "", Set.of("format", "version", "templates"));
            String format = r.text(root, "", "format", true);
            if (format != null && !format.equals(FORMAT)) {
                problems.add(at("format", "is '" + format + "'; expected '" + FORMAT + "'"));
            }
            JsonNode v = root.get("version");
            if (v == null || !v.isInt() || v.asInt() != VERSION) {
                problems.add(at("version", "must be " + VERSION + " (this Cartwright reads template files of version "
                        + VERSION + ")"));
            }
            JsonNode list = root.get("templates");
            if (!list.isArray()) {
                problems.add(at("templates", "must be an array"));
            } else if (list.size() > MAX_TEMPLATES) {
                problems.add(at("templates", "holds " + list.size() + " templates; at most " + MAX_TEMPLATES));
            } else {
                for (int i = 0; i < list.size(); i++) {
                    Template t = r.template(list.get(i), "templates[" + i + "]");
                    if (t != null) {
                        templates.add(t);
                    }
                }
            }
        } else {
            Template t = r.template(root, "");
            if (t != null) {
                templates.add(t);
            }
        }
        Set<String> names = new HashSet<>();
        for (Template t : templates) {
            if (!names.add(t.name().toLowerCase(Locale.ROOT))) {
                problems.add(RoutingProblem.template("", "the file holds two templates called '" + t.name() + "'"));
            }
        }
        if (problems.isEmpty()) {
            for (Template t : templates) {
                try {
                    CompiledTemplate.compile(t);
                } catch (RoutingException e) {
                    for (RoutingProblem p : e.problems()) {
                        problems.add(new RoutingProblem(p.file(), "", p.token(), "template '" + t.name() + "'"
                                + (p.channel().isEmpty() ? "" : ", channel '" + p.channel() + "'") + ": " + p.message()));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw usage("The template file has " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + "; nothing was imported.", problems);
        }
        return templates;
    }

    static void write(List<Template> templates, OutputStream out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ArrayNode list = root.putArray("templates");
        for (Template t : templates) {
            list.add(toJson(t));
        }
        JSON.writeValue(new java.io.FilterOutputStream(out) {
            @Override
            public void close() throws IOException {
                flush(); // the caller owns the stream
            }
        }, root);
        out.write('\n');
        out.flush();
    }

    static ObjectNode toJson(Template t) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", t.name());
        if (!t.description().isEmpty()) {
            o.put("description", t.description());
        }
        o.put("unmatched", t.unmatched().id());
        if (!t.tokens().isEmpty()) {
            ObjectNode tokens = o.putObject("tokens");
            t.tokens().forEach(tokens::put);
        }
        ArrayNode channels = o.putArray("channels");
        for (Channel c : t.channels()) {
            channels.add(channel(c, true));
        }
        o.set("quarantine", channel(t.quarantine(), false));
        return o;
    }

    private static ObjectNode channel(Channel c, boolean matchers) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", c.name());
        if (matchers) {
            o.set("match", matchers(c.match()));
            if (!c.exclude().isEmpty()) {
                o.set("exclude", matchers(c.exclude()));
            }
        }
        o.put("destination", c.destination());
        o.put("conflict", c.conflict().id());
        return o;
    }

    private static ArrayNode matchers(List<Matcher> list) {
        ArrayNode a = JSON.createArrayNode();
        for (Matcher m : list) {
            ObjectNode o = a.addObject();
            o.put("kind", m.kind().id());
            o.put("value", m.value());
            if (m.on() != Matcher.Scope.NAME) {
                o.put("on", m.on().id());
            }
            if (!m.ignoreCase()) {
                o.put("ignoreCase", false);
            }
        }
        return a;
    }

    private static RoutingException usage(String summary, List<RoutingProblem> problems) {
        return new RoutingException(ExitCode.USAGE, summary,
                "Correct the file (the format is described in docs/templates.md) and import it again.", problems);
    }

    private static RoutingProblem at(String where, String message) {
        return RoutingProblem.template("", where + ": " + message);
    }

    /** Reads template objects, collecting every problem with its JSON path. */
    private static final class Reader {
        private final List<RoutingProblem> problems;

        Reader(List<RoutingProblem> problems) {
            this.problems = problems;
        }

        @Nullable
        Template template(JsonNode n, String path) {
            String here = path.isEmpty() ? "template" : path;
            if (!n.isObject()) {
                problems.add(at(here, "must be an object"));
                return null;
            }
            int before = problems.size();
            fields(n, path, Set.of("name", "description", "unmatched", "tokens", "channels", "quarantine"));
            String name = text(n, path, "name", true);
            String description = text(n, path, "description", false, "");
            UnmatchedMode unmatched = parsed(n, path, "unmatched", UnmatchedMode::parse, UnmatchedMode.QUARANTINE);
            Map<String, String> tokens = new LinkedHashMap<>();
            JsonNode tn = n.get("tokens");
            if (tn != null) {
                if (!tn.isObject()) {
                    problems.add(at(join(path, "tokens"), "must be an object of token names and default values"));
                } else {
                    for (Map.Entry<String, JsonNode> e : tn.properties()) {
                        if (!e.getValue().isTextual()) {
                            problems.add(at(join(path, "tokens." + e.getKey()), "must be a string"));
                        } else {
                            tokens.put(e.getKey(), e.getValue().asText());
                        }
                    }
                }
            }
            List<Channel> channels = new ArrayList<>();
            JsonNode cn = n.get("channels");
            if (cn == null || !cn.isArray()) {
                problems.add(at(join(path, "channels"), cn == null ? "is missing" : "must be an array"));
            } else {
                for (int i = 0; i < cn.size(); i++) {
                    Channel c = channel(cn.get(i), join(path, "channels[" + i + "]"), true);
                    if (c != null) {
                        channels.add(c);
                    }
                }
            }
            @Nullable
            Channel quarantine = Template.DEFAULT_QUARANTINE;
            JsonNode qn = n.get("quarantine");
            if (qn != null) {
                quarantine = channel(qn, join(path, "quarantine"), false);
            }
            if (problems.size() != before || name == null || quarantine == null) {
                return null;
            }
            return new Template(name, description, channels, unmatched, quarantine, tokens);
        }

        @Nullable
        Channel channel(JsonNode n, String path, boolean matching) {
            if (!n.isObject()) {
                problems.add(at(path, "must be an object"));
                return null;
            }
            int before = problems.size();
            fields(n, path, matching ? Set.of("name", "match", "exclude", "destination", "conflict")
                    : Set.of("name", "destination", "conflict"));
            String name = text(n, path, "name", matching, Template.DEFAULT_QUARANTINE.name());
            String destination = text(n, path, "destination", true);
            ChannelConflictPolicy conflict = parsed(n, path, "conflict", ChannelConflictPolicy::parse,
                    matching ? ChannelConflictPolicy.FAIL : ChannelConflictPolicy.VERSION);
            List<Matcher> match = matching ? matchers(n.get("match"), join(path, "match")) : List.of();
            List<Matcher> exclude = matching ? matchers(n.get("exclude"), join(path, "exclude")) : List.of();
            if (problems.size() != before || name == null || destination == null) {
                return null;
            }
            return new Channel(name, match, exclude, destination, conflict);
        }

        List<Matcher> matchers(JsonNode n, String path) {
            List<Matcher> out = new ArrayList<>();
            if (n == null) {
                return out;
            }
            if (!n.isArray()) {
                problems.add(at(path, "must be an array of matchers"));
                return out;
            }
            for (int i = 0; i < n.size(); i++) {
                JsonNode m = n.get(i);
                String p = path + "[" + i + "]";
                if (!m.isObject()) {
                    problems.add(at(p, "must be an object like {\"kind\": \"extension\", \"value\": \"mxf\"}"));
                    continue;
                }
                int before = problems.size();
                fields(m, p, Set.of("kind", "value", "on", "ignoreCase"));
                MatcherKind kind = parsed(m, p, "kind", MatcherKind::parse, null);
                String value = text(m, p, "value", true);
                Matcher.Scope on = parsed(m, p, "on", Matcher.Scope::parse, Matcher.Scope.NAME);
                boolean ignoreCase = true;
                JsonNode ic = m.get("ignoreCase");
                if (ic != null) {
                    if (!ic.isBoolean()) {
                        problems.add(at(p + ".ignoreCase", "must be true or false"));
                    } else {
                        ignoreCase = ic.asBoolean();
                    }
                }
                if (kind == null && m.get("kind") == null) {
                    problems.add(at(p + ".kind", "is missing (extension, contains, startswith, endswith or regex)"));
                }
                if (problems.size() == before && kind != null && value != null) {
                    out.add(new Matcher(kind, value, on, ignoreCase));
                }
            }
            return out;
        }

        void fields(JsonNode n, String path, Set<String> allowed) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (!allowed.contains(f)) {
                    problems.add(at(join(path, f), "unknown field; expected one of " + new java.util.TreeSet<>(allowed)));
                }
            }
        }

        /** The field's text, or null if it is missing or not a string (a problem is recorded if it must be there). */
        @Nullable
        String text(JsonNode n, String path, String field, boolean required) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                if (required) {
                    problems.add(at(join(path, field), "is missing"));
                }
                return null;
            }
            if (!v.isTextual()) {
                problems.add(at(join(path, field), "must be a string"));
                return null;
            }
            return v.asText();
        }

        /** {@link #text}, or {@code fallback} in its place. */
        String text(JsonNode n, String path, String field, boolean required, String fallback) {
            String s = text(n, path, field, required);
            return s == null ? fallback : s;
        }

        <T extends @Nullable Object> T parsed(JsonNode n, String path, String field, Function<String, T> parse,
                T fallback) {
            String s = text(n, path, field, false);
            if (s == null) {
                return fallback;
            }
            try {
                return parse.apply(s);
            } catch (IllegalArgumentException e) {
                problems.add(at(join(path, field), e.getMessage()));
                return fallback;
            }
        }

        private static String join(String path, String field) {
            return path.isEmpty() ? field : path + "." + field;
        }
    }
}
