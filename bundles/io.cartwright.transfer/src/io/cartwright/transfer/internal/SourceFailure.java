/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The source can no longer be read as a whole (gone, unmounted, read error) or the run was
 * cancelled: the job stops as interrupted and stays resumable. The message is for people.
 */
final class SourceFailure extends Exception {
    private static final long serialVersionUID = 1L;

    SourceFailure(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
