/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer;

import java.nio.file.Path;

import org.eclipse.jdt.annotation.Nullable;

/**
 * How one destination fared in a run.
 *
 * @param index 0 = primary, 1.. = backups
 * @param root the destination root
 * @param state its state at the end of the run
 * @param reason why it failed (names the destination and, for space, the amount needed); empty otherwise
 * @param filesVerified files with a verified copy on it at the end of the run (this run or earlier)
 * @param bytesWritten bytes written to it in this run
 * @param mhlManifest the ASC MHL generation written for this job into {@code root/ascmhl/}; null while the
 *        copy is incomplete, or when every file had been verified and sealed by an earlier job
 */
public record DestinationOutcome(int index, Path root, DestinationState state, String reason, int filesVerified,
        long bytesWritten, @Nullable Path mhlManifest) {
}
