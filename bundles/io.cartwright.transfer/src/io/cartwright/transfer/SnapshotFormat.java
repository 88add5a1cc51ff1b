/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer;

/** File formats of a verification snapshot ({@link TransferService#exportSnapshot}). */
public enum SnapshotFormat {
    /**
     * RFC 4180 CSV, UTF-8, one row per file and destination copy: {@code path,size,modified,}
     * one column per algorithm, {@code destination,copy_path,verify_mode,verified_at}.
     */
    CSV,
    /** One JSON document: the job, then a {@code files} array with hashes and copies per file. */
    JSON
}
