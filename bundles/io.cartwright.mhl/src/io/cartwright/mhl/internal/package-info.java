/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
/**
 * Implementation of the ASC MHL API: history reading and chain check ({@code HistoryReader}),
 * XML serialisation ({@code ManifestXml}, {@code XmlOut}, {@code MhlV1Xml}), Appendix G directory
 * hashes ({@code DirectoryHasher}), ignore patterns, crash-safe file replacement, the generation
 * writer and the verifier. Uses only the JDK (StAX, DOM) and {@code io.cartwright.hash}. Not exported.
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package io.cartwright.mhl.internal;
