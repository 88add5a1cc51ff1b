/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
/**
 * The pure-Java half of the Windows provider: the byte layouts the storage IOCTLs and device
 * notifications return, and the mapping of one drive's facts to a
 * {@link io.cartwright.mount.MountedVolume}. Lives in this (not platform-filtered) bundle so its tests
 * run on every OS; exported only to {@code io.cartwright.mount.windows}, which holds the thin JNA layer.
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package io.cartwright.mount.internal.windows;
