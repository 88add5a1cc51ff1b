/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl;

/**
 * The {@code action} of a file hash: how the hash relates to the history (spec 5.6.4). Only
 * {@link #ORIGINAL} and {@link #VERIFIED} hashes serve as references for later verification.
 */
public enum HashAction {
    /** First hash of this file in this history. */
    ORIGINAL("original"),
    /** Recomputed and equal to an earlier original/verified hash. */
    VERIFIED("verified"),
    /** Recomputed and different from the earlier hash; recorded, never used as a reference. */
    FAILED("failed");

    private final String xmlName;

    HashAction(String xmlName) {
        this.xmlName = xmlName;
    }

    /** The attribute value, e.g. {@code "verified"}. */
    public String xmlName() {
        return xmlName;
    }

    /** True for original and verified: the hash may serve as a reference. */
    public boolean usableAsReference() {
        return this != FAILED;
    }

    /**
     * Parses the attribute value.
     *
     * @throws IllegalArgumentException if it is not original, verified or failed
     */
    public static HashAction fromXml(String value) {
        for (HashAction a : values()) {
            if (a.xmlName.equals(value.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown ASC MHL hash action '" + value + "'");
    }
}
