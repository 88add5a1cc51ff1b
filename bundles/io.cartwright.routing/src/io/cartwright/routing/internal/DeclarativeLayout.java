/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cartwright.routing.spi.CameraLayoutProvider;
import io.cartwright.routing.spi.CardFile;
import io.cartwright.routing.spi.CardTree;
import io.cartwright.routing.spi.FileTokens;
import io.cartwright.routing.spi.SourceLayout;

import org.eclipse.jdt.annotation.Nullable;

/**
 * A camera layout described by data instead of code: a JSON file listed in a bundle's
 * {@code Camera-Layouts} manifest header (format in the routing bundle's README).
 *
 * <pre>
 * {"format": "cartwright.layout", "version": 1, "id": "com.example.acme.x2", "family": "Acme X2",
 *  "detect": ["ACMEX2/CLIPS/"], "sourceRoots": ["ACMEX2"],
 *  "groups": [{"folder": "ACMEX2/CLIPS", "recursive": false,
 *              "name": "^(?&lt;clip&gt;(?&lt;reel&gt;[A-Z]\\d{3})C\\d{3})(\\.MOV|_META\\.XML)$",
 *              "primary": "\\.MOV$"}]}
 * </pre>
 */
final class DeclarativeLayout implements CameraLayoutProvider {

    static final String FORMAT = "cartwright.layout";

    /** One grouping rule. */
    record Rule(String folder, boolean recursive, Pattern name, @Nullable Pattern primary) {
    }

    private final String id;
    private final String family;
    private final List<String> detect;
    private final List<String> sourceRoots;
    private final List<Rule> rules;

    DeclarativeLayout(String id, String family, List<String> detect, List<String> sourceRoots, List<Rule> rules) {
        this.id = id;
        this.family = family;
        this.detect = List.copyOf(detect);
        this.sourceRoots = List.copyOf(sourceRoots);
        this.rules = List.copyOf(rules);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return family;
    }

    @Override
    public Optional<SourceLayout> detect(CardTree card) {
        for (String d : detect) {
            boolean present = d.endsWith("/") ? card.hasFolder(d.substring(0, d.length() - 1), true)
                    : card.fileIgnoreCase(d).isPresent();
            if (!present) {
                return Optional.empty();
            }
        }
        SourceLayout.Builder b = SourceLayout.builder(id, family);
        for (String r : sourceRoots) {
            b.sourceRoot(card.folderIgnoreCase(r).orElse(r));
        }
        // Every file a rule takes gets its clip name; files with one clip name travel together,
        // whichever rule (folder) took them.
        java.util.Map<String, String> clipOf = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> reels = new java.util.HashMap<>();
        Set<String> primaries = new TreeSet<>();
        List<CardFile> taken = new ArrayList<>();
        for (Rule rule : rules) {
            String folder = card.folderIgnoreCase(rule.folder()).orElse(rule.folder());
            for (CardFile f : rule.recursive() ? card.filesUnder(folder) : card.filesIn(folder)) {
                if (clipOf.containsKey(f.path())) {
                    continue;
                }
                java.util.regex.Matcher m = SafeRegex.matchOrNull(rule.name(), f.name(), true);
                if (m == null) {
                    continue;
                }
                String clip = m.group("clip");
                clipOf.put(f.path(), clip);
                taken.add(f);
                if (hasGroup(rule.name(), "reel") && m.group("reel") != null) {
                    reels.putIfAbsent(clip, m.group("reel"));
                }
                Pattern primary = rule.primary();
                if (primary != null && SafeRegex.find(primary, f.name())) {
                    primaries.add(f.path());
                }
            }
        }
        b.groupBy(taken, f -> clipOf.get(f.path()), f -> primaries.contains(f.path()),
                clip -> new FileTokens(reels.getOrDefault(clip, ""), clip));
        return Optional.of(b.build());
    }

