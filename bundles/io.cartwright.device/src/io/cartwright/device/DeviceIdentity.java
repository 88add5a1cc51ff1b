/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.device;

import java.time.Instant;

/**
 * One key a device is recognised by ({@link IdentityRecipe}).
 *
 * @param key the canonical key ({@code hw:v1:...} or {@code fs:v1:...})
 * @param hardware true for a hardware-serial key, false for a filesystem key
 * @param origin {@code mount} (seen on a mount) or {@code format} (linked by the format path)
 * @param serial the serial, for a hardware key
 * @param vendor the vendor, for a hardware key
 * @param model the model, for a hardware key
 * @param fsType the filesystem type, for a filesystem key
 * @param fsId the filesystem id as the OS shows it, for a filesystem key
 * @param label the label seen with it (informative)
 * @param capacity bytes of the partition or medium
 * @param firstSeen first time the key was seen or linked
 * @param lastSeen last time the key recognised the device
 */
public record DeviceIdentity(String key, boolean hardware, String origin, String serial, String vendor, String model,
        String fsType, String fsId, String label, long capacity, Instant firstSeen, Instant lastSeen) {
}
