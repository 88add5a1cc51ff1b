/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
/** Not exported. */
@org.eclipse.jdt.annotation.NonNullByDefault
package io.cartwright.routing.camera.sony.internal;
