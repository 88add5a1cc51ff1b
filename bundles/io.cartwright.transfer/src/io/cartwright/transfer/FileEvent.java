/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer;

/**
 * A file's state change.
 *
 * @param jobId the job
 * @param relativePath the file's path below the source root, {@code /}-separated
 * @param size the file's size in bytes
 * @param state the new state
 * @param attempt 1 for the first read of the source in this job, 2 and 3 for retries
 * @param reason why, for {@link FileState#FAILED} and retries; empty otherwise
 */
public record FileEvent(long jobId, String relativePath, long size, FileState state, int attempt, String reason) {
}
