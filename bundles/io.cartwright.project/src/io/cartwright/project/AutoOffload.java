/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.project;

import java.util.Locale;

/** What happens when an assigned card is mounted. Set per project, work unit (a day) or device. */
public enum AutoOffload {
    /** Start the offload as soon as the card is recognised. */
    ON_MOUNT("on-mount"),
    /** Show the plan and ask before starting (the default). */
    CONFIRM("confirm"),
    /** Do nothing until someone starts it. */
    MANUAL("manual");

    private final String id;

    AutoOffload(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static AutoOffload parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (AutoOffload a : values()) {
            if (a.id.equals(t)) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown auto-offload rule '" + text + "'. Use one of: on-mount, confirm, manual.");
    }
}