    private static boolean hasGroup(Pattern p, String name) {
        return p.namedGroups().containsKey(name);
    }

    /**
     * Reads a layout file.
     *
     * @param origin where it comes from, for messages ({@code bundle com.example.camera, OSGI-INF/layouts/x2.json})
     * @throws IllegalArgumentException listing every problem
     */
    static DeclarativeLayout read(InputStream in, String origin) throws IOException {
        JsonNode n;
        try {
            n = new ObjectMapper().readTree(in.readNBytes(1024 * 1024));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(origin + ": not valid JSON: " + e.getOriginalMessage());
        }
        List<String> problems = new ArrayList<>();
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException(origin + ": a layout file holds one JSON object");
        }
        Set<String> allowed = Set.of("$comment", "format", "version", "id", "family", "detect", "sourceRoots", "groups");
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!allowed.contains(f)) {
                problems.add(f + ": unknown field; expected one of " + new TreeSet<>(allowed));
            }
        }
        if (!FORMAT.equals(n.path("format").asText())) {
            problems.add("format: must be '" + FORMAT + "'");
        }
        if (n.path("version").asInt(0) != 1) {
            problems.add("version: must be 1");
        }
        String id = n.path("id").asText("");
        if (!id.matches("[A-Za-z0-9_.\\-]{1,100}")) {
            problems.add("id: must be 1 to 100 letters, digits, '.', '_' or '-' (use your reverse domain: com.example.acme)");
        }
        String family = n.path("family").asText("");
        if (family.isBlank()) {
            problems.add("family: is missing");
        }
        List<String> detect = strings(n, "detect", problems);
        if (detect.isEmpty()) {
            problems.add("detect: list at least one folder (ending in '/') or file the card must have");
        }
        List<String> roots = strings(n, "sourceRoots", problems);
        List<Rule> rules = new ArrayList<>();
        JsonNode groups = n.path("groups");
        if (!groups.isMissingNode() && !groups.isArray()) {
            problems.add("groups: must be an array");
        }
        for (int i = 0; i < groups.size(); i++) {
            JsonNode g = groups.get(i);
            String where = "groups[" + i + "]";
            for (Iterator<String> it = g.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (!Set.of("folder", "recursive", "name", "primary").contains(f)) {
                    problems.add(where + "." + f + ": unknown field; expected folder, recursive, name, primary");
                }
            }
            String folder = g.path("folder").asText("");
            Pattern name = null;
            Pattern primary = null;
            try {
                name = SafeRegex.compile(g.path("name").asText(""), true);
                if (!hasGroup(name, "clip")) {
                    problems.add(where + ".name: needs a named group (?<clip>...) that gives the clip name");
                }
            } catch (IllegalArgumentException e) {
                problems.add(where + ".name: " + e.getMessage());
            }
            if (g.has("primary")) {
                try {
                    primary = SafeRegex.compile(g.path("primary").asText(""), true);
                } catch (IllegalArgumentException e) {
                    problems.add(where + ".primary: " + e.getMessage());
                }
            }
            if (name != null) {
                rules.add(new Rule(folder, g.path("recursive").asBoolean(false), name, primary));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(origin + ": " + String.join("; ", problems));
        }
        return new DeclarativeLayout(id, family, detect, roots, rules);
    }

    private static List<String> strings(JsonNode n, String field, List<String> problems) {
        List<String> out = new ArrayList<>();
        JsonNode a = n.path(field);
        if (a.isMissingNode()) {
            return out;
        }
        if (!a.isArray()) {
            problems.add(field + ": must be an array of strings");
            return out;
        }
        for (JsonNode s : a) {
            String v = s.asText("");
            if (!s.isTextual() || v.isEmpty() || v.startsWith("/") || v.contains("..") || v.contains("\\")) {
                problems.add(field + ": '" + s + "' must be a relative path below the card root");
            } else {
                out.add(v);
            }
        }
        return out;
    }
}
