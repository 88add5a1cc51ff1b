/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.project;

import java.util.Locale;

/**
 * What a work unit stands for. Kinds feed the tokens: {@code {day}} is the nearest unit of kind
 * {@link #DAY}, {@code {unit}} the nearest of kind {@link #UNIT}, {@code {cam}} the nearest of kind
 * {@link #CAMERA}; units nest in any order and depth.
 */
public enum UnitKind {
    PHASE("phase"),
    DAY("day"),
    LOCATION("location"),
    UNIT("unit"),
    /** A camera role as a level of the tree (A-CAM under a unit). */
    CAMERA("camera"),
    OTHER("other");

    private final String id;

    UnitKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static UnitKind parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (UnitKind k : values()) {
            if (k.id.equals(t)) {
                return k;
            }
        }
        throw new IllegalArgumentException(
                "Unknown work-unit kind '" + text + "'. Use one of: phase, day, location, unit, camera, other.");
    }
}
