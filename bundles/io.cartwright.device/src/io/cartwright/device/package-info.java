/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
/**
 * The device registry: every card and drive Cartwright has seen, recognised again on every mount,
 * with its role, barcode, state and lifetime history. Start with
 * {@link io.cartwright.device.DeviceRegistry} (an OSGi service); {@link io.cartwright.device.IdentityRecipe}
 * says how a volume is recognised (docs/devices.md explains why).
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.eclipse.jdt.annotation.NonNullByDefault
package io.cartwright.device;
