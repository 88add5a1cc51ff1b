/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.cartwright.hash.HashAlgorithm;

import org.eclipse.jdt.annotation.Nullable;

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
 * @param concurrency clips (files larger than one read buffer) in flight at once; 1 (the default)
 *        suits card readers, which are sequential devices. Smaller files have a reader of their own
 *        beside them.
 * @param checkpointIntervalBytes how often a large file's progress is made durable (temporary files
 *        fsynced, hash state journalled) so a resume continues from there instead of from byte 0
 * @param targets the routing plan, or null for none: for each source path to copy (relative,
 *        {@code /}-separated) its path below every destination root; source files not in it are not
 *        copied. Without a plan a file keeps its relative path.
 * @param sealScopes with a plan, the folders (relative to each destination root) that each get an
 *        ASC MHL history of their own: a copy is sealed in the longest scope its target lies in, copies
 *        in no scope at the destination root. Empty without a plan.
 */
public record OffloadRequest(Path source, List<Path> destinations, String name, List<HashAlgorithm> algorithms,
        ConflictPolicy conflictPolicy, long writeLimitBytesPerSecond, int concurrency, long checkpointIntervalBytes,
        @Nullable Map<String, String> targets, List<String> sealScopes) {

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
        targets = targets == null ? null : Map.copyOf(targets);
        sealScopes = sealScopes == null || targets == null ? List.of() : List.copyOf(sealScopes);
        if (targets != null) {
            Set<String> seen = new HashSet<>();
            for (Map.Entry<String, String> t : targets.entrySet()) {
                checkRelative(t.getValue(), "target of " + t.getKey());
                if (!seen.add(t.getValue())) {
                    throw new IllegalArgumentException("Two files of the plan go to " + t.getValue() + ".");
                }
            }
            for (String scope : sealScopes) {
                checkRelative(scope, "ASC MHL scope");
            }
        }
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
     * limit, one clip at a time (sidecars alongside), a checkpoint every 256 MiB.
     */
    public static OffloadRequest of(Path source, List<Path> destinations, String name) {
        return new OffloadRequest(source, destinations, name, List.of(HashAlgorithm.XXH3_64), ConflictPolicy.FAIL, 0,
                1, DEFAULT_CHECKPOINT_INTERVAL, null, List.of());
    }

    public OffloadRequest withAlgorithms(List<HashAlgorithm> value) {
        return new OffloadRequest(source, destinations, name, value, conflictPolicy, writeLimitBytesPerSecond,
                concurrency, checkpointIntervalBytes, targets, sealScopes);
    }

    public OffloadRequest withConflictPolicy(ConflictPolicy value) {
        return new OffloadRequest(source, destinations, name, algorithms, value, writeLimitBytesPerSecond,
                concurrency, checkpointIntervalBytes, targets, sealScopes);
    }

    public OffloadRequest withWriteLimit(long bytesPerSecond) {
        return new OffloadRequest(source, destinations, name, algorithms, conflictPolicy, bytesPerSecond,
                concurrency, checkpointIntervalBytes, targets, sealScopes);
    }

    public OffloadRequest withConcurrency(int value) {
        return new OffloadRequest(source, destinations, name, algorithms, conflictPolicy, writeLimitBytesPerSecond,
                value, checkpointIntervalBytes, targets, sealScopes);
    }

    public OffloadRequest withCheckpointInterval(long bytes) {
        return new OffloadRequest(source, destinations, name, algorithms, conflictPolicy, writeLimitBytesPerSecond,
                concurrency, bytes, targets, sealScopes);
    }

    /** The same request with a routing plan: source relative path to destination relative path. */
    public OffloadRequest withTargets(Map<String, String> value) {
        return withTargets(value, List.of());
    }

    /** The same request with a routing plan and the folders that get an ASC MHL history each. */
    public OffloadRequest withTargets(Map<String, String> value, List<String> scopes) {
        return new OffloadRequest(source, destinations, name, algorithms, conflictPolicy, writeLimitBytesPerSecond,
                concurrency, checkpointIntervalBytes, Objects.requireNonNull(value, "targets"), scopes);
    }

    /** Whether a routing plan decides what is copied and where. */
    public boolean planned() {
        return targets != null;
    }

    /**
     * Where a source file lands below each destination root: its planned target, or its own relative
     * path without a plan; null when the plan does not copy it.
     */
    public @Nullable String targetOf(String relativePath) {
        return targets == null ? relativePath : targets.get(relativePath);
    }

    private static void checkRelative(String path, String what) {
        if (path == null || path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.endsWith("/")) {
            throw new IllegalArgumentException("The " + what + " must be a relative '/'-separated path, not '" + path
                    + "'.");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("The " + what + " must not contain empty, '.' or '..' parts: '"
                        + path + "'.");
            }
        }
    }

    /** The algorithm that verifies destination copies: the first one asked for. */
    public HashAlgorithm verifyAlgorithm() {
        return algorithms.get(0);
    }
}
