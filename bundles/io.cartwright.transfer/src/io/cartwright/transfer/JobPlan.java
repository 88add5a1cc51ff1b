/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer;

import java.nio.file.Path;
import java.util.List;

/**
 * The work of one run, decided before any byte moves.
 *
 * @param jobId the journal id of the job
 * @param name the job name
 * @param source the source root
 * @param destinations the destination roots, primary first
 * @param filesTotal regular files on the source
 * @param bytesTotal their total size
 * @param filesToCopy files that will be read in this run
 * @param bytesToCopy their total size (less any checkpointed prefix)
 * @param filesAlreadyVerified files found verified on every destination, which will not be read
 */
public record JobPlan(long jobId, String name, Path source, List<Path> destinations, int filesTotal, long bytesTotal,
        int filesToCopy, long bytesToCopy, int filesAlreadyVerified) {
}
