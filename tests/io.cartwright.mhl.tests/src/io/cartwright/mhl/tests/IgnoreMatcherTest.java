/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cartwright.mhl.AscMhl;
import io.cartwright.mhl.internal.IgnoreMatcher;

/** gitignore-style patterns (ASC MHL Appendix C). */
class IgnoreMatcherTest {

    @Test
    void defaultPatterns() {
        IgnoreMatcher m = new IgnoreMatcher(AscMhl.DEFAULT_IGNORE_PATTERNS);
        assertTrue(m.isIgnored(".DS_Store", false));
        assertTrue(m.isIgnored("CLIPS/.DS_Store", false));
        assertTrue(m.isIgnored("ascmhl", true));
        assertTrue(m.isIgnored("ascmhl/0001_A_2020-01-01_000000Z.mhl", false));
        assertTrue(m.isIgnored("CARD/ascmhl/ascmhl_chain.xml", false));
        assertFalse(m.isIgnored("CLIPS/A001C001.mov", false));
        assertFalse(m.isIgnored("ascmhl.txt", false));
        assertFalse(m.isIgnored("DS_Store", false));
    }

    @Test
    void globsAnchorsDirectoriesAndNegation() {
        IgnoreMatcher m = new IgnoreMatcher(List.of("# comment", "*.tmp", "/PROXY", "cache/", "**/thumbs/*.jpg",
                "A00?C*.xml", "[Tt]rash*", "*.log", "!keep.log"));
        assertTrue(m.isIgnored("a.tmp", false));
        assertTrue(m.isIgnored("deep/er/b.tmp", false));
        assertTrue(m.isIgnored("PROXY/a.mov", false));
        assertFalse(m.isIgnored("CLIPS/PROXY/a.mov", false));
        assertTrue(m.isIgnored("x/cache/y.bin", false));
        assertFalse(m.isIgnored("x/cache", false)); // a file named cache is not a directory
        assertTrue(m.isIgnored("thumbs/1.jpg", false));
        assertTrue(m.isIgnored("a/b/thumbs/1.jpg", false));
        assertFalse(m.isIgnored("a/b/thumbs/1.png", false));
        assertTrue(m.isIgnored("A001C002.xml", false));
        assertFalse(m.isIgnored("A01C002.xml", false));
        assertTrue(m.isIgnored("Trash-1000/x", false));
        assertTrue(m.isIgnored("run.log", false));
        assertFalse(m.isIgnored("keep.log", false));
        assertFalse(m.isIgnored("# comment", false));
    }
}
