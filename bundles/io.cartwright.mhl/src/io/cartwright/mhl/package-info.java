/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
/**
 * ASC MHL v2 histories (read, append a generation, verify without writing) and classic MHL v1
 * export. Entry points: {@link io.cartwright.mhl.AscMhlHistory#load}, {@link io.cartwright.mhl.AscMhlWriter},
 * {@link io.cartwright.mhl.AscMhlVerifier} and {@link io.cartwright.mhl.MhlV1Writer}. All value
 * types are immutable records; the engines are stateless and may be called from any thread, but two
 * writers must never append to the same history at the same time (callers serialise per scope).
 */
@org.osgi.annotation.versioning.Version("1.1.0")
@org.eclipse.jdt.annotation.NonNullByDefault
package io.cartwright.mhl;
