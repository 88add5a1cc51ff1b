/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

import io.cartwright.hash.HashAlgorithm;

/**
 * What to offload and how. Immutable; start from {@link #of} and adjust with the {@code with...}
 * methods.
 *
 * @param source the card: a folder or a mount point; it is only ever read
 * @param destinations the final copy roots, primary first then backups (a source file
 *        {@code A/B.mov} lands at {@code destination/A/B.mov}); the caller chooses the layout, e.g.
 *        {@code /mnt/raid/A001}
 * @param name the job name (card or roll name); with the source and destinations it identifies the
 *        job a re-run resumes
 * @param algorithms hash algorithms computed from the one source read, at least one, no duplicates;
 *        the first one is also used to verify every destination re-read
 * @param conflictPolicy what to do when a destination already holds a file of that name
 * @param writeLimitBytesPerSecond write rate limit applied to each destination separately; 0 = none
 * @param concurrency files in flight at once; 1 (the default) suits card readers, which are
 *        sequential devices
 * @param checkpointIntervalBytes how often a large file's progress is made durable (temporary files
 *        fsynced, hash state journalled) so a resume continues from there instead of from byte 0
 */
public record OffloadRequest(Path source, List<Path> destinations, String name, List<HashAlgorithm> algorithms,
        ConflictPolicy conflictPolicy, long writeLimitBytesPerSecond, int concurrency, long checkpointIntervalBytes) {

    /** Default checkpoint interval: 256 MiB (a few seconds of copying, one fsync per destination). */
    public static final long DEFAULT_CHECKPOINT_INTERVAL = 256L << 20;

    /**
     * Checks the values; paths are made absolute and normalised.
     *
     * @throws IllegalArgumentException with a message naming the bad value
     */
    public OffloadRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destinations, "destinations");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(algorithms, "algorithms");
        Objects.requireNonNull(conflictPolicy, "conflictPolicy");
        source = source.toAbsolutePath().normalize();
        destinations = destinations.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        algorithms = List.copyOf(algorithms);
        if (destinations.isEmpty()) {
            throw new IllegalArgumentException("An offload needs at least one destination.");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("The job name must not be empty.");
        }
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("At least one hash algorithm is needed.");
        }
        if (EnumSet.copyOf(algorithms).size() != algorithms.size()) {
            throw new IllegalArgumentException("A hash algorithm is listed twice: " + algorithms);
        }
        if (writeLimitBytesPerSecond < 0) {
            throw new IllegalArgumentException("The write limit must be 0 (none) or positive, not "
                    + writeLimitBytesPerSecond);
        }
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("Concurrency must be between 1 and 64, not " + concurrency);
        }
        if (checkpointIntervalBytes < 1) {
            throw new IllegalArgumentException("The checkpoint interval must be positive, not "
                    + checkpointIntervalBytes);
        }
    }

    /**
     * A request with the defaults: XXH3-64, conflict policy {@link ConflictPolicy#FAIL}, no write
     * limit, one file at a time, a checkpoint every 256 MiB.
     */
    public static OffloadRequest of(Path source, List<Path> destinations, String name) {
        return new OffloadRequest(source, destinations, name, List.of(HashAlgorithm.XXH3_64), ConflictPolicy.FAIL, 0,
                1, DEFAULT_CHECKPOINT_INTERVAL);
    }

    public OffloadRequest withAlgorithms(List<HashAlgorithm> value) {
        return new OffloadRequest(source, destinations, name, value, conflictPolicy, writeLimitBytesPerSecond,
                concurrency, checkpointIntervalBytes);
    }

    public OffloadRequest withConflictPolicy(ConflictPolicy value) {
        return new OffloadRequest(source, destinations, name, algorithms, value, writeLimitBytesPerSecond,
                concurrency, checkpointIntervalBytes);
    }

    public OffloadRequest withWriteLimit(long bytesPerSecond) {
        return new OffloadRequest(source, destinations, name, algorithms, conflictPolicy, bytesPerSecond,
                concurrency, checkpointIntervalBytes);
    }

    public OffloadRequest withConcurrency(int value) {
        return new OffloadRequest(source, destinations, name, algorithms, conflictPolicy, writeLimitBytesPerSecond,
                value, checkpointIntervalBytes);
    }

    public OffloadRequest withCheckpointInterval(long bytes) {
        return new OffloadRequest(source, destinations, name, algorithms, conflictPolicy, writeLimitBytesPerSecond,
                concurrency, bytes);
    }

    /** The algorithm that verifies destination copies: the first one asked for. */
    public HashAlgorithm verifyAlgorithm() {
        return algorithms.get(0);
    }
}
