/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.device;

import java.util.Locale;

/** What a device is for. Set per device; new cards start as {@link #SOURCE}. */
public enum VolumeRole {
    /** Camera or sound media to offload: read-only to Cartwright until a safe format. The default. */
    SOURCE,
    /** A destination that receives verified copies (primary or backup drives, shuttles). */
    BACKUP,
    /** Shared storage (a RAID, a NAS volume) that Cartwright reads and writes but never formats. */
    SHARED,
    /** Part of this computer; ignored like the volumes the mount service classifies as system. */
    SYSTEM;

    /** The lower-case name used in the database, the CLI and JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #id()} (any case). */
    public static VolumeRole parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown role '" + text + "': use source, backup, shared or system", e);
        }
    }
}
