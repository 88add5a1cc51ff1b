/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl;

import java.util.Objects;

import org.eclipse.jdt.annotation.Nullable;

/**
 * An {@code <author>} of a manifest's creator info. Immutable.
 *
 * @param name the person's name (element text)
 * @param email optional e-mail address, or {@code null}
 * @param phone optional phone number, or {@code null}
 * @param role optional role such as "DIT" or "Data Manager", or {@code null}
 */
public record Author(String name, @Nullable String email, @Nullable String phone, @Nullable String role) {
    public Author {
        Objects.requireNonNull(name, "name");
    }

    /** An author with a name and a role only. */
    public static Author of(String name, @Nullable String role) {
        return new Author(name, null, null, role);
    }
}
