/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl;

import java.util.Objects;

/**
 * One {@code <hashlist>} of {@code ascmhl_chain.xml}: a generation's manifest and its C4 id.
 * Immutable.
 *
 * @param sequenceNumber generation number, continuous from 1
 * @param path manifest file name, relative to the {@code ascmhl} folder
 * @param c4 C4 id (SMPTE ST 2114) of the manifest file's bytes
 */
public record ChainEntry(int sequenceNumber, String path, String c4) {
    public ChainEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(c4, "c4");
    }
}
