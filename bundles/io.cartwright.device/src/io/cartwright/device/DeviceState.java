/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.device;

import java.util.Locale;

/**
 * Where a device stands, as shown by the status pills of the Devices part and by
 * {@code cartwright devices list}.
 */
public enum DeviceState {
    /** Registered and mounted now. */
    LIVE,
    /**
     * Registered, but whether it is mounted is not known: no mount provider runs on this OS (or in
     * this process), so Cartwright does not claim OFFLINE.
     */
    REGISTERED,
    /** Seen but never registered: never treated as project media until someone registers it. */
    UNREGISTERED,
    /** Registered and not mounted now. */
    OFFLINE;

    /** The lower-case name used in the CLI and JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
