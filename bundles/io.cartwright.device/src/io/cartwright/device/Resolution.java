/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.device;

/**
 * The outcome of recognising one mounted volume.
 *
 * @param device the device it is (possibly just created, UNREGISTERED)
 * @param mountGeneration the generation of this mount appearance
 * @param match how it was recognised
 * @param newMount true the first time this appearance was recorded (false when another process or
 *        an earlier call recorded it already)
 * @param conflict empty, or a warning for people: another mounted volume carries the same identity
 *        (a byte-for-byte clone), or the hardware serial and the filesystem point to different devices
 */
public record Resolution(DeviceRecord device, long mountGeneration, IdentityMatch match, boolean newMount, String conflict) {
}
