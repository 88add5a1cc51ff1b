/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl;

/**
 * The {@code <process>} of a generation (ASC MHL spec 6.4.6). An offload that verifies the copy
 * against the source is a {@link #TRANSFER}.
 */
public enum ProcessType {
    /** Files were hashed where they are (sealing a folder). */
    IN_PLACE("in-place"),
    /** Files were copied and the copies verified against the source. */
    TRANSFER("transfer"),
    /** An external manifest summarising a history (packing list). */
    FLATTEN("flatten");

    private final String xmlName;

    ProcessType(String xmlName) {
        this.xmlName = xmlName;
    }

    /** The value written in the manifest, e.g. {@code "in-place"}. */
    public String xmlName() {
        return xmlName;
    }

    /**
     * Parses the manifest value.
     *
     * @throws IllegalArgumentException if it is not one of in-place, transfer, flatten
     */
    public static ProcessType fromXml(String value) {
        for (ProcessType t : values()) {
            if (t.xmlName.equals(value.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown ASC MHL process '" + value + "'");
    }
}
