/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.project;

import java.util.LinkedHashMap;
import java.util.Map;

import io.cartwright.routing.ChannelConflictPolicy;

import org.eclipse.jdt.annotation.Nullable;

/**
 * An override of one template channel at project, unit or assignment level.
 *
 * @param destination a destination pattern replacing the channel's, or null to keep it
 * @param conflict a conflict policy replacing the channel's, or null to keep it
 */
public record ChannelRule(@Nullable String destination, @Nullable ChannelConflictPolicy conflict) {

    /** The destination pattern, or "" when the channel keeps its own. */
    public String destinationText() {
        return destination == null ? "" : destination;
    }

    /** The conflict policy's id, or "" when the channel keeps its own. */
    public String conflictId() {
        return conflict == null ? "" : conflict.id();
    }

    /** The parts it sets, as stored and shown: {@code destination} and {@code conflict} (the policy's id). */
    public Map<String, String> fields() {
        Map<String, String> set = new LinkedHashMap<>();
        if (destination != null) {
            set.put("destination", destination);
        }
        if (conflict != null) {
            set.put("conflict", conflict.id());
        }
        return set;
    }

    /** This rule with {@code child}'s non-null parts on top. */
    public ChannelRule overlay(ChannelRule child) {
        return new ChannelRule(child.destination != null ? child.destination : destination,
                child.conflict != null ? child.conflict : conflict);
    }
}
