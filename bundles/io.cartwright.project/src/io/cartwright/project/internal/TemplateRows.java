/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.project.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cartwright.routing.Channel;
import io.cartwright.routing.ChannelConflictPolicy;
import io.cartwright.routing.Matcher;
import io.cartwright.routing.MatcherKind;
import io.cartwright.routing.Template;
import io.cartwright.routing.UnmatchedMode;

import org.eclipse.jdt.annotation.Nullable;

/** Reads and writes the {@code template} and {@code template_channel} tables. */
final class TemplateRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TemplateRows() {
    }

    /** Inserts, or replaces the rows of the template with id {@code existing} (its id is kept). */
    static long write(Connection c, Template t, @Nullable Long existing, String now) throws SQLException {
        long id;
        String tokens = json(t.tokens());
        if (existing == null) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO template(name, description, unmatched, quarantine_name, "
                    + "quarantine_dest, quarantine_conflict, tokens, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, t.name());
                ps.setString(2, t.description());
                ps.setString(3, t.unmatched().id());
                ps.setString(4, t.quarantine().name());
                ps.setString(5, t.quarantine().destination());
                ps.setString(6, t.quarantine().conflict().id());
                ps.setString(7, tokens);
                ps.setString(8, now);
                ps.setString(9, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        } else {
            id = existing;
            try (PreparedStatement ps = c.prepareStatement("UPDATE template SET name = ?, description = ?, unmatched = ?, "
                    + "quarantine_name = ?, quarantine_dest = ?, quarantine_conflict = ?, tokens = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, t.name());
                ps.setString(2, t.description());
                ps.setString(3, t.unmatched().id());
                ps.setString(4, t.quarantine().name());
                ps.setString(5, t.quarantine().destination());
                ps.setString(6, t.quarantine().conflict().id());
                ps.setString(7, tokens);
                ps.setString(8, now);
                ps.setLong(9, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM template_channel WHERE template = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO template_channel(template, position, name, match, exclude, "
                + "destination, conflict) VALUES (?,?,?,?,?,?,?)")) {
            int position = 0;
            for (Channel ch : t.channels()) {
                ps.setLong(1, id);
                ps.setInt(2, position++);
                ps.setString(3, ch.name());
                ps.setString(4, matchers(ch.match()));
                ps.setString(5, matchers(ch.exclude()));
                ps.setString(6, ch.destination());
                ps.setString(7, ch.conflict().id());
                ps.executeUpdate();
            }
        }
        return id;
    }

    static Optional<Long> id(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM template WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    static Optional<Template> read(Connection c, String name) throws SQLException {
        List<Template> list = readWhere(c, "WHERE name = ?", name);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    static List<Template> readAll(Connection c) throws SQLException {
        return readWhere(c, "", null);
    }

    private static List<Template> readWhere(Connection c, String where, @Nullable String arg) throws SQLException {
        record Row(long id, String name, String description, UnmatchedMode unmatched, Channel quarantine,
                Map<String, String> tokens) {
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, description, unmatched, quarantine_name, "
                + "quarantine_dest, quarantine_conflict, tokens FROM template " + where + " ORDER BY name COLLATE NOCASE")) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), UnmatchedMode.parse(rs.getString(4)),
                            new Channel(rs.getString(5), List.of(), List.of(), rs.getString(6),
                                    ChannelConflictPolicy.parse(rs.getString(7))),
                            tokens(rs.getString(8))));
                }
            }
        }
        List<Template> out = new ArrayList<>();
        for (Row r : rows) {
            List<Channel> channels = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, match, exclude, destination, conflict "
                    + "FROM template_channel WHERE template = ? ORDER BY position")) {
                ps.setLong(1, r.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        channels.add(new Channel(rs.getString(1), matchers(rs.getString(2)), matchers(rs.getString(3)),
                                rs.getString(4), ChannelConflictPolicy.parse(rs.getString(5))));
                    }
                }
            }
            out.add(new Template(r.name(), r.description(), channels, r.unmatched(), r.quarantine(), r.tokens()));
        }
        return out;
    }

    private static String matchers(List<Matcher> list) {
        ArrayNode a = JSON.createArrayNode();
        for (Matcher m : list) {
            ObjectNode o = a.addObject();
            o.put("kind", m.kind().id());
            o.put("value", m.value());
            o.put("on", m.on().id());
            o.put("ignoreCase", m.ignoreCase());
        }
        return a.toString();
    }

    private static List<Matcher> matchers(String json) throws SQLException {
        List<Matcher> out = new ArrayList<>();
        try {
            for (JsonNode o : JSON.readTree(json)) {
                out.add(new Matcher(MatcherKind.parse(o.get("kind").asText()), o.get("value").asText(),
                        Matcher.Scope.parse(o.path("on").asText("name")), o.path("ignoreCase").asBoolean(true)));
            }
        } catch (JsonProcessingException | RuntimeException e) {
            throw new SQLException("template_channel matchers are not valid: " + json, e);
        }
        return out;
    }

    private static String json(Map<String, String> map) throws SQLException {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot write JSON", e);
        }
    }

    private static Map<String, String> tokens(String json) throws SQLException {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new SQLException("template tokens are not a JSON object: " + json, e);
        }
    }
}
