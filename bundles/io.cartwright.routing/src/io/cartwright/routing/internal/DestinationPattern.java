/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.cartwright.routing.SafeNames;

import org.eclipse.jdt.annotation.Nullable;

/**
 * A parsed destination pattern: literal text and {@code {token}} or {@code {date:FORMAT}} parts,
 * '/' separating folders. Expansion checks every resulting folder and file name with
 * {@link SafeNames} and names the token that produced a bad one.
 */
final class DestinationPattern {

    /** Tokens that give one name (no '/'). */
    static final Set<String> SINGLE = Set.of("project", "date", "day", "unit", "cam", "role", "card", "device", "reel",
            "clip", "ext", "name", "stem");
    /** Tokens that may give several folders ("a/b/c") or nothing. */
    static final Set<String> MULTI = Set.of("wu", "path", "dir", "relpath", "reldir");

    static final String INVALID_IN_NAME = "<>:\"\\|?*";

    sealed interface Part permits Literal, Token {
    }

    record Literal(String text) implements Part {
    }

    record Token(String name, @Nullable String format, @Nullable DateTimeFormatter formatter) implements Part {
        boolean multi() {
            return MULTI.contains(name);
        }

        String display() {
            return "{" + name + (format == null ? "" : ":" + format) + "}";
        }
    }

    /** A bad expansion: the message and the tokens that made the bad name (may be empty). */
    record Failure(String message, String tokens) {
    }

    private final String source;
    private final List<Part> parts;

