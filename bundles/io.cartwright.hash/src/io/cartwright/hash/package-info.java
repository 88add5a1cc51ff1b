/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
/**
 * Streaming hashes for Cartwright: xxHash (XXH3-64, XXH3-128, XXH64), MD5, SHA-1, SHA-256 and C4,
 * each with a serialisable state so a long copy can resume from a checkpoint. Start with
 * {@link io.cartwright.hash.Hashers} for one algorithm or {@link io.cartwright.hash.MultiHasher} to
 * feed several from one read. Plain Java, no services.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.eclipse.jdt.annotation.NonNullByDefault
package io.cartwright.hash;
