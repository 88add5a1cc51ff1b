/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount;

import java.time.Instant;
import java.util.Objects;

/**
 * A volume appeared or went away.
 *
 * @param kind mounted or unmounted
 * @param volume the volume; for {@link Kind#UNMOUNTED} the volume as it was while mounted
 * @param at when the provider noticed the change
 * @param initial true for the {@link Kind#MOUNTED} events replayed to a new listener for the
 *        volumes that were already mounted when it was added
 */
public record MountEvent(Kind kind, MountedVolume volume, Instant at, boolean initial) {

    /** What happened. */
    public enum Kind {
        MOUNTED, UNMOUNTED
    }

    public MountEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(at, "at");
    }
}
