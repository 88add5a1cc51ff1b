/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing;

import java.util.Locale;

/**
 * What a channel does when two planned files, or a planned file and a file already at the
 * destination, would have the same name (compared case-insensitively and after Unicode NFC
 * normalisation, as exFAT, NTFS and APFS/HFS+ compare them).
 *
 * <p>For the transfer engine these map to its own policies: {@code APPEND} = skip-identical,
 * {@code VERSION} = version, {@code REPLACE_IF_NEWER} = replace-if-newer, {@code FAIL} = fail.
 */
public enum ChannelConflictPolicy {
    /**
     * Add to what is there: an existing file of the same size is taken as the earlier copy of this
     * file (the engine re-verifies it by hash and copies nothing); a different file, or two planned
     * files on one name, refuse the plan.
     */
    APPEND("append"),
    /** Keep both: the later file gets the first free name {@code stem (n).ext}. */
    VERSION("version"),
    /**
     * The file with the newer modification time keeps the name; the other is not copied and is listed
     * in the plan's conflicts.
     */
    REPLACE_IF_NEWER("replace-if-newer"),
    /** Refuse the plan, naming the files. The default. */
    FAIL("fail");

    private final String id;

    ChannelConflictPolicy(String id) {
        this.id = id;
    }

    /** The name used in template files and on the command line. */
    public String id() {
        return id;
    }

    /**
     * Parses {@link #id()} (also the constant name, any case).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static ChannelConflictPolicy parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ChannelConflictPolicy p : values()) {
            if (p.id.equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "Unknown conflict policy '" + text + "'. Use one of: append, version, replace-if-newer, fail.");
    }
}
