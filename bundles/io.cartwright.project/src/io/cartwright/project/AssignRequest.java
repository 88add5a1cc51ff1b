/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.project;

import java.util.Objects;

/**
 * Puts a device into a work unit with a role.
 *
 * @param deviceId the device registry's id
 * @param unit the work unit ({@code NIGHTJAR/DAY01/MAIN})
 * @param role the camera role, a safe folder name ({@code A-CAM})
 * @param camera the camera for {@code {cam}}, or empty
 * @param operator who assigns it
 * @param overrides the device's own settings, {@link Settings#INHERIT} for none
 */
public record AssignRequest(long deviceId, UnitPath unit, String role, String camera, String operator, Settings overrides) {

    public AssignRequest {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(role, "role");
        camera = camera == null ? "" : camera;
        Objects.requireNonNull(operator, "operator");
        overrides = overrides == null ? Settings.INHERIT : overrides;
    }
}
