/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.util.Map;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.HashValue;
import io.cartwright.transfer.VerifyMode;

/**
 * A verified copy journalled by some job at a destination path, found when a new job meets an
 * existing file there: if size and times still agree it is adopted instead of read again.
 */
record EarlierCopy(long jobId, long fileId, VerifyMode mode, String verifiedAt, long destMtimeNanos,
        Map<HashAlgorithm, HashValue> sourceHashes, Map<HashAlgorithm, HashValue> destinationHashes) {
}
