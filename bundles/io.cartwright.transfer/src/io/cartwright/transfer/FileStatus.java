/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer;

/**
 * Where one file of a job stands, as journalled.
 *
 * @param relativePath path below the source root, '/'-separated
 * @param size bytes
 * @param state its journalled state
 * @param attempts how many times the source was read for it
 * @param reason why it failed; empty otherwise
 * @param copiesVerified destinations holding a verified copy
 */
public record FileStatus(String relativePath, long size, FileState state, int attempts, String reason,
        int copiesVerified) {
}
