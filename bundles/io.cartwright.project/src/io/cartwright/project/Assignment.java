/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.project;

import java.time.Instant;

import org.eclipse.jdt.annotation.Nullable;

/**
 * A device's place in a project: which work unit and role, who put it there, when, and its own
 * overrides. Sticky: it stays until the device is reassigned or released, and the row then stays in
 * the history with {@link #endedAt()} set.
 *
 * @param id database id
 * @param deviceId the device registry's id of the card, drive or recorder
 * @param unit the work unit's path
 * @param unitId the work unit's id
 * @param role the camera role ({@code A-CAM}, {@code SOUND}): the {@code {role}} token
 * @param camera the camera for {@code {cam}}, or empty to take it from the unit tree or the role
 * @param operator who assigned it
 * @param assignedAt when
 * @param endedAt when it was reassigned or released; null while current
 * @param endedBy who ended it, or null
 * @param endReason why it ended, or null
 * @param overrides the device's own settings (null fields inherit from the unit)
 */
public record Assignment(long id, long deviceId, UnitPath unit, long unitId, String role, String camera, String operator,
        Instant assignedAt, @Nullable Instant endedAt, @Nullable String endedBy, @Nullable String endReason,
        Settings overrides) {

    /** True while this is the device's assignment. */
    public boolean current() {
        return endedAt == null;
    }
}
