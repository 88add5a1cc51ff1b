/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.linux.internal;

import io.cartwright.mount.Bus;

/**
 * What sysfs (and the udev database) say about the block device holding a filesystem.
 *
 * @param name kernel name ({@code sdb1}, {@code mmcblk0p1}, {@code loop3})
 * @param devNode device node ({@code /dev/sdb1}); for a FUSE filesystem opened straight from an image
 *        file, that file
 * @param partition partition number, 0 for a whole device
 * @param size bytes of the partition or device
 * @param readOnly the device is read-only (write-protect switch, read-only loop)
 * @param bus how the disk is attached
 * @param removableMedia the disk's {@code removable} attribute: the device takes removable media (a
 *        card reader slot; many USB sticks say so too)
 * @param hotplug the disk can be detached while running (USB, SD, Thunderbolt, FireWire, loop)
 * @param vendor vendor name
 * @param model model name
 * @param serial serial number; empty if none
 * @param serialIsMedium the serial belongs to the medium itself, not to a reader
 * @param backingFile for a loop device, the image file; empty otherwise
 */
record BlockDevice(String name, String devNode, int partition, long size, boolean readOnly, Bus bus, boolean removableMedia,
        boolean hotplug, String vendor, String model, String serial, boolean serialIsMedium, String backingFile) {
}
