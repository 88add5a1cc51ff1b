/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.osgi.annotation.versioning.ProviderType;

import io.cartwright.core.CartwrightException;
import io.cartwright.store.Store;

/**
 * Offloads cards: copies, verifies, journals and resumes. Provided as an OSGi service by this bundle
 * ({@link ProviderType}); callers pass the {@link Store} they opened.
 *
 * <p>Thread rules: {@link #run} and {@link #resume} block the calling thread until the run ends.
 * Interrupting that thread cancels the run: it stops within about one buffer, leaves the journal and
 * temporary files ready for a resume and returns a summary in state {@link JobState#INTERRUPTED}.
 * Several jobs may run at once in one process; one job runs in at most one process at a time (a lock
 * next to the database refuses a second runner).
 *
 * <p>Guarantees: the source is opened read-only and nothing is ever created on it; a file appears
 * under its final name on a destination only after it was fsynced, re-read from the device and
 * matched the source hash; an existing file is never overwritten except as the conflict policy says.
 */
@ProviderType
public interface TransferService {

    /**
     * Plans and runs a new job. To continue an unfinished job of the same command instead, call
     * {@link #findResumable} first and {@link #resume} what it finds. Files verified by any earlier
     * job on the same destination paths (same size and modification time, journalled hash) are
     * recognised and not read again.
     *
     * @throws CartwrightException with {@code USAGE} if the source is not a readable folder or a
     *         destination is the source or lies inside it (nothing is journalled then)
     */
    JobSummary run(Store store, OffloadRequest request, TransferListener listener);

    /**
     * Continues a journalled job (running after a crash, interrupted, or failed to retry what failed):
     * the source is scanned again, files verified earlier are skipped after checking size and
     * modification time of source and copies, a large file continues from its last checkpoint after
     * the destinations' prefixes re-hash to the checkpointed value, and failed files and destinations
     * are tried again.
     *
     * @throws CartwrightException with {@code USAGE} if there is no such job, or {@code REFUSED} if
     *         another process is running it
     */
    JobSummary resume(Store store, long jobId, TransferListener listener);

    /**
     * The newest unfinished job (running, interrupted or failed) with the same source, destinations
     * and name as {@code request}, so re-running the same command resumes it.
     */
    OptionalLong findResumable(Store store, OffloadRequest request);

    /** All journalled jobs, newest first. */
    List<JobInfo> jobs(Store store);

    /** One journalled job. */
    Optional<JobInfo> job(Store store, long jobId);

    /** Every file of the job with its journalled state, in path order (for the workbench and reports). */
    List<FileStatus> files(Store store, long jobId);

    /**
     * The job's files that have at least one verified copy, with their source hashes and copies, in
     * path order: the input for MHL sealing and for snapshots.
     */
    List<VerifiedFile> verifiedFiles(Store store, long jobId);

    /**
     * Writes a verification snapshot of the job ({@link #verifiedFiles}) as CSV or JSON to
     * {@code target}, replacing it atomically.
     *
     * @throws CartwrightException with {@code USAGE} if there is no such job, {@code FAILED} if the
     *         file cannot be written
     */
    void exportSnapshot(Store store, long jobId, SnapshotFormat format, Path target);
}
