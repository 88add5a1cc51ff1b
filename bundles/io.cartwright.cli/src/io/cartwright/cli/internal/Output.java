/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.cli.internal;

import java.io.PrintStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes a command's result for people, or as JSON when {@code --json} was given. */
public final class Output {

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    private final PrintStream out;
    private final boolean json;

    Output(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    public boolean json() {
        return json;
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** One JSON document (or one JSON line of an event stream). */
    public void json(Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON output", e);
        }
    }

    /** A line for people; control characters from data (file names) are spelled out. */
    public void line(String text) {
        out.println(printable(text, true));
    }

    /**
     * {@code text} safe to print on a terminal: control characters (ESC among them, which a hostile
     * file name could use to rewrite the screen) are spelled out as a backslash, u and four hex
     * digits (ESC as 001B); with {@code layout}, line breaks and tabs that the command itself put
     * there are kept.
     */
    public static String printable(String text, boolean layout) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 || (c >= 0x7f && c <= 0x9f)) && !(layout && (c == '\n' || c == '\t'));
            if (control) {
                if (b == null) {
                    b = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                b.append(String.format("\\u%04X", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? text : b.toString();
    }
}
