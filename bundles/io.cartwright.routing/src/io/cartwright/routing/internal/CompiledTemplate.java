/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.cartwright.core.ExitCode;
import io.cartwright.routing.Channel;
import io.cartwright.routing.Matcher;
import io.cartwright.routing.MatcherKind;
import io.cartwright.routing.RoutingException;
import io.cartwright.routing.RoutingProblem;
import io.cartwright.routing.Template;
import io.cartwright.routing.spi.CardFile;

import org.eclipse.jdt.annotation.Nullable;

/** A validated template with its regexes compiled and its patterns parsed. Immutable. */
final class CompiledTemplate {

    static final int MAX_CHANNELS = 200;
    static final int MAX_MATCHERS = 200;
    static final int MAX_VALUE_LENGTH = 500;
    private static final Pattern CHANNEL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.\\-]{0,63}");
    private static final Pattern TOKEN_NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    final Template template;
    final List<CompiledChannel> channels;
    final CompiledChannel quarantine;

    private CompiledTemplate(Template template, List<CompiledChannel> channels, CompiledChannel quarantine) {
        this.template = template;
        this.channels = channels;
        this.quarantine = quarantine;
    }

    /** A channel ready to match. */
    static final class CompiledChannel {
        final Channel channel;
        final List<CompiledMatcher> match;
        final List<CompiledMatcher> exclude;
        final DestinationPattern destination;

        CompiledChannel(Channel channel, List<CompiledMatcher> match, List<CompiledMatcher> exclude,
                DestinationPattern destination) {
            this.channel = channel;
            this.match = match;
            this.exclude = exclude;
            this.destination = destination;
        }

        /**
         * True if this channel takes {@code f}.
         *
         * @throws SafeRegex.BudgetExceeded if a regex ran out of steps
         */
        boolean takes(CardFile f) {
            boolean in = match.isEmpty();
            for (CompiledMatcher m : match) {
                if (m.test(f)) {
                    in = true;
                    break;
                }
            }
            if (!in) {
                return false;
            }
            for (CompiledMatcher m : exclude) {
                if (m.test(f)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** One matcher, regex compiled. */
    record CompiledMatcher(Matcher matcher, @Nullable Pattern regex, String lowerValue) {
        boolean test(CardFile f) {
            if (matcher.kind() == MatcherKind.EXTENSION) {
                String ext = f.extension();
                return matcher.ignoreCase() ? ext.equalsIgnoreCase(matcher.value()) : ext.equals(matcher.value());
            }
            String subject = matcher.on() == Matcher.Scope.PATH ? f.path() : f.name();
            if (matcher.kind() == MatcherKind.REGEX) {
                Pattern compiled = regex;
                if (compiled == null) {
                    throw new IllegalStateException("the regex matcher '" + matcher.value() + "' was not compiled");
                }
                return SafeRegex.find(compiled, subject);
            }
            String s = matcher.ignoreCase() ? subject.toLowerCase(Locale.ROOT) : subject;
            String v = matcher.ignoreCase() ? lowerValue : matcher.value();
            return switch (matcher.kind()) {
                case CONTAINS -> s.contains(v);
                case STARTS_WITH -> s.startsWith(v);
                case ENDS_WITH -> s.endsWith(v);
                default -> throw new IllegalStateException();
            };
        }
    }

    /**
     * Validates and compiles.
     *
     * @throws RoutingException ({@link ExitCode#USAGE}) listing every problem
     */
    static CompiledTemplate compile(Template t) {
        List<RoutingProblem> problems = new ArrayList<>();
        String name = t.name();
        if (name.isBlank() || name.length() > 100 || name.chars().anyMatch(c -> c < 0x20)) {
            problems.add(RoutingProblem.template("", "the template name must be 1 to 100 printable characters, not '"
                    + name + "'"));
        }
        Set<String> custom = new HashSet<>();
        for (Map.Entry<String, String> e : t.tokens().entrySet()) {
            String token = e.getKey();
            if (!TOKEN_NAME.matcher(token).matches()) {
                problems.add(RoutingProblem.template("", "the custom token name '" + token
                        + "' must be lower-case letters, digits and '_', starting with a letter"));
            } else if (DestinationPattern.isBuiltIn(token)) {
                problems.add(RoutingProblem.template("", "the custom token {" + token + "} would hide the built-in token of that name"));
            } else {
                custom.add(token);
            }
            String v = e.getValue() == null ? "" : e.getValue();
            for (char c : v.toCharArray()) {
                if (c == '/' || c < 0x20 || DestinationPattern.INVALID_IN_NAME.indexOf(c) >= 0) {
                    problems.add(RoutingProblem.template("", "the default value '" + v + "' of the token {" + token
                            + "} contains '" + (c < 0x20 ? "U+" + Integer.toHexString(c) : String.valueOf(c))
                            + "', which cannot be part of a folder or file name"));
                    break;
                }
            }
        }
        if (t.channels().isEmpty()) {
            problems.add(RoutingProblem.template("", "the template has no channels; add at least one"));
        }
        if (t.channels().size() > MAX_CHANNELS) {
            problems.add(RoutingProblem.template("", "the template has " + t.channels().size() + " channels; at most "
                    + MAX_CHANNELS + " are accepted"));
        }
        Set<String> names = new HashSet<>();
        List<CompiledChannel> compiled = new ArrayList<>();
        for (Channel c : t.channels()) {
            if (!names.add(c.name().toLowerCase(Locale.ROOT))) {
                problems.add(RoutingProblem.template(c.name(), "two channels are called '" + c.name() + "'"));
            }
            CompiledChannel cc = channel(c, custom, problems, true);
            if (cc != null) {
                compiled.add(cc);
            }
        }
        if (names.contains(t.quarantine().name().toLowerCase(Locale.ROOT))) {
            problems.add(RoutingProblem.template(t.quarantine().name(), "a channel has the quarantine channel's name '"
                    + t.quarantine().name() + "'; rename one of them"));
        }
        CompiledChannel q = channel(t.quarantine(), custom, problems, false);
        if (!problems.isEmpty() || q == null) {
            throw new RoutingException(ExitCode.USAGE, "The template '" + name + "' is invalid: " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + ".",
                    "Correct the template (see docs/templates.md) and try again.", problems);
        }
        return new CompiledTemplate(t, List.copyOf(compiled), q);
    }

    private static @Nullable CompiledChannel channel(Channel c, Set<String> custom, List<RoutingProblem> problems,
            boolean matching) {
        int before = problems.size();
        if (!CHANNEL_NAME.matcher(c.name()).matches()) {
            problems.add(RoutingProblem.template(c.name(), "a channel name must be 1 to 64 letters, digits, spaces, '_', "
                    + "'.' or '-', starting with a letter or digit"));
        }
        List<CompiledMatcher> match = matchers(c, c.match(), "match", problems);
        List<CompiledMatcher> exclude = matchers(c, c.exclude(), "exclude", problems);
        if (!matching && (!match.isEmpty() || !exclude.isEmpty())) {
            problems.add(RoutingProblem.template(c.name(), "the quarantine channel takes every unmatched file; "
                    + "it has no match or exclude list"));
        }
        List<String> patternProblems = new ArrayList<>();
        var pattern = DestinationPattern.parse(c.destination(), custom, patternProblems);
        for (String p : patternProblems) {
            problems.add(RoutingProblem.template(c.name(), p));
        }
        if (problems.size() != before || pattern.isEmpty()) {
            return null;
        }
        return new CompiledChannel(c, match, exclude, pattern.get());
    }

    private static List<CompiledMatcher> matchers(Channel c, List<Matcher> list, String what, List<RoutingProblem> problems) {
        if (list.size() > MAX_MATCHERS) {
            problems.add(RoutingProblem.template(c.name(), "the " + what + " list has " + list.size()
                    + " matchers; at most " + MAX_MATCHERS + " are accepted"));
            return List.of();
        }
        List<CompiledMatcher> out = new ArrayList<>();
        for (Matcher m : list) {
            String v = m.value();
            if (v.isEmpty()) {
                problems.add(RoutingProblem.template(c.name(), "an empty " + m.kind().id() + " matcher in the " + what
                        + " list (a channel with no matchers at all takes every file)"));
                continue;
            }
            if (v.length() > MAX_VALUE_LENGTH) {
                problems.add(RoutingProblem.template(c.name(), "a " + m.kind().id() + " value of " + v.length()
                        + " characters; at most " + MAX_VALUE_LENGTH + " are accepted"));
                continue;
            }
            Pattern regex = null;
            switch (m.kind()) {
                case EXTENSION -> {
                    if (v.indexOf('.') >= 0 || v.indexOf('/') >= 0) {
                        problems.add(RoutingProblem.template(c.name(), "the extension '" + v
                                + "' contains '.' or '/'; an extension is what follows the last dot (use endswith for '.tar.gz')"));
                        continue;
                    }
                }
                case REGEX -> {
                    try {
                        regex = SafeRegex.compile(v, m.ignoreCase());
                    } catch (IllegalArgumentException e) {
                        problems.add(RoutingProblem.template(c.name(), e.getMessage()));
                        continue;
                    }
                }
                default -> {
                    // plain text
                }
            }
            out.add(new CompiledMatcher(m, regex, v.toLowerCase(Locale.ROOT)));
        }
        return out;
    }
}
