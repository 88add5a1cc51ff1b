/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.project;

/**
 * A node of a project's work-unit tree: a phase, day, location, unit, camera role or anything else.
 *
 * @param id database id
 * @param projectId the project's id
 * @param parentId the parent unit's id, 0 directly under the project
 * @param name unique among its siblings (case-insensitive), a safe folder name
 * @param kind what it stands for
 * @param path the full path, project first: {@code NIGHTJAR/DAY01/MAIN}
 * @param depth 1 directly under the project
 * @param overrides the settings it overrides (null fields inherit)
 */
public record WorkUnit(long id, long projectId, long parentId, String name, UnitKind kind, UnitPath path, int depth,
        Settings overrides) {
}
