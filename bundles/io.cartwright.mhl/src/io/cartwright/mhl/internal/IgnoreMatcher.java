/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Matches relative paths against gitignore-style patterns (ASC MHL Appendix C): a pattern without
 * {@code /} matches a name at any depth, one with {@code /} is anchored at the scope root, a trailing
 * {@code /} matches directories only, {@code *}, {@code ?}, {@code [...]} and {@code **} are globs,
 * {@code !} negates, the last matching pattern wins, and everything below an ignored directory is
 * ignored. Immutable.
 */
public final class IgnoreMatcher {
    private record Rule(Pattern regex, boolean negate, boolean directoryOnly, boolean anchored) {
    }

    private final List<Rule> rules = new ArrayList<>();

    public IgnoreMatcher(List<String> patterns) {
        for (String p : patterns) {
            Rule r = compile(p);
            if (r != null) {
                rules.add(r);
            }
        }
    }

    /**
     * True if {@code relativePath} or one of its parent directories is ignored.
     *
     * @param relativePath {@code /}-separated path relative to the scope
     * @param directory whether the path itself is a directory
     */
    public boolean isIgnored(String relativePath, boolean directory) {
        int from = 0;
        while (true) {
            int slash = relativePath.indexOf('/', from);
            if (slash < 0) {
                return matches(relativePath, directory);
            }
            if (matches(relativePath.substring(0, slash), true)) {
                return true;
            }
            from = slash + 1;
        }
    }

    /** True if the last rule matching this very path (not its parents) ignores it. */
    private boolean matches(String path, boolean directory) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        boolean ignored = false;
        for (Rule r : rules) {
            if (r.directoryOnly && !directory) {
                continue;
            }
            if (r.regex.matcher(r.anchored ? path : name).matches()) {
                ignored = !r.negate;
            }
        }
        return ignored;
    }

    private static @Nullable Rule compile(String raw) {
        String p = raw.strip();
        if (p.isEmpty() || p.startsWith("#")) {
            return null;
        }
        boolean negate = p.startsWith("!");
        if (negate) {
            p = p.substring(1);
        }
        boolean directoryOnly = p.endsWith("/");
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        boolean anchored = p.indexOf('/') >= 0;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.isEmpty()) {
            return null;
        }
        return new Rule(Pattern.compile(globToRegex(p)), negate, directoryOnly, anchored);
    }

    private static String globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (glob.startsWith("**/", i) && (i == 0 || glob.charAt(i - 1) == '/')) {
                re.append("(?:.*/)?");
                i += 3;
            } else if (glob.startsWith("**", i) && i + 2 == glob.length() && (i == 0 || glob.charAt(i - 1) == '/')) {
                re.append(".*");
                i += 2;
            } else if (c == '*') {
                re.append("[^/]*");
                i++;
            } else if (c == '?') {
                re.append("[^/]");
                i++;
            } else if (c == '[') {
                int close = glob.indexOf(']', i + 2);
                if (close < 0) {
                    re.append("\\[");
                    i++;
                } else {
                    String body = glob.substring(i + 1, close);
                    if (body.startsWith("!")) {
                        body = "^" + body.substring(1);
                    }
                    re.append('[').append(body.replace("\\", "\\\\")).append(']');
                    i = close + 1;
                }
            } else if (c == '\\' && i + 1 < glob.length()) {
                re.append(Pattern.quote(String.valueOf(glob.charAt(i + 1))));
                i += 2;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return re.toString();
    }
}
