/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
/**
 * For implementers: camera source layouts. A vendor bundle registers a
 * {@link io.cartwright.routing.spi.CameraLayoutProvider} DS service that recognises its cards from a
 * {@link io.cartwright.routing.spi.CardTree} and describes them as a
 * {@link io.cartwright.routing.spi.SourceLayout}. The package evolves only by adding default
 * methods and new types, so provider bundles keep resolving across minor releases.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.eclipse.jdt.annotation.NonNullByDefault
package io.cartwright.routing.spi;
