/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl;

import java.time.Instant;

import org.eclipse.jdt.annotation.Nullable;

/**
 * One child of a manifest's {@code <hashes>}: a file ({@link FileHashEntry}) or a directory
 * ({@link DirectoryHashEntry}). Paths are relative to the history's scope folder, {@code /}-separated,
 * without a leading {@code /}.
 */
public sealed interface ManifestEntry permits FileHashEntry, DirectoryHashEntry {

    /** Relative path of the file or directory. */
    String path();

    /** Creation date of the file or directory, or {@code null} if not recorded. */
    @Nullable
    Instant creationDate();

    /** Last modification date, or {@code null} if not recorded. */
    @Nullable
    Instant lastModificationDate();
}
