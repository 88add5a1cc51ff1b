/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import org.eclipse.jdt.annotation.Nullable;

/** For failures handed over from another thread (a future's cause). */
final class Throwables {

    private Throwables() {
    }

    /** Rethrows {@code t} as it is if it is unchecked; returns otherwise (also for null). */
    static void throwIfUnchecked(@Nullable Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }
}
