/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl.internal;

import java.nio.file.Path;
import java.util.Comparator;

/** Relative manifest paths: validation, conversion and the reference's name order. */
final class PathNames {
    /** Orders names by Unicode code point, as Python's {@code sorted()} in the reference does. */
    static final Comparator<String> CODE_POINT_ORDER = PathNames::compareCodePoints;

    private PathNames() {
    }

    /**
     * Checks a manifest path: relative, {@code /}-separated, no empty, {@code .} or {@code ..}
     * segments, no control characters.
     *
     * @throws IllegalArgumentException naming the problem
     */
    static String checkRelative(String path) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("Empty path");
        }
        if (path.startsWith("/") || path.endsWith("/") || path.matches("^[A-Za-z]:.*")) {
            throw new IllegalArgumentException("Path must be relative without leading or trailing '/': " + path);
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("Path has an empty, '.' or '..' segment: " + path);
            }
        }
        if (!io.cartwright.mhl.AscMhl.canRecord(path)) {
            throw new IllegalArgumentException("Path contains a control character: " + path);
        }
        return path;
    }

    /** The {@code /}-separated path of {@code file} relative to {@code root} ("" for the root itself). */
    static String relative(Path root, Path file) {
        Path rel = root.relativize(file);
        StringBuilder sb = new StringBuilder();
        for (Path part : rel) {
            String s = part.toString();
            if (s.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(s);
        }
        return sb.toString();
    }

    /** Parent of a relative path ("" for a top-level entry). */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** Last segment of a relative path. */
    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Resolves a relative manifest path against the scope folder. */
    static Path resolve(Path root, String path) {
        Path p = root;
        for (String segment : path.split("/")) {
            p = p.resolve(segment);
        }
        return p;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
