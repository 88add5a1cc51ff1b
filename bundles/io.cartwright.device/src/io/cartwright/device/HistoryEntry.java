/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.device;

import java.time.Instant;

/**
 * One line of a device's lifetime history (also in the activity log).
 *
 * @param at when
 * @param kind {@code mounted}, {@code unmounted}, {@code registered}, {@code role}, {@code barcode},
 *        {@code renamed}, {@code format}, {@code identity}, {@code transfer}, {@code assignment}, ...
 * @param mountGeneration the mount generation for mounted/unmounted, else 0
 * @param detail text for people
 * @param actor who (a user, {@code cli}, {@code device} for the watcher)
 */
public record HistoryEntry(Instant at, String kind, long mountGeneration, String detail, String actor) {
}
