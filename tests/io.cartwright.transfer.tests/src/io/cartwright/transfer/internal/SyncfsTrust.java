/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.nio.file.Path;

/** Lets tests outside this package ask whether the engine batches syncs under a folder, instead of restating the rule. */
public final class SyncfsTrust {

    private SyncfsTrust() {
    }

    /** True if the engine trusts one syncfs of the filesystem under {@code folder} ({@link FilesystemSync}). */
    public static boolean at(Path folder) {
        return FilesystemSync.device(folder) != null;
    }
}
