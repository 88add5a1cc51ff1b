/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
/**
 * The pure-Java half of the macOS provider: a DiskArbitration disk description, already converted
 * from its CFDictionary into a {@code Map}, becomes a {@link io.cartwright.mount.MountedVolume}.
 * Lives in this (not platform-filtered) bundle so its tests run on every OS; exported only to
 * {@code io.cartwright.mount.macos}, which holds the thin JNA layer.
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package io.cartwright.mount.internal.macos;
