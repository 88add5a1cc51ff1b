/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer;

import java.util.List;

import io.cartwright.core.ExitCode;

/**
 * The result of one run of a job (a first run or a resume). Counts are for this run unless noted.
 *
 * @param jobId the journal id; pass it to {@link TransferService#resume} to continue
 * @param name the job name
 * @param state the job's state after this run
 * @param filesTotal regular files of the job
 * @param filesCopied files read from the source and verified on every destination in this run
 * @param filesSkippedVerified files not read because a verified copy on every destination was
 *        found (journalled size, modification time and hash agree)
 * @param filesFailed files that are not verified on every destination
 * @param bytesTotal total size of the job's files
 * @param bytesCopied source bytes read and copied in this run
 * @param bytesResumed bytes not read again because a large file continued from a checkpoint
 * @param failures failed files and failed destinations (path = destination root), with reasons;
 *        a file that only misses a failed destination is counted in {@code filesFailed} and
 *        explained by that destination's entry
 * @param warnings things reported but not failed: symbolic links, special files, files kept by the
 *        conflict policy, names that would collide on case-insensitive filesystems
 * @param destinations one outcome per destination, primary first
 * @param message one line for people: what happened and, if needed, what to do next
 */
public record JobSummary(long jobId, String name, JobState state, int filesTotal, int filesCopied,
        int filesSkippedVerified, int filesFailed, long bytesTotal, long bytesCopied, long bytesResumed,
        List<Problem> failures, List<Problem> warnings, List<DestinationOutcome> destinations, String message) {

    public JobSummary {
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
        destinations = List.copyOf(destinations);
    }

    /** The exit code the CLI ends with for this run. */
    public ExitCode exitCode() {
        return state.exitCode();
    }
}
