/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing;

import java.time.Instant;
import java.util.Objects;

/**
 * One file of a plan: where it comes from, which channel took it and where it lands.
 *
 * @param source path below the card root, '/'-separated, as found on the card
 * @param channel the channel that took it (the quarantine channel's name for quarantined files)
 * @param destination path below a destination root, '/'-separated; never absolute, never
 *        {@code ..}, every folder and file name valid on exFAT, NTFS and HFS+
 * @param clipGroup the id of the clip group it travels with, or empty
 * @param size bytes on the card
 * @param modified modification time on the card
 * @param conflict the channel's conflict policy, for the engine
 * @param action what the engine does with it
 */
public record PlanEntry(String source, String channel, String destination, String clipGroup, long size,
        Instant modified, ChannelConflictPolicy conflict, Action action) {

    /** What the transfer engine does with a planned file. */
    public enum Action {
        /** Copy to the destination (the normal case). */
        COPY,
        /** Copy and replace the older file found at the destination ({@code replace-if-newer}). */
        REPLACE,
        /**
         * Leave the file found at the destination in place and copy nothing: it is newer
         * ({@code replace-if-newer}) or the same size ({@code append}, re-verified by hash).
         */
        KEEP
    }

    public PlanEntry {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(destination, "destination");
        clipGroup = clipGroup == null ? "" : clipGroup;
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(conflict, "conflict");
        action = action == null ? Action.COPY : action;
    }

    public PlanEntry withDestination(String newDestination) {
        return new PlanEntry(source, channel, newDestination, clipGroup, size, modified, conflict, action);
    }

    public PlanEntry withAction(Action newAction) {
        return new PlanEntry(source, channel, destination, clipGroup, size, modified, conflict, newAction);
    }
}
