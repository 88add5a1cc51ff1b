/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
/**
 * Hash engines behind {@link io.cartwright.hash.Hashers}: hash4j (xxHash family) and BouncyCastle
 * (MD5, SHA-1, SHA-256, SHA-512 for C4), plus the checkpoint byte layout. Not exported.
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package io.cartwright.hash.internal;
