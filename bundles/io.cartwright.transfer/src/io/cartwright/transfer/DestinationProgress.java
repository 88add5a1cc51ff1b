/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer;

import java.nio.file.Path;

/**
 * Progress of one destination in the current run, with what a display needs for rate and ETA.
 *
 * @param jobId the job
 * @param destination index of the destination, 0 = primary
 * @param root the destination root
 * @param filesDone files verified on this destination in this run
 * @param filesTotal files to copy to this destination in this run
 * @param bytesDone bytes written to this destination in this run
 * @param bytesTotal bytes to write to this destination in this run
 * @param elapsedNanos time since this run started writing
 * @param bytesPerSecond average write rate of this run so far (0 until measurable)
 * @param etaSeconds estimated seconds until this destination has all its bytes, or -1 if unknown
 */
public record DestinationProgress(long jobId, int destination, Path root, int filesDone, int filesTotal,
        long bytesDone, long bytesTotal, long elapsedNanos, double bytesPerSecond, long etaSeconds) {
}
