/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.nio.file.Path;

/**
 * One destination a file goes to in this run.
 *
 * @param destination where
 * @param action what to do there
 * @param finalPath the name the verified copy gets (or, for {@link Action#COMPARE}, the existing file)
 */
record Target(Destination destination, Action action, Path finalPath) {

    /** What happens at a destination. */
    enum Action {
        /** Write a new copy; publishing never replaces anything. */
        WRITE,
        /** Write a new copy that atomically replaces an older file (replace-if-newer). */
        REPLACE,
        /** Re-read an existing file and compare it with the source (skip-identical); nothing is written. */
        COMPARE
    }

    /** The hidden temporary file the copy is written to. */
    Path temp() {
        return Publisher.tempFor(finalPath);
    }

    boolean writes() {
        return action != Action.COMPARE;
    }
}
