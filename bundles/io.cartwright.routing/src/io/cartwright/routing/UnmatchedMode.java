/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing;

import java.util.Locale;

/** What happens to files that no channel of a template matches. Nothing is ever dropped silently. */
public enum UnmatchedMode {
    /** Not copied, but listed in the plan's {@link RoutePlan#unmatched()}. */
    IGNORE("ignore"),
    /** Copied through the template's quarantine channel (the default). */
    QUARANTINE("quarantine"),
    /** The plan is refused, listing every unmatched file. */
    FAIL("fail");

    private final String id;

    UnmatchedMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static UnmatchedMode parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (UnmatchedMode m : values()) {
            if (m.id.equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown unmatched mode '" + text + "'. Use one of: ignore, quarantine, fail.");
    }
}
