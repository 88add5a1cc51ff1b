/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
/**
 * Routing: templates of channels that split a card's files by pattern and name their destinations
 * from tokens, and the dry-run {@link io.cartwright.routing.RoutePlan} the transfer engine copies
 * from ({@link io.cartwright.routing.PlanTree} shows it as a folder tree). Entry points:
 * {@link io.cartwright.routing.RoutingService} and {@link io.cartwright.routing.CameraLayouts} (DS
 * services).
 */
@org.osgi.annotation.versioning.Version("1.1.0")
@org.eclipse.jdt.annotation.NonNullByDefault
package io.cartwright.routing;
