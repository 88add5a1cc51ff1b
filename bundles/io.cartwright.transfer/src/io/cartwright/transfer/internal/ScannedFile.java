/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * A regular file found on the source.
 *
 * @param relativePath path below the source root, {@code /}-separated, names exactly as found
 * @param path the absolute source path
 * @param size bytes at scan time
 * @param mtimeNanos modification time at scan time
 * @param collisions names on this file's path that another entry of the same folder spells the same
 *        way apart from case or Unicode normalisation
 */
record ScannedFile(String relativePath, Path path, long size, long mtimeNanos, List<NameCollision> collisions) {
}
