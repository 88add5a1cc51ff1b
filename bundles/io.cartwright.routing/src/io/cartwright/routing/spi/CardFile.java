/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A regular file on a card.
 *
 * @param path below the card root, '/'-separated, no leading slash, names as found
 * @param size bytes
 * @param modified modification time
 */
public record CardFile(String path, long size, Instant modified) {

    public CardFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(modified, "modified");
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
            throw new IllegalArgumentException("A card file path is relative and names a file: '" + path + "'");
        }
    }

    /** A file of {@code size} bytes modified at the epoch; for tests and synthetic trees. */
    public static CardFile of(String path, long size) {
        return new CardFile(path, size, Instant.EPOCH);
    }

    /** The last path element: {@code A001C001.MXF}. */
    public String name() {
        int i = path.lastIndexOf('/');
        return i < 0 ? path : path.substring(i + 1);
    }

    /** The folder part, empty at the card root: {@code XDROOT/Clip}. */
    public String folder() {
        int i = path.lastIndexOf('/');
        return i < 0 ? "" : path.substring(0, i);
    }

    /** The extension without the dot, empty when the name has none: {@code MXF}. */
    public String extension() {
        String n = name();
        int i = n.lastIndexOf('.');
        return i <= 0 ? "" : n.substring(i + 1);
    }

    /** The name without its extension: {@code A001C001}. */
    public String stem() {
        String n = name();
        int i = n.lastIndexOf('.');
        return i <= 0 ? n : n.substring(0, i);
    }
}
