/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
/**
 * The picocli commands. Not exported. Fields picocli fills in are {@code @Nullable} when an option
 * may be left out, and {@code @NonNullByDefault({})} when picocli always sets them (positional
 * parameters, options with a default value, {@code @Spec}).
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package io.cartwright.cli.internal;
