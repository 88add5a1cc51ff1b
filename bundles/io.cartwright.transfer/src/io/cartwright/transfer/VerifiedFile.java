/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.HashValue;

/**
 * A source file with at least one verified copy: what MHL sealing and verification snapshots need.
 *
 * @param relativePath path below the source root, {@code /}-separated, name as found on the card
 * @param size bytes
 * @param modified the source's modification time (nanosecond precision where the card has it)
 * @param hashes the source hashes, one per requested algorithm, in request order
 * @param copies the verified copies, by destination index
 * @param complete true when every destination of the job holds a verified copy
 */
public record VerifiedFile(String relativePath, long size, Instant modified, Map<HashAlgorithm, HashValue> hashes,
        List<VerifiedCopy> copies, boolean complete) {
}
