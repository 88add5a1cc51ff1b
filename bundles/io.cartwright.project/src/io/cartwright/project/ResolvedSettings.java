/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jdt.annotation.Nullable;

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
        String t = effective.template();
        return t == null ? Optional.empty() : Optional.of(t);
    }

    public AutoOffload autoOffload() {
        AutoOffload a = effective.autoOffload();
        return a == null ? AutoOffload.CONFIRM : a;
    }

    public List<String> sourceRoots() {
        return orEmpty(effective.sourceRoots());
    }

    public List<String> hashes() {
        return orEmpty(effective.hashes());
    }

    public List<String> destinations() {
        return orEmpty(effective.destinations());
    }

    /** Custom token values, by name. */
    public Map<String, String> tokens() {
        Map<String, String> t = effective.tokens();
        return t == null ? Map.of() : t;
    }

    /** Overrides of template channels, by channel name. */
    public Map<String, ChannelRule> channelRules() {
        Map<String, ChannelRule> r = effective.channelRules();
        return r == null ? Map.of() : r;
    }

    private static List<String> orEmpty(@Nullable List<String> list) {
        return list == null ? List.of() : list;
    }

    /** Where {@code setting} came from, {@code default} if nobody set it. */
    public String origin(String setting) {
        return origins.getOrDefault(setting, "default");
    }
}