    private DestinationPattern(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    String source() {
        return source;
    }

    List<Part> parts() {
        return parts;
    }

    static boolean isBuiltIn(String token) {
        return SINGLE.contains(token) || MULTI.contains(token);
    }

    /**
     * Parses and checks {@code pattern}.
     *
     * @param custom the custom tokens the template declares
     * @param problems receives one sentence per problem
     * @return the pattern, or empty when it has problems
     */
    static Optional<DestinationPattern> parse(String pattern, Set<String> custom, List<String> problems) {
        int before = problems.size();
        if (pattern.isBlank()) {
            problems.add("the destination pattern is empty");
            return Optional.empty();
        }
        if (pattern.startsWith("/") || pattern.startsWith("\\") || pattern.matches("(?s)^[A-Za-z]:.*")
                || pattern.startsWith("~")) {
            problems.add("the destination pattern '" + pattern + "' is absolute; it must be relative to the destination root");
            return Optional.empty();
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '}') {
                problems.add("the destination pattern '" + pattern + "' has a '}' without '{' at position " + i);
                return Optional.empty();
            }
            if (c != '{') {
                literal.append(c);
                continue;
            }
            int end = pattern.indexOf('}', i);
            int nested = pattern.indexOf('{', i + 1);
            if (end < 0 || nested >= 0 && nested < end) {
                problems.add("the destination pattern '" + pattern + "' has a '{' without '}' at position " + i);
                return Optional.empty();
            }
            if (!literal.isEmpty()) {
                parts.add(new Literal(literal.toString()));
                literal.setLength(0);
            }
            String body = pattern.substring(i + 1, end);
            int colon = body.indexOf(':');
            String name = (colon < 0 ? body : body.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
            String format = colon < 0 ? null : body.substring(colon + 1);
            if (!isBuiltIn(name) && !custom.contains(name)) {
                problems.add("the destination pattern '" + pattern + "' uses the unknown token {" + name
                        + "}; known: {project} {date} {day} {unit} {wu} {cam} {role} {card} {device} {reel} {clip} "
                        + "{ext} {name} {stem} {path} {dir} {relpath} {reldir}"
                        + (custom.isEmpty() ? "" : " and the template's own " + braces(custom))
                        + " (declare custom tokens in the template's \"tokens\")");
                i = end;
                continue;
            }
            DateTimeFormatter formatter = null;
            if (format != null) {
                if (!name.equals("date")) {
                    problems.add("the token {" + name + "} takes no format (only {date:FORMAT} does)");
                } else {
                    try {
                        formatter = DateTimeFormatter.ofPattern(format, Locale.ROOT);
                        String sample = formatter.format(LocalDate.of(2026, 12, 31));
                        if (sample.isEmpty() || sample.indexOf('/') >= 0 || sample.indexOf('\\') >= 0) {
                            problems.add("the date format '" + format + "' must give one folder or file name part, not '"
                                    + sample + "'");
                        }
                    } catch (IllegalArgumentException | java.time.DateTimeException e) {
                        problems.add("the date format '" + format + "' is invalid: " + e.getMessage()
                                + " (use letters such as yyyy, MM, dd)");
                    }
                }
            }
            parts.add(new Token(name, format, formatter));
            i = end;
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        if (problems.size() == before) {
            checkLiterals(pattern, parts, problems);
        }
        return problems.size() == before ? Optional.of(new DestinationPattern(pattern, parts)) : Optional.empty();
    }

    /** Checks the names made of literal text only, and the characters of literal text anywhere. */
    private static void checkLiterals(String pattern, List<Part> parts, List<String> problems) {
        StringBuilder seg = new StringBuilder();
        boolean tokenInSeg = false;
        List<String> segments = new ArrayList<>();
        List<Boolean> withToken = new ArrayList<>();
        for (Part p : parts) {
            if (p instanceof Literal l) {
                for (char c : l.text().toCharArray()) {
                    if (c == '/') {
                        segments.add(seg.toString());
                        withToken.add(tokenInSeg);
                        seg.setLength(0);
                        tokenInSeg = false;
                    } else {
                        seg.append(c);
                        if (c < 0x20 || INVALID_IN_NAME.indexOf(c) >= 0) {
                            problems.add("the destination pattern '" + pattern + "' contains '"
                                    + (c < 0x20 ? String.format(Locale.ROOT, "U+%04X", (int) c) : String.valueOf(c))
                                    + "', invalid in names on exFAT and NTFS" + (c == '\\' ? " (use '/' between folders)" : ""));
                            return;
                        }
                    }
                }
            } else {
                tokenInSeg = true;
            }
        }
        segments.add(seg.toString());
        withToken.add(tokenInSeg);
        for (int i = 0; i < segments.size(); i++) {
            if (withToken.get(i)) {
                continue;
            }
            String s = segments.get(i);
            if (s.isEmpty()) {
                problems.add("the destination pattern '" + pattern + "' has an empty folder name"
                        + (i == segments.size() - 1 ? " (it ends with '/')" : " ('//')"));
                return;
            }
            Optional<String> bad = SafeNames.problem(s);
            if (bad.isPresent()) {
                problems.add("the destination pattern '" + pattern + "': " + bad.get());
                return;
            }
        }
    }

    /**
     * Expands the pattern.
     *
     * @param value the value of a token ({@code ""} = not known)
     * @return the '/'-separated destination, or the failure
     */
    Expansion expand(Function<Token, String> value) {
        List<String> out = new ArrayList<>();
        Seg cur = new Seg();
        for (Part p : parts) {
            if (p instanceof Literal l) {
                for (char c : l.text().toCharArray()) {
                    if (c == '/') {
                        Failure f = cur.close(out);
                        if (f != null) {
                            return Expansion.failed(f);
                        }
                        cur = new Seg();
                    } else {
                        cur.text.append(c);
                        cur.literal = true;
                    }
                }
                continue;
            }
            Token t = (Token) p;
            String v = value.apply(t);
            if (!t.multi()) {
                if (v.isEmpty() && !t.name().equals("ext")) {
                    return Expansion.failed(new Failure("the token " + t.display() + " has no value"
                            + Hints.forToken(t.name()), t.display()));
                }
                if (v.indexOf('/') >= 0 || v.indexOf('\\') >= 0) {
                    return Expansion.failed(new Failure("the token " + t.display() + " gives '" + v
                            + "', which contains a path separator; a single folder or file name is expected", t.display()));
                }
                cur.text.append(v);
                cur.tokens.add(t.display());
                continue;
            }
            if (v.isEmpty()) {
                cur.emptyMulti = true;
                continue;
            }
            String[] pieces = v.split("/", -1);
            for (int k = 0; k < pieces.length; k++) {
                if (k > 0) {
                    Failure f = cur.close(out);
                    if (f != null) {
                        return Expansion.failed(f);
                    }
                    cur = new Seg();
                }
                cur.text.append(pieces[k]);
                cur.tokens.add(t.display());
            }
        }
        Failure f = cur.close(out);
        if (f != null) {
            return Expansion.failed(f);
        }
        if (out.isEmpty()) {
            return Expansion.failed(new Failure("the destination pattern '" + source + "' gives an empty path", ""));
        }
        return new Expansion(String.join("/", out), null);
    }

    /** The result of {@link #expand}: a path or a failure. */
    record Expansion(@Nullable String path, @Nullable Failure failure) {
        static Expansion failed(Failure f) {
            return new Expansion(null, f);
        }
    }

    private static final class Seg {
        final StringBuilder text = new StringBuilder();
        final Set<String> tokens = new LinkedHashSet<>();
        boolean literal;
        boolean emptyMulti;

        /** Adds the finished name to {@code out}; null when fine. */
        @Nullable
        Failure close(List<String> out) {
            String s = text.toString();
            if (s.isEmpty() && !literal && tokens.isEmpty() && emptyMulti) {
                return null; // {dir} of a file at the card root: no folder
            }
            Optional<String> bad = SafeNames.problem(s);
            if (bad.isPresent()) {
                String who = String.join("", tokens);
                String lead = tokens.isEmpty() ? "the pattern gives " : (tokens.size() == 1 ? "the token " : "the tokens ")
                        + who + " give" + (tokens.size() == 1 ? "s " : " ");
                return new Failure(lead + "the name '" + s + "': " + bad.get(), who);
            }
            out.add(s);
            return null;
        }
    }

    private static String braces(Set<String> names) {
        StringBuilder b = new StringBuilder();
        for (String n : new java.util.TreeSet<>(names)) {
            b.append(b.isEmpty() ? "" : " ").append('{').append(n).append('}');
        }
        return b.toString();
    }

    /** What to do about a token without a value. */
    static final class Hints {
        private Hints() {
        }

        static String forToken(String token) {
            return switch (token) {
                case "project" -> " (route the card through a project: assign it, or give --unit)";
                case "day" -> " (the card's work unit has no unit of kind 'day' above it)";
                case "unit" -> " (assign the card to a work unit, or give --unit)";
                case "cam", "role" -> " (assign the card with --role, or give --token " + token + "=VALUE)";
                case "device" -> " (plan for a registered device with --device)";
                default -> " (give it a value in the project, unit or assignment tokens, or with --token " + token + "=VALUE)";
            };
        }
    }
}
