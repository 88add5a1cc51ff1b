/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer;

/**
 * A failure or warning about one path: a source file (relative to the source root) or, for a
 * destination-wide problem, the destination root.
 *
 * @param path the relative source path, or the destination root for destination problems
 * @param reason what happened and, where there is one, what to do; written for people
 */
public record Problem(String path, String reason) {
}
