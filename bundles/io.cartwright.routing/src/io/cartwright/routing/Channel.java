/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing;

import java.util.List;
import java.util.Objects;

/**
 * One output of a template: the files it takes and where they go.
 *
 * <p>A file belongs to the first channel (in template order) with a matching {@link #match()} entry
 * (any one is enough; an empty list matches every file) and no matching {@link #exclude()} entry.
 * Files of one clip group travel together: the group goes where its primary file goes.
 *
 * @param name unique within the template (case-insensitive); letters, digits, space, {@code _ . -}
 * @param match the matchers, any of which takes a file
 * @param exclude matchers that keep a file out even when {@code match} takes it
 * @param destination the destination pattern, relative to a destination root: literal text and
 *        tokens such as {@code {project}/{day}/{unit}/{cam}/{card}/{path}} (see {@link TokenContext})
 * @param conflict what to do when two files land on one name
 */
public record Channel(String name, List<Matcher> match, List<Matcher> exclude, String destination,
        ChannelConflictPolicy conflict) {

    public Channel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(destination, "destination");
        match = match == null ? List.of() : List.copyOf(match);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        conflict = conflict == null ? ChannelConflictPolicy.FAIL : conflict;
    }

    /** A channel taking files by {@code match}, with no exclusions and the {@code fail} conflict policy. */
    public static Channel of(String name, String destination, Matcher... match) {
        return new Channel(name, List.of(match), List.of(), destination, ChannelConflictPolicy.FAIL);
    }

    public Channel withDestination(String pattern) {
        return new Channel(name, match, exclude, pattern, conflict);
    }

    public Channel withConflict(ChannelConflictPolicy policy) {
        return new Channel(name, match, exclude, destination, policy);
    }

    public Channel withExclude(Matcher... matchers) {
        return new Channel(name, match, List.of(matchers), destination, conflict);
    }
}
