/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The settings a project gives its work units and a work unit or an assignment overrides. A null
 * field inherits; a value replaces what is inherited, except {@link #tokens} and
 * {@link #channelRules}, which merge key by key (a channel rule part by part).
 *
 * @param template the routing template's name
 * @param destinations destination roots, primary first, then backups
 * @param hashes hash algorithm ids ({@code xxh3}, {@code md5}, ...)
 * @param retentionDays days to keep card contents after a verified offload
 * @param autoOffload what happens when the card is mounted
 * @param sourceRoots card folders to take the media from; these win over camera layout detection
 * @param tokens custom token values
 * @param channelRules overrides of template channels, by channel name
 */
public record Settings(@Nullable String template, @Nullable List<String> destinations, @Nullable List<String> hashes,
        @Nullable Integer retentionDays, @Nullable AutoOffload autoOffload, @Nullable List<String> sourceRoots,
        @Nullable Map<String, String> tokens, @Nullable Map<String, ChannelRule> channelRules) {

    /** Inherits everything. */
    public static final Settings INHERIT = new Settings(null, null, null, null, null, null, null, null);

    public Settings {
        destinations = destinations == null ? null : List.copyOf(destinations);
        hashes = hashes == null ? null : List.copyOf(hashes);
        sourceRoots = sourceRoots == null ? null : List.copyOf(sourceRoots);
        tokens = tokens == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tokens));
        channelRules = channelRules == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(channelRules));
    }

    /**
     * The fields set here on one line, named as the command-line options that set them ({@code to=},
     * {@code hash=}, {@code {token}=}, ...), two spaces apart; "" when everything inherits. The unit tree and
     * the activity log show settings this way, so what a crew reads in one it can find in the other.
     */
    public String summary() {
        List<String> parts = new ArrayList<>();
        if (template != null) {
            parts.add("template=" + template);
        }
        if (destinations != null) {
            parts.add("to=" + String.join(",", destinations));
        }
        if (hashes != null) {
            parts.add("hash=" + String.join(",", hashes));
        }
        if (retentionDays != null) {
            parts.add("retention=" + retentionDays + "d");
        }
        if (autoOffload != null) {
            parts.add("auto=" + autoOffload.id());
        }
        if (sourceRoots != null) {
            parts.add("source-root=" + String.join(",", sourceRoots));
        }
        if (tokens != null) {
            tokens.forEach((k, v) -> parts.add("{" + k + "}=" + v));
        }
        if (channelRules != null) {
            channelRules.forEach((k, v) -> parts.add("channel " + k + "=" + v.destinationText()
                    + (v.conflict() == null ? "" : " (" + v.conflictId() + ")")));
        }
        return String.join("  ", parts);
    }

    /** These settings with {@code child}'s on top. */
    public Settings overlay(Settings child) {
        Map<String, String> t = tokens;
        if (child.tokens != null) {
            t = new LinkedHashMap<>(tokens == null ? Map.of() : tokens);
            t.putAll(child.tokens);
        }
        Map<String, ChannelRule> rules = channelRules;
        Map<String, ChannelRule> childRules = child.channelRules;
        if (childRules != null) {
            Map<String, ChannelRule> merged = new LinkedHashMap<>(channelRules == null ? Map.of() : channelRules);
            childRules.forEach((k, v) -> merged.merge(k, v, ChannelRule::overlay));
            rules = merged;
        }
        return new Settings(child.template != null ? child.template : template,
                child.destinations != null ? child.destinations : destinations, child.hashes != null ? child.hashes : hashes,
                child.retentionDays != null ? child.retentionDays : retentionDays,
                child.autoOffload != null ? child.autoOffload : autoOffload,
                child.sourceRoots != null ? child.sourceRoots : sourceRoots, t, rules);
    }

    public Settings withTemplate(String v) {
        return new Settings(v, destinations, hashes, retentionDays, autoOffload, sourceRoots, tokens, channelRules);
    }

    public Settings withDestinations(List<String> v) {
        return new Settings(template, v, hashes, retentionDays, autoOffload, sourceRoots, tokens, channelRules);
    }

    public Settings withHashes(List<String> v) {
        return new Settings(template, destinations, v, retentionDays, autoOffload, sourceRoots, tokens, channelRules);
    }

    public Settings withRetentionDays(Integer v) {
        return new Settings(template, destinations, hashes, v, autoOffload, sourceRoots, tokens, channelRules);
    }

    public Settings withAutoOffload(AutoOffload v) {
        return new Settings(template, destinations, hashes, retentionDays, v, sourceRoots, tokens, channelRules);
    }

    public Settings withSourceRoots(List<String> v) {
        return new Settings(template, destinations, hashes, retentionDays, autoOffload, v, tokens, channelRules);
    }

    public Settings withTokens(Map<String, String> v) {
        return new Settings(template, destinations, hashes, retentionDays, autoOffload, sourceRoots, v, channelRules);
    }

    public Settings withChannelRules(Map<String, ChannelRule> v) {
        return new Settings(template, destinations, hashes, retentionDays, autoOffload, sourceRoots, tokens, v);
    }

    /** This with one more channel rule (merged with an existing rule for the channel). */
    public Settings withChannelRule(String channel, ChannelRule rule) {
        Map<String, ChannelRule> m = new LinkedHashMap<>(channelRules == null ? Map.of() : channelRules);
        m.merge(channel, rule, ChannelRule::overlay);
        return withChannelRules(m);
    }
}
