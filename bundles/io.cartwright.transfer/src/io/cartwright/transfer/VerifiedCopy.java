/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One verified copy of a file.
 *
 * @param destination index of the destination, 0 = primary
 * @param root the destination root
 * @param file the copy's absolute path (differs from root/relative path under {@link ConflictPolicy#VERSION})
 * @param mode how it was re-read for verification
 * @param verifiedAt when it was re-read and compared
 */
public record VerifiedCopy(int destination, Path root, Path file, VerifyMode mode, Instant verifiedAt) {
}
