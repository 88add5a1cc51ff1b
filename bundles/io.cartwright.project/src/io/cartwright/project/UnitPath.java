/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a work unit sits: the project name, then unit names from the top. Written with '/':
 * {@code NIGHTJAR/DAY01/MAIN/A-CAM}.
 *
 * @param project the project's name
 * @param units unit names from the top; empty for the project itself
 */
public record UnitPath(String project, List<String> units) {

    public UnitPath {
        Objects.requireNonNull(project, "project");
        units = List.copyOf(units);
    }

    /**
     * Parses {@code PROJECT/UNIT/...}; empty parts (leading, trailing or double '/') are refused.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static UnitPath parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("A work-unit path is empty; write PROJECT/UNIT/... such as NIGHTJAR/DAY01/MAIN.");
        }
        String[] parts = t.split("/", -1);
        for (String p : parts) {
            if (p.isEmpty()) {
                throw new IllegalArgumentException("The work-unit path '" + text
                        + "' has an empty part; write PROJECT/UNIT/... such as NIGHTJAR/DAY01/MAIN.");
            }
        }
        return new UnitPath(parts[0], List.of(parts).subList(1, parts.length));
    }

    public static UnitPath of(String project, String... units) {
        return new UnitPath(project, List.of(units));
    }

    /** True for the project itself (no units). */
    public boolean isProject() {
        return units.isEmpty();
    }

    /** The last name (the project's for the project itself). */
    public String name() {
        return units.isEmpty() ? project : units.get(units.size() - 1);
    }

    /** The path one level up. */
    public UnitPath parent() {
        if (units.isEmpty()) {
            throw new IllegalStateException("A project has no parent");
        }
        return new UnitPath(project, units.subList(0, units.size() - 1));
    }

    public UnitPath child(String name) {
        List<String> l = new ArrayList<>(units);
        l.add(name);
        return new UnitPath(project, l);
    }

    @Override
    public String toString() {
        return units.isEmpty() ? project : project + "/" + String.join("/", units);
    }
}
