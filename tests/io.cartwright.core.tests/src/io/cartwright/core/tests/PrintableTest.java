/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

import io.cartwright.core.Printable;

/** Names from a card are printed with their control characters spelled out, the same everywhere. */
class PrintableTest {

    @Test
    void spellsOutC0DelAndC1ControlsAndKeepsEverythingElse() {
        assertEquals("CLIPS/\\u001B[2Jwipe.txt", Printable.of("CLIPS/\u001b[2Jwipe.txt", false));
        assertEquals("a\\u007Fb\\u0085c\\u009Fd\u00a0é✓", Printable.of("a\u007fb\u0085c\u009fd\u00a0é✓", false));
        assertEquals("two\\u000Alines\\u0009tab", Printable.of("two\nlines\ttab", false));
    }

    @Test
    void keepsTheCallersLayoutOnlyWhenAsked() {
        assertEquals("line one\n\tline two\\u000D", Printable.of("line one\n\tline two\r", true));
    }

    @Test
    void returnsCleanTextUntouchedAndQuotesNames() {
        String clean = "A001C001_261123_R1JL.mov";
        assertSame(clean, Printable.of(clean, false));
        assertEquals("'bad\\u0001name.txt'", Printable.quoted("bad\u0001name.txt"));
    }
}
