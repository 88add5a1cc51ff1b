/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.core;

/**
 * Text from data (file names, volume labels) made safe for messages and terminals: every control
 * character is spelled out as a backslash, {@code u} and four upper-case hex digits, so a message
 * stays on its line and a hostile name cannot rewrite the screen with ESC sequences. One rule for
 * every front door, so a name reads the same in an engine message as in the CLI's output.
 */
public final class Printable {

    private Printable() {
    }

    /**
     * {@code text} with its control characters (C0, DEL and C1) spelled out; with {@code layout},
     * line breaks and tabs, which a caller put there to lay out its own text, are kept.
     */
    public static String of(String text, boolean layout) {
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

    /** A name for a one-line message: in single quotes, every control character spelled out. */
    public static String quoted(String name) {
        return "'" + of(name, false) + "'";
    }
}
