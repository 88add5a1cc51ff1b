/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing;

import java.util.Locale;
import java.util.Objects;

/**
 * One test a channel applies to a file.
 *
 * @param kind how to compare
 * @param value the extension (without dot), text or regular expression
 * @param on whether to test the file name (default) or its whole path below the card root
 *        ('/'-separated); {@link MatcherKind#EXTENSION} always looks at the name
 * @param ignoreCase compare without regard to case (default true: cards write {@code .MXF} and {@code .mxf})
 */
public record Matcher(MatcherKind kind, String value, Scope on, boolean ignoreCase) {

    /** What a matcher looks at. */
    public enum Scope {
        /** The file name, {@code A001C001.MXF}. */
        NAME("name"),
        /** The path below the card root, {@code XDROOT/Clip/A001C001.MXF}. */
        PATH("path");

        private final String id;

        Scope(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** @throws IllegalArgumentException naming the accepted values */
        public static Scope parse(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            for (Scope s : values()) {
                if (s.id.equals(t)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("Unknown matcher scope '" + text + "'. Use name or path.");
        }
    }

    public Matcher {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        on = on == null ? Scope.NAME : on;
        if (kind == MatcherKind.EXTENSION && value.startsWith(".")) {
            value = value.substring(1);
        }
    }

    public static Matcher extension(String ext) {
        return new Matcher(MatcherKind.EXTENSION, ext, Scope.NAME, true);
    }

    public static Matcher contains(String text) {
        return new Matcher(MatcherKind.CONTAINS, text, Scope.NAME, true);
    }

    public static Matcher startsWith(String text) {
        return new Matcher(MatcherKind.STARTS_WITH, text, Scope.NAME, true);
    }

    public static Matcher endsWith(String text) {
        return new Matcher(MatcherKind.ENDS_WITH, text, Scope.NAME, true);
    }

    public static Matcher regex(String regex) {
        return new Matcher(MatcherKind.REGEX, regex, Scope.NAME, true);
    }

    /** The same test applied to the path below the card root instead of the name. */
    public Matcher onPath() {
        return new Matcher(kind, value, Scope.PATH, ignoreCase);
    }

    /** The same test, case-sensitive. */
    public Matcher caseSensitive() {
        return new Matcher(kind, value, on, false);
    }

    @Override
    public String toString() {
        return kind.id() + (on == Scope.PATH ? "(path)" : "") + " '" + value + "'" + (ignoreCase ? "" : " (case-sensitive)");
    }
}
