/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Regular expressions from templates and layout files, bounded against catastrophic backtracking in
 * two ways: up front, a length limit and a structure check that refuses nested quantifiers such as
 * {@code (a+)+} or {@code (.*x){2,}} and back-references; at match time, the input is read through
 * a {@link CharSequence} that counts character reads and stops the match after a fixed budget, so a
 * pattern that slips past the check (overlapping alternatives like {@code (a|aa)*b}) still ends
 * quickly with an error instead of hanging the offload.
 */
public final class SafeRegex {

    /** Longest accepted expression. */
    public static final int MAX_LENGTH = 500;

    /** Character reads allowed per match; a plain file-name regex needs a few hundred. */
    public static final long STEP_BUDGET = 200_000;

    /** Thrown when a match used up its budget. */
    public static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceeded() {
            super("regular expression stopped after " + STEP_BUDGET + " steps", null, false, false);
        }
    }

    private SafeRegex() {
    }

    /**
     * Compiles {@code regex} after the checks.
     *
     * @throws IllegalArgumentException with a message that says what is wrong and where
     */
    public static Pattern compile(String regex, boolean ignoreCase) {
        if (regex.isEmpty()) {
            throw new IllegalArgumentException("the regular expression is empty");
        }
        if (regex.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the regular expression has " + regex.length()
                    + " characters; at most " + MAX_LENGTH + " are accepted");
        }
        Pattern p;
        try {
            p = Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("the regular expression '" + regex + "' is invalid: "
                    + e.getDescription() + (e.getIndex() >= 0 ? " at position " + e.getIndex() : ""), e);
        }
        Optional<String> problem = structureProblem(regex);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("the regular expression '" + regex + "' is refused: " + problem.get());
        }
        return p;
    }

    /**
     * {@code pattern.matcher(input).find()} within the step budget.
     *
     * @throws BudgetExceeded when the budget runs out
     */
    public static boolean find(Pattern pattern, String input) {
        return pattern.matcher(new Budgeted(input)).find();
    }

    /** Like {@link #find} but returns the matcher for reading groups, or null when nothing matched. */
    public static java.util.regex.@Nullable Matcher matchOrNull(Pattern pattern, String input, boolean whole) {
        java.util.regex.Matcher m = pattern.matcher(new Budgeted(input));
        return (whole ? m.matches() : m.find()) ? m : null;
    }

    /**
     * Finds nested quantifiers (a repeated group that itself contains a repetition) and
     * back-references, the constructs that make Java's backtracking matcher exponential.
     */
    static Optional<String> structureProblem(String r) {
        Deque<boolean[]> groups = new ArrayDeque<>();
        groups.push(new boolean[1]);
        boolean[] justClosed = null;
        boolean afterQuantifier = false;
        int n = r.length();
        for (int i = 0; i < n; i++) {
            char c = r.charAt(i);
            if (c == '\\') {
                if (i + 1 < n) {
                    char d = r.charAt(i + 1);
                    if (d >= '1' && d <= '9' || d == 'k') {
                        return Optional.of("back-references (\\" + d + ") can take exponential time; match without them");
                    }
                    if (d == 'Q') {
                        int end = r.indexOf("\\E", i + 2);
                        i = end < 0 ? n : end + 1;
                    } else {
                        i++;
                    }
                }
                justClosed = null;
                afterQuantifier = false;
                continue;
            }
            if (c == '[') {
                i = skipClass(r, i);
                justClosed = null;
                afterQuantifier = false;
                continue;
            }
            if (c == '(') {
                groups.push(new boolean[1]);
                if (i + 1 < n && r.charAt(i + 1) == '?') {
                    i++;
                    if (i + 1 < n && r.charAt(i + 1) == '<' && i + 2 < n && r.charAt(i + 2) != '=' && r.charAt(i + 2) != '!') {
                        int end = r.indexOf('>', i);
                        i = end < 0 ? n : end;
                    }
                }
                justClosed = null;
                afterQuantifier = false;
                continue;
            }
            if (c == ')') {
                boolean[] closed = groups.size() > 1 ? groups.pop() : new boolean[1];
                if (closed[0]) {
                    groups.peek()[0] = true;
                }
                justClosed = closed;
                afterQuantifier = false;
                continue;
            }
            int repeat = quantifier(r, i);
            if (repeat != 0) {
                if (afterQuantifier && (c == '?' || c == '+')) {
                    // lazy or possessive modifier of the quantifier before it
                    afterQuantifier = false;
                    continue;
                }
                boolean many = repeat > 1;
                if (many && justClosed != null && justClosed[0]) {
                    return Optional.of("a repeated group contains a repetition (a nested quantifier such as (a+)+), "
                            + "which can take exponential time; rewrite it without the outer repetition");
                }
                if (many) {
                    groups.peek()[0] = true;
                }
                if (c == '{') {
                    i = r.indexOf('}', i);
                }
                justClosed = null;
                afterQuantifier = true;
                continue;
            }
            justClosed = null;
            afterQuantifier = false;
        }
        return Optional.empty();
    }

    /** 0 if no quantifier at {@code i}; 1 for {@code ?} or a maximum of 1; 2 for more than one repetition. */
    private static int quantifier(String r, int i) {
        char c = r.charAt(i);
        if (c == '*' || c == '+') {
            return 2;
        }
        if (c == '?') {
            return 1;
        }
        if (c == '{') {
            java.util.regex.Matcher m = Pattern.compile("\\{(\\d+)(,(\\d*))?}").matcher(r);
            if (m.find(i) && m.start() == i) {
                if (m.group(2) == null) {
                    return Long.parseLong(m.group(1).length() > 9 ? "999999999" : m.group(1)) > 1 ? 2 : 1;
                }
                String max = m.group(3);
                return max.isEmpty() || Long.parseLong(max.length() > 9 ? "999999999" : max) > 1 ? 2 : 1;
            }
        }
        return 0;
    }

    private static int skipClass(String r, int start) {
        int depth = 0;
        for (int i = start; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
                if (i + 1 < r.length() && r.charAt(i + 1) == ']') {
                    i++;
                } else if (i + 2 < r.length() && r.charAt(i + 1) == '^' && r.charAt(i + 2) == ']') {
                    i += 2;
                }
            } else if (c == ']') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return r.length();
    }

    /** The input, read with a budget of character reads. */
    private static final class Budgeted implements CharSequence {
        private final String text;
        private long left = STEP_BUDGET;

        Budgeted(String text) {
            this.text = text;
        }

        @Override
        public char charAt(int index) {
            if (--left < 0) {
                throw new BudgetExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
