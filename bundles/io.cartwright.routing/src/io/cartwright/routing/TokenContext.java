/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The values of the card-wide tokens of a destination pattern. Per-file tokens come from the file
 * and the camera layout.
 *
 * <table>
 * <caption>Tokens</caption>
 * <tr><td>{@code {project}}</td><td>project name</td></tr>
 * <tr><td>{@code {date}}, {@code {date:yyyyMMdd}}</td><td>shooting date, ISO or a {@code DateTimeFormatter} pattern</td></tr>
 * <tr><td>{@code {day}}</td><td>the work unit of kind day</td></tr>
 * <tr><td>{@code {unit}}</td><td>the work unit of kind unit (else the assigned unit)</td></tr>
 * <tr><td>{@code {wu}}</td><td>the whole work-unit path, several folders ({@code DAY01/MAIN/A-CAM})</td></tr>
 * <tr><td>{@code {cam}}, {@code {role}}</td><td>camera and role of the assignment</td></tr>
 * <tr><td>{@code {card}}, {@code {device}}</td><td>card (volume) name, device label</td></tr>
 * <tr><td>{@code {reel}}, {@code {clip}}</td><td>per file, from the camera layout (else card name, file stem)</td></tr>
 * <tr><td>{@code {name}}, {@code {stem}}, {@code {ext}}</td><td>file name, name without extension, extension</td></tr>
 * <tr><td>{@code {path}}, {@code {dir}}</td><td>path below the card root and its folder part (several folders)</td></tr>
 * <tr><td>{@code {relpath}}, {@code {reldir}}</td><td>the same below the layout's source root</td></tr>
 * <tr><td>custom</td><td>declared in the template's {@code tokens}, valued here</td></tr>
 * </table>
 *
 * Empty strings mean "not known"; a pattern that uses an unknown single-folder token is refused for
 * that file with the token named.
 */
public record TokenContext(String project, LocalDate date, String day, String unit, List<String> wu, String cam,
        String role, String card, String device, Map<String, String> custom) {

    public TokenContext {
        project = nn(project);
        Objects.requireNonNull(date, "date");
        day = nn(day);
        unit = nn(unit);
        wu = wu == null ? List.of() : List.copyOf(wu);
        cam = nn(cam);
        role = nn(role);
        card = nn(card);
        device = nn(device);
        custom = custom == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(custom));
    }

    /** Only the card name and date: the template-less case. */
    public static TokenContext ofCard(String card, LocalDate date) {
        return new TokenContext("", date, "", "", List.of(), "", "", card, "", Map.of());
    }

    public static Builder builder(String card, LocalDate date) {
        return new Builder(card, date);
    }

    public TokenContext withCard(String newCard) {
        return new TokenContext(project, date, day, unit, wu, cam, role, newCard, device, custom);
    }

    /** This context with more custom token values (same name: the new value wins). */
    public TokenContext withCustom(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(custom);
        all.putAll(more);
        return new TokenContext(project, date, day, unit, wu, cam, role, card, device, all);
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }

    /** Builds a {@link TokenContext}. */
    public static final class Builder {
        private String project = "";
        private LocalDate date;
        private String day = "";
        private String unit = "";
        private List<String> wu = List.of();
        private String cam = "";
        private String role = "";
        private String card;
        private String device = "";
        private final Map<String, String> custom = new LinkedHashMap<>();

        private Builder(String card, LocalDate date) {
            this.card = card;
            this.date = date;
        }

        public Builder project(String v) {
            project = v;
            return this;
        }

        public Builder date(LocalDate v) {
            date = v;
            return this;
        }

        public Builder day(String v) {
            day = v;
            return this;
        }

        public Builder unit(String v) {
            unit = v;
            return this;
        }

        public Builder wu(List<String> v) {
            wu = v;
            return this;
        }

        public Builder cam(String v) {
            cam = v;
            return this;
        }

        public Builder role(String v) {
            role = v;
            return this;
        }

        public Builder card(String v) {
            card = v;
            return this;
        }

        public Builder device(String v) {
            device = v;
            return this;
        }

        public Builder token(String name, String value) {
            custom.put(name, value);
            return this;
        }

        public Builder tokens(Map<String, String> values) {
            custom.putAll(values);
            return this;
        }

        public TokenContext build() {
            return new TokenContext(project, date, day, unit, wu, cam, role, card, device, custom);
        }
    }
}
