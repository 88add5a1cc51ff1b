/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.nio.file.Path;
import java.util.Map;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.HashValue;
import io.cartwright.transfer.FileState;
import io.cartwright.transfer.VerifyMode;

import org.eclipse.jdt.annotation.Nullable;

/**
 * A transfer_file row as loaded for planning, with its copies and source hashes.
 *
 * @param checkpointState null when there is no checkpoint
 * @param copies by destination index
 * @param sourceHashes empty until the source was read completely once
 */
record StoredFile(long id, String relativePath, long size, long mtimeNanos, FileState state, String reason,
        int attempts, long checkpointOffset, byte @Nullable [] checkpointState, Map<Integer, Copy> copies,
        Map<HashAlgorithm, HashValue> sourceHashes) {

    /** States of a transfer_file_dest row. */
    enum CopyState {
        PENDING, DONE, FAILED, KEPT
    }

    /**
     * A transfer_file_dest row.
     *
     * @param destMtimeNanos null until verified
     */
    record Copy(int destination, CopyState state, Path finalPath, String reason, @Nullable VerifyMode mode,
            @Nullable String verifiedAt, @Nullable Long destMtimeNanos, @Nullable Long verifiedInJob) {
    }
}
