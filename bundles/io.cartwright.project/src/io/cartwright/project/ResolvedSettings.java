/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings after inheritance (defaults, project, work units from the root down, assignment), with
 * where each came from.
 *
 * @param effective every field filled in where a default exists: {@code hashes} ({@code xxh3}),
 *        {@code autoOffload} ({@code confirm}), empty destinations, source roots, tokens and channel rules;
 *        {@code template} and {@code retentionDays} stay null when nobody set them
 * @param origins for each setting name ({@code template}, {@code autoOffload}, {@code tokens.show},
 *        {@code channelRules.camera}, ...), the level that set it: {@code default},
 *        {@code project NIGHTJAR}, {@code unit NIGHTJAR/DAY01/MAIN}, {@code assignment 12}
 */
public record ResolvedSettings(Settings effective, Map<String, String> origins) {

    /** The defaults used when nobody sets a value. */
    public static final Settings DEFAULTS = new Settings(null, List.of(), List.of("xxh3"), null, AutoOffload.CONFIRM,
            List.of(), Map.of(), Map.of());

    public ResolvedSettings {
        origins = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(origins));
    }

    public Optional<String> template() {
        return Optional.ofNullable(effective.template());
    }

    public AutoOffload autoOffload() {
        return effective.autoOffload();
    }

    public List<String> sourceRoots() {
        return effective.sourceRoots();
    }

    /** Where {@code setting} came from, {@code default} if nobody set it. */
    public String origin(String setting) {
        return origins.getOrDefault(setting, "default");
    }
}
