/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A journalled job as listed by {@link TransferService#jobs}.
 *
 * @param id the journal id
 * @param name the job name
 * @param source the source root
 * @param destinations destination roots, primary first
 * @param state the job state
 * @param reason why it failed or stopped; empty when done
 * @param createdAt when the job was first planned
 * @param updatedAt when its state last changed
 * @param filesTotal regular files of the job
 * @param filesDone files verified on every destination
 * @param filesFailed files in state failed
 * @param bytesTotal total size of the job's files
 */
public record JobInfo(long id, String name, Path source, List<Path> destinations, JobState state, String reason,
        Instant createdAt, Instant updatedAt, int filesTotal, int filesDone, int filesFailed, long bytesTotal) {
}
