/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.project.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cartwright.core.CartwrightException;
import io.cartwright.core.ExitCode;
import io.cartwright.hash.HashAlgorithm;
import io.cartwright.project.AutoOffload;
import io.cartwright.project.ChannelRule;
import io.cartwright.project.Settings;
import io.cartwright.routing.ChannelConflictPolicy;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The eight settings columns shared by {@code project}, {@code work_unit} and {@code assignment}:
 * validation, binding and reading. Lists and maps are JSON text; NULL means inherit.
 */
final class SettingsColumns {

    /** In binding order. */
    static final String COLUMNS = "template, destinations, hashes, retention_days, auto_offload, source_roots, tokens, channel_rules";
    static final String PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?, ?";
    static final String ASSIGNMENTS = "template = ?, destinations = ?, hashes = ?, retention_days = ?, auto_offload = ?, "
            + "source_roots = ?, tokens = ?, channel_rules = ?";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INVALID = "<>:\"/\\|?*";

    private SettingsColumns() {
    }

    /**
     * Checks and normalises settings (hash ids canonical, source roots without trailing '/').
     *
     * @throws CartwrightException ({@link ExitCode#USAGE}) saying what is wrong
     */
    static Settings normalise(Settings s) {
        List<String> hashes = null;
        List<String> given = s.hashes();
        if (given != null) {
            hashes = new ArrayList<>();
            for (String h : given) {
                try {
                    String id = HashAlgorithm.parse(h).id();
                    if (!hashes.contains(id)) {
                        hashes.add(id);
                    }
                } catch (IllegalArgumentException e) {
                    throw usage(e.getMessage(), "Use xxh3, xxh128, xxh64, md5, sha1, sha256 or c4.");
                }
            }
            if (hashes.isEmpty()) {
                throw usage("At least one hash algorithm is needed.", "Give --hash xxh3 (the default) or another.");
            }
        }
        List<String> destinations = s.destinations();
        if (destinations != null) {
            for (String d : destinations) {
                if (d.isBlank() || d.chars().anyMatch(c -> c < 0x20)) {
                    throw usage("The destination '" + d + "' is empty or has control characters.", "Give a folder path.");
                }
            }
        }
        Integer retention = s.retentionDays();
        if (retention != null && retention < 0) {
            throw usage("The retention must be 0 days or more, not " + retention + ".", "Give a number of days.");
        }
        List<String> roots = null;
        List<String> givenRoots = s.sourceRoots();
        if (givenRoots != null) {
            roots = new ArrayList<>();
            for (String r : givenRoots) {
                String n = r.replaceAll("/+$", "");
                if (n.isEmpty() || n.startsWith("/") || n.contains("\\") || n.matches("(^|.*/)\\.\\.(/.*|$)")
                        || n.matches("^[A-Za-z]:.*")) {
                    throw usage("The source root '" + r + "' must be a folder below the card root, like PRIVATE/M4ROOT.",
                            "Give the path relative to the card, without '..'.");
                }
                roots.add(n);
            }
        }
        Map<String, String> tokens = s.tokens();
        if (tokens != null) {
            for (Map.Entry<String, String> e : tokens.entrySet()) {
                if (!e.getKey().matches("[a-z][a-z0-9_]{0,31}")) {
                    throw usage("The token name '" + e.getKey() + "' must be lower-case letters, digits and '_', starting with a letter.",
                            "Rename the token.");
                }
                for (char c : e.getValue().toCharArray()) {
                    if (c < 0x20 || INVALID.indexOf(c) >= 0) {
                        throw usage("The value '" + e.getValue() + "' of the token {" + e.getKey() + "} contains '" + c
                                + "', which cannot be part of a folder or file name.", "Choose a value without < > : \" / \\ | ? *.");
                    }
                }
            }
        }
        Map<String, ChannelRule> rules = s.channelRules();
        if (rules != null) {
            for (Map.Entry<String, ChannelRule> e : rules.entrySet()) {
                if (e.getValue().destination() == null && e.getValue().conflict() == null) {
                    throw usage("The channel rule for '" + e.getKey() + "' changes nothing.", "Give a destination or a conflict policy.");
                }
            }
        }
        return new Settings(s.template(), s.destinations(), hashes, s.retentionDays(), s.autoOffload(), roots, s.tokens(),
                s.channelRules());
    }

    /** Binds the eight columns from {@code index} on; resolves the template name to its id. */
    static void bind(Connection c, PreparedStatement ps, int index, Settings s) throws SQLException {
        String template = s.template();
        if (template == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, templateId(c, template));
        }
        setJson(ps, index + 1, s.destinations());
        setJson(ps, index + 2, s.hashes());
        Integer retention = s.retentionDays();
        if (retention == null) {
            ps.setNull(index + 3, Types.INTEGER);
        } else {
            ps.setInt(index + 3, retention);
        }
        AutoOffload auto = s.autoOffload();
        ps.setString(index + 4, auto == null ? null : auto.id());
        setJson(ps, index + 5, s.sourceRoots());
        setJson(ps, index + 6, s.tokens());
        Map<String, ChannelRule> rules = s.channelRules();
        if (rules == null) {
            ps.setNull(index + 7, Types.VARCHAR);
        } else {
            ObjectNode o = JSON.createObjectNode();
            rules.forEach((k, v) -> {
                ObjectNode r = o.putObject(k);
                v.fields().forEach(r::put);
            });
            ps.setString(index + 7, o.toString());
        }
    }

    /** Reads the columns; the template name comes from the joined column {@code template_name}. */
    static Settings read(ResultSet rs) throws SQLException {
        int retention = rs.getInt("retention_days");
        Integer retentionDays = rs.wasNull() ? null : retention;
        String auto = rs.getString("auto_offload");
        Map<String, ChannelRule> rules = null;
        String rulesJson = rs.getString("channel_rules");
        if (rulesJson != null) {
            rules = new LinkedHashMap<>();
            try {
                for (Map.Entry<String, JsonNode> e : JSON.readTree(rulesJson).properties()) {
                    JsonNode d = e.getValue().get("destination");
                    JsonNode p = e.getValue().get("conflict");
                    rules.put(e.getKey(), new ChannelRule(d == null ? null : d.asText(),
                            p == null ? null : ChannelConflictPolicy.parse(p.asText())));
                }
            } catch (JsonProcessingException e) {
                throw new SQLException("channel_rules is not valid JSON: " + e.getOriginalMessage(), e);
            }
        }
        return new Settings(rs.getString("template_name"), list(rs.getString("destinations")), list(rs.getString("hashes")),
                retentionDays, auto == null ? null : AutoOffload.parse(auto), list(rs.getString("source_roots")),
                map(rs.getString("tokens")), rules);
    }

    static long templateId(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM template WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        throw usage("There is no template called '" + name + "'.",
                "List them with 'cartwright templates list'; import one with 'cartwright templates import FILE'.");
    }

    private static void setJson(PreparedStatement ps, int index, @Nullable Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
            return;
        }
        try {
            ps.setString(index, JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot write JSON", e);
        }
    }

    private static List<String> list(String json) throws SQLException {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new SQLException("not a JSON array: " + json, e);
        }
    }

    private static Map<String, String> map(String json) throws SQLException {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new SQLException("not a JSON object: " + json, e);
        }
    }

    static CartwrightException usage(String message, String hint) {
        return new CartwrightException(ExitCode.USAGE, message, hint);
    }
}
