/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
/** The headless {@code cartwright} command: entry point for scripts and for tests. */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.eclipse.jdt.annotation.NonNullByDefault
package io.cartwright.cli;
