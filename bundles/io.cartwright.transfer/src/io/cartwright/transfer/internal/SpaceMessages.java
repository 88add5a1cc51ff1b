/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.transfer.internal;

import java.nio.file.Path;

import io.cartwright.core.ByteSizes;

/** Wording for a destination without room, the same before the start and mid-job. */
final class SpaceMessages {

    private SpaceMessages() {
    }

    static String notEnoughSpace(Path root, long free, long needed) {
        return "Destination " + root + " has " + ByteSizes.format(free) + " free but this offload needs "
                + ByteSizes.format(needed) + " more; free space or choose another destination.";
    }
}
