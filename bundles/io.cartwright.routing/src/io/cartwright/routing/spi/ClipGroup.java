/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.spi;

import java.util.List;
import java.util.Objects;

/**
 * Files that must travel together: a clip and its sidecars, segments and proxies (Sony
 * {@code M01.XML} + {@code R01.BIM}, a RED {@code .RDC} folder, a P2 card's {@code CONTENTS} with
 * {@code LASTCLIP.TXT}). Routing sends the whole group to the channel its primary file selects.
 *
 * @param id stable within the card ({@code XDROOT/Clip/A001C001}); shown in plans
 * @param primary the file that decides the channel (the essence: {@code .MXF}, {@code _001.R3D})
 * @param members every file of the group, primary included, paths below the card root, sorted
 */
public record ClipGroup(String id, String primary, List<String> members) {

    public ClipGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(primary, "primary");
        members = List.copyOf(members);
        if (!members.contains(primary)) {
            throw new IllegalArgumentException("The primary file " + primary + " of clip group " + id + " is not a member");
        }
    }
}
