/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A routing template: an ordered list of channels, what to do with files none of them takes, and
 * the custom tokens its patterns may use. Saved in the database and exchanged as JSON files
 * ({@code docs/templates.md}). Validate with {@link RoutingService#validate(Template)}.
 *
 * @param name the template's name, unique in a database (case-insensitive)
 * @param description free text for people
 * @param channels the channels, in matching order
 * @param unmatched what happens to files no channel takes (default {@link UnmatchedMode#QUARANTINE})
 * @param quarantine the channel unmatched files go to in quarantine mode (its matchers are not used);
 *        default {@link #DEFAULT_QUARANTINE}
 * @param tokens the custom tokens the patterns may use, with their default values (an empty default
 *        must be given a value by the project, unit or assignment)
 */
public record Template(String name, String description, List<Channel> channels, UnmatchedMode unmatched,
        Channel quarantine, Map<String, String> tokens) {

    /** Where quarantined files go unless a template says otherwise. */
    public static final Channel DEFAULT_QUARANTINE = new Channel("quarantine", List.of(), List.of(),
            "_QUARANTINE/{card}/{path}", ChannelConflictPolicy.VERSION);

    public Template {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        channels = channels == null ? List.of() : List.copyOf(channels);
        unmatched = unmatched == null ? UnmatchedMode.QUARANTINE : unmatched;
        quarantine = quarantine == null ? DEFAULT_QUARANTINE : quarantine;
        tokens = tokens == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tokens));
    }

    public static Template of(String name, UnmatchedMode unmatched, Channel... channels) {
        return new Template(name, "", List.of(channels), unmatched, DEFAULT_QUARANTINE, Map.of());
    }

    /** The channel called {@code channelName} (case-insensitive). */
    public Optional<Channel> channel(String channelName) {
        String key = channelName.toLowerCase(Locale.ROOT);
        return channels.stream().filter(c -> c.name().toLowerCase(Locale.ROOT).equals(key)).findFirst();
    }

    /** This template with {@code replacement} in place of the channel of the same name. */
    public Template withChannel(Channel replacement) {
        String key = replacement.name().toLowerCase(Locale.ROOT);
        if (quarantine.name().toLowerCase(Locale.ROOT).equals(key)) {
            return new Template(name, description, channels, unmatched, replacement, tokens);
        }
        List<Channel> list = new ArrayList<>();
        boolean found = false;
        for (Channel c : channels) {
            if (c.name().toLowerCase(Locale.ROOT).equals(key)) {
                list.add(replacement);
                found = true;
            } else {
                list.add(c);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("The template '" + name + "' has no channel '" + replacement.name()
                    + "'. Its channels: " + String.join(", ", channels.stream().map(Channel::name).toList()) + ".");
        }
        return new Template(name, description, list, unmatched, quarantine, tokens);
    }

    public Template withName(String newName) {
        return new Template(newName, description, channels, unmatched, quarantine, tokens);
    }

    public Template withUnmatched(UnmatchedMode mode) {
        return new Template(name, description, channels, mode, quarantine, tokens);
    }

    public Template withQuarantine(Channel channel) {
        return new Template(name, description, channels, unmatched, channel, tokens);
    }

    /** This template with more custom tokens (same name: the new default wins). */
    public Template withTokens(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(tokens);
        all.putAll(more);
        return new Template(name, description, channels, unmatched, quarantine, all);
    }
}
