/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl;

import java.util.Objects;

/**
 * A {@code <hashlistreference>}: a nested history's manifest referenced from a parent manifest.
 * Immutable.
 *
 * @param path path of the referenced manifest, relative to the referencing scope
 * @param c4 C4 id of the referenced manifest file
 */
public record HashListReference(String path, String c4) {
    public HashListReference {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(c4, "c4");
    }
}
