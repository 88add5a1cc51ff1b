/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
/**
 * Mounted volumes as the operating system reports them, live: the {@link io.cartwright.mount.MountService}
 * (an OSGi service) lists what is mounted now and pushes {@link io.cartwright.mount.MountEvent}s to
 * {@link io.cartwright.mount.MountListener}s as volumes come and go. The per-OS work is done by
 * {@link io.cartwright.mount.spi.MountProvider} services ({@code io.cartwright.mount.linux}, {@code .macos},
 * {@code .windows}). Who a volume <em>is</em> (which card) is decided by {@code io.cartwright.device}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.eclipse.jdt.annotation.NonNullByDefault
package io.cartwright.mount;
