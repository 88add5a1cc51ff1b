/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.device;

import java.util.Locale;

/** How a mounted volume was recognised. */
public enum IdentityMatch {
    /** By the medium's own hardware serial (preferred). */
    HARDWARE,
    /** By the synthetic id of its filesystem (no medium serial visible, e.g. behind a card reader). */
    FILESYSTEM,
    /** Not recognised: a device record was created for it, UNREGISTERED. */
    NEW;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
