/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount;

/** What kind of volume this is, for deciding whether Cartwright looks at it at all. */
public enum Classification {
    /**
     * Part of this computer or of Cartwright itself: the root, boot, EFI and home filesystems,
     * swap, pseudo filesystems (proc, sysfs, tmpfs, overlay, cgroup, ...), and the filesystem
     * holding the Cartwright database. Ignored by the device registry and never offered as a card.
     */
    SYSTEM,
    /** A detachable medium: a card in a reader, a USB or Thunderbolt drive, an attached disk image. */
    REMOVABLE,
    /** Anything else: internal data disks, network shares. */
    OTHER
}
