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

import org.eclipse.jdt.annotation.Nullable;

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

    /** {@code 2020-01-16T09:15:00+00:00}, as the ASC MHL reference writes. */
    static String xml(Instant instant) {
        return XML.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** {@link #xml}, or null for an unrecorded date. */
    static @Nullable String optionalXml(@Nullable Instant instant) {
        return instant == null ? null : xml(instant);
    }

    /** {@code 2016-04-18T14:47:57Z}, as MHL v1 files use. */
    static String xmlZulu(Instant instant) {
        return XML_Z.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** {@link #xmlZulu}, or null for an unrecorded date. */
    static @Nullable String optionalXmlZulu(@Nullable Instant instant) {
        return instant == null ? null : xmlZulu(instant);
    }

    /** {@code 2020-01-16_091500} (UTC) for file names. */
    static String name(Instant instant) {
        return NAME.format(instant);
    }

    /** {@link #parse} of an optional attribute: absent or blank gives null. */
    static @Nullable Instant parseOptional(@Nullable String text) {
        return text == null || text.isBlank() ? null : parse(text);
    }

    /**
     * Parses an xs:dateTime; without offset it is taken as UTC.
     *
     * @throws IllegalArgumentException if it is not a date-time (blank included)
     */
    static Instant parse(String text) {
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
