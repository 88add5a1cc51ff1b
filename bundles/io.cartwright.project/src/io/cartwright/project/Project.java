/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.project;

import java.time.Instant;

/**
 * A show.
 *
 * @param id database id
 * @param name unique (case-insensitive), a safe folder name: the {@code {project}} token
 * @param description free text
 * @param defaults the settings every work unit and assignment inherits
 * @param createdAt when it was created
 */
public record Project(long id, String name, String description, Settings defaults, Instant createdAt) {
}
