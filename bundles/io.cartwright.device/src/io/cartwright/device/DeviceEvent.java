/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.device;

import java.time.Instant;
import java.util.Locale;

import io.cartwright.mount.MountedVolume;

import org.eclipse.jdt.annotation.Nullable;

/**
 * What a {@link DeviceWatch} reports, in this order for a mount: {@link Kind#MOUNTED},
 * {@link Kind#IDENTITY}, then {@link Kind#STATE} if the device's state changed; for an unmount:
 * {@link Kind#UNMOUNTED}, then {@link Kind#STATE} if it changed. Registration in the same process
 * also reports {@link Kind#STATE}.
 *
 * @param kind what happened
 * @param at when
 * @param volume the volume mounted or unmounted (with its mount generation once known); null for a
 *        state change caused by registration
 * @param device the device, when known (null for volumes that cannot be identified)
 * @param mountGeneration the mount's generation; 0 when not applicable
 * @param match how it was recognised, for {@link Kind#IDENTITY}; null otherwise
 * @param previousState the state before, for {@link Kind#STATE}; null otherwise
 * @param initial true for events about volumes already mounted when the watch started
 * @param detail a note for people (identity conflicts, why a volume cannot be identified); may be empty
 */
public record DeviceEvent(Kind kind, Instant at, @Nullable MountedVolume volume, @Nullable DeviceRecord device,
        long mountGeneration, @Nullable IdentityMatch match, @Nullable DeviceState previousState, boolean initial, String detail) {

    /** The kinds of event. */
    public enum Kind {
        MOUNTED, UNMOUNTED, IDENTITY, STATE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
