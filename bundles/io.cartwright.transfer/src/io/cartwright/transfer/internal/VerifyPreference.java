/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

/** How the engine tries to keep verification re-reads off the page cache. */
public enum VerifyPreference {
    /** O_DIRECT; where the filesystem refuses it, fsync + posix_fadvise(DONTNEED) + read. */
    DIRECT_FIRST,
    /** Skip O_DIRECT and use the fadvise path (for tests of the fallback on filesystems that take O_DIRECT). */
    FADVISE_ONLY
}
