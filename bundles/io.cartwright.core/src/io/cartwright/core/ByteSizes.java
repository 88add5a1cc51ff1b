/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.core;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints byte counts and rates the way crews write them: {@code 80M}, {@code 1.5GB/s}. */
public final class ByteSizes {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(i?b)?(/s)?");
    private static final String UNITS = "KMGT";

    private ByteSizes() {
    }

    /**
     * Parses {@code 500}, {@code 64K}, {@code 80M}, {@code 1.5G}, {@code 200MB/s}, {@code 2GiB}: binary
     * multiples (1K = 1024 bytes), as file managers on set show them.
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size; write it like 500K, 80M, 1.5G or 200MB/s");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        int power = unit.isEmpty() ? 0 : "kmgt".indexOf(unit) + 1;
        double bytes = value * Math.pow(1024, power);
        if (bytes < 1 || bytes > Long.MAX_VALUE / 2) {
            throw new IllegalArgumentException("'" + text + "' is out of range");
        }
        return (long) bytes;
    }

    /** {@code 512 B}, {@code 1.5 MiB}, {@code 120 GiB}: binary units, one decimal below 100. */
    public static String format(double bytes) {
        if (bytes < 1024) {
            return String.format(Locale.ROOT, "%.0f B", bytes);
        }
        int unit = -1;
        double v = bytes;
        while (v >= 1024 && unit < UNITS.length() - 1) {
            v /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %ciB" : "%.1f %ciB", v, UNITS.charAt(unit));
    }

    /** {@code 04:05} or {@code 1:02:03}; {@code --:--} when unknown (negative). */
    public static String duration(long seconds) {
        if (seconds < 0) {
            return "--:--";
        }
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }
}
