/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing;

import java.util.List;

/**
 * Two or more files on one destination name, or a planned file and one already at the destination,
 * and how the channel's policy resolved it.
 *
 * @param destination the contested destination path (below the destination root)
 * @param sources the card files involved, in plan order (the first one held the name first)
 * @param channel the channel of the later file
 * @param policy the policy applied
 * @param resolution what was decided
 * @param detail one sentence for people
 */
public record PlanConflict(String destination, List<String> sources, String channel, ChannelConflictPolicy policy,
        Resolution resolution, String detail) {

    /** How a conflict was resolved. */
    public enum Resolution {
        /** {@code version}: the later file got a free name {@code stem (n).ext}. */
        VERSIONED,
        /** {@code replace-if-newer} between planned files: the newer one is copied, the other not. */
        NEWER_KEPT,
        /** {@code replace-if-newer}: the existing destination file is older and will be replaced. */
        EXISTING_REPLACED,
        /** {@code replace-if-newer}: the existing destination file is newer and stays; nothing copied. */
        EXISTING_KEPT,
        /** {@code append}: a file of the same size is already there; the engine re-verifies it. */
        ALREADY_PRESENT,
        /** {@code fail} or {@code append} with different files: the plan is refused. */
        REFUSED
    }

    public PlanConflict {
        sources = List.copyOf(sources);
    }
}
