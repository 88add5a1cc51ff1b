/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
/**
 * For implementers: an OS-specific source of mount information. Register a
 * {@link io.cartwright.mount.spi.MountProvider} as an OSGi service (DS whiteboard) and the
 * {@link io.cartwright.mount.MountService} picks it up. Evolved only by adding default methods.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.eclipse.jdt.annotation.NonNullByDefault
package io.cartwright.mount.spi;
