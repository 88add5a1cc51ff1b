/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing;

import java.util.Locale;

/** How a {@link Matcher} compares its value with a file. */
public enum MatcherKind {
    /** The file name's extension (after the last dot, without it) equals the value: {@code mxf}. */
    EXTENSION("extension"),
    /** The name (or path) contains the value anywhere. */
    CONTAINS("contains"),
    /** The name (or path) starts with the value. */
    STARTS_WITH("startswith"),
    /** The name (or path) ends with the value. */
    ENDS_WITH("endswith"),
    /**
     * A Java regular expression found anywhere in the name (or path); anchor it with {@code ^...$}.
     * Bounded: nested quantifiers such as {@code (a+)+} and back-references are refused up front, and a
     * match that takes too many steps is stopped with an error naming the channel.
     */
    REGEX("regex");

    private final String id;

    MatcherKind(String id) {
        this.id = id;
    }

    /** The name used in template files and on the command line. */
    public String id() {
        return id;
    }

    /**
     * Parses {@link #id()} (also the constant name, any case).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static MatcherKind parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace("_", "");
        for (MatcherKind k : values()) {
            if (k.id.equals(t)) {
                return k;
            }
        }
        throw new IllegalArgumentException(
                "Unknown matcher kind '" + text + "'. Use one of: extension, contains, startswith, endswith, regex.");
    }
}
