/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.device;

import java.nio.file.Path;
import java.time.Instant;

import io.cartwright.mount.Bus;

import org.eclipse.jdt.annotation.Nullable;

/**
 * One device as the registry knows it. Strings are never null (empty when unknown).
 *
 * @param id the device number, stable for the life of the database
 * @param name the user's name for it; empty until registered
 * @param state registration and presence
 * @param role what it is for
 * @param barcode scanned label value; empty if none
 * @param vendor device vendor as reported on the newest mount (may be the card reader's)
 * @param model device model as reported on the newest mount (may be the card reader's)
 * @param serial hardware serial of the medium itself; empty when none is known
 * @param bus how it was attached on the newest mount
 * @param removable detachable while running
 * @param fsType canonical filesystem type on the newest mount (or format link)
 * @param fsId filesystem UUID / volume serial on the newest mount (or format link)
 * @param label volume label on the newest mount; never used to recognise it
 * @param capacity bytes of the partition or medium
 * @param mountGeneration the newest mount generation handed out (0 if never mounted)
 * @param firstSeen when it was first seen
 * @param lastSeen when it was last mounted or unmounted
 * @param registeredAt when it was registered; null while unregistered
 * @param mountPoint where it is mounted now; null when not mounted (or not known)
 */
public record DeviceRecord(long id, String name, DeviceState state, VolumeRole role, String barcode, String vendor,
        String model, String serial, Bus bus, boolean removable, String fsType, String fsId, String label, long capacity,
        long mountGeneration, Instant firstSeen, Instant lastSeen, @Nullable Instant registeredAt,
        @Nullable Path mountPoint) {

    public boolean registered() {
        return registeredAt != null;
    }

    /** The same record in another state, mounted at {@code at} (or null). */
    public DeviceRecord withPresence(DeviceState newState, @Nullable Path at) {
        return new DeviceRecord(id, name, newState, role, barcode, vendor, model, serial, bus, removable, fsType, fsId, label,
                capacity, mountGeneration, firstSeen, lastSeen, registeredAt, at);
    }
}
