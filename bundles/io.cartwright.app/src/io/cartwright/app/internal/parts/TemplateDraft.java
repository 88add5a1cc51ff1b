/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.app.internal.parts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cartwright.routing.Channel;
import io.cartwright.routing.ChannelConflictPolicy;
import io.cartwright.routing.Matcher;
import io.cartwright.routing.Template;
import io.cartwright.routing.UnmatchedMode;

/**
 * The template being edited in the Routing pane: channels in priority order, each with its rules,
 * and what happens to files no channel takes. Plain Java, no checks of its own: {@link #toTemplate()}
 * gives a {@link Template} that the routing service validates when it is planned or saved, so an
 * unfinished edit shows its problems instead of being refused here. UI thread only.
 */
final class TemplateDraft {

    /** One rule of a channel: a matcher that takes files, or one that keeps them out. */
    record Rule(boolean exclude, Matcher matcher) {
    }

    String name;
    String description;
    UnmatchedMode unmatched;
    Channel quarantine;
    Map<String, String> tokens;
    final List<Channel> channels = new ArrayList<>();

    private TemplateDraft(Template t) {
        name = t.name();
        description = t.description();
        unmatched = t.unmatched();
        quarantine = t.quarantine();
        tokens = t.tokens();
        channels.addAll(t.channels());
    }

    static TemplateDraft of(Template t) {
        return new TemplateDraft(t);
    }

    /** A new template: one channel taking every file into a folder named after the card. */
    static TemplateDraft fresh(String name) {
        return new TemplateDraft(new Template(name, "", List.of(new Channel("card", List.of(), List.of(), "{card}/{path}",
                ChannelConflictPolicy.FAIL)), UnmatchedMode.QUARANTINE, Template.DEFAULT_QUARANTINE, Map.of()));
    }

    Template toTemplate() {
        return new Template(name.strip(), description, channels, unmatched, quarantine, tokens);
    }

    /** Adds a channel after {@code index} (at the end for -1) and returns its index. */
    int add(int index) {
        int n = 2;
        while (hasChannel("channel " + n)) {
            n++;
        }
        // No rules: it takes every file the channels above it leave, which the preview shows at once.
        Channel c = new Channel("channel " + n, List.of(), List.of(), "{card}/{path}", ChannelConflictPolicy.FAIL);
        int at = index < 0 ? channels.size() : index + 1;
        channels.add(at, c);
        return at;
    }

    private boolean hasChannel(String channelName) {
        String key = channelName.toLowerCase(Locale.ROOT);
        return channels.stream().anyMatch(c -> c.name().toLowerCase(Locale.ROOT).equals(key));
    }

    /** Moves a channel up ({@code -1}) or down ({@code +1}) in priority; returns its new index. */
    int move(int index, int delta) {
        int to = index + delta;
        if (index < 0 || index >= channels.size() || to < 0 || to >= channels.size()) {
            return index;
        }
        Channel c = channels.remove(index);
        channels.add(to, c);
        return to;
    }

    /** The rules of a channel: its matchers, then its exclusions. */
    List<Rule> rules(int index) {
        Channel c = channels.get(index);
        List<Rule> out = new ArrayList<>();
        c.match().forEach(m -> out.add(new Rule(false, m)));
        c.exclude().forEach(m -> out.add(new Rule(true, m)));
        return out;
    }

    void setRules(int index, List<Rule> rules) {
        Channel c = channels.get(index);
        channels.set(index, new Channel(c.name(), rules.stream().filter(r -> !r.exclude()).map(Rule::matcher).toList(),
                rules.stream().filter(Rule::exclude).map(Rule::matcher).toList(), c.destination(), c.conflict()));
    }

    /** What a channel takes, in one line: {@code mxf, mov; not contains '_proxy'}. */
    static String describe(Channel c) {
        String take = c.match().isEmpty() ? "every file" : String.join(", ", c.match().stream().map(TemplateDraft::brief).toList());
        return c.exclude().isEmpty() ? take
                : take + "; not " + String.join(", ", c.exclude().stream().map(TemplateDraft::brief).toList());
    }

    private static String brief(Matcher m) {
        return m.kind() == io.cartwright.routing.MatcherKind.EXTENSION ? "." + m.value() : m.toString();
    }
}
