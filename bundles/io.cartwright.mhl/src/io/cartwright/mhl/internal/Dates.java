/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** xs:dateTime and file-name timestamps, always in UTC with second precision. */
final class Dates {
    private static final DateTimeFormatter XML = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter XML_Z = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("uuuu-MM-dd_HHmmss")
            .withZone(ZoneOffset.UTC);

    private Dates() {
    }

    /** {@code 2020-01-16T09:15:00+00:00}, as the ASC MHL reference writes; {@code null} stays null. */
    static String xml(Instant instant) {
        return instant == null ? null : XML.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** {@code 2016-04-18T14:47:57Z}, as MHL v1 files use. */
    static String xmlZulu(Instant instant) {
        return instant == null ? null : XML_Z.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** {@code 2020-01-16_091500} (UTC) for file names. */
    static String name(Instant instant) {
        return NAME.format(instant);
    }

    /**
     * Parses an xs:dateTime; without offset it is taken as UTC. Blank or null gives null.
     *
     * @throws IllegalArgumentException if it is not a date-time
     */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("Not an xs:dateTime: '" + text + "'", e2);
            }
        }
    }
}
