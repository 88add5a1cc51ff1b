/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.cartwright.transfer.DestinationProgress;

import org.eclipse.jdt.annotation.Nullable;

/**
 * One destination during a run: its naming traits, rate limit, progress counters and whether it has
 * failed. A failure is recorded once (the first reason wins) and stops every further write to it
 * while the other destinations go on. Thread-safe.
 */
final class Destination {

    private final long jobId;
    private final int index;
    private final Path root;
    private final @Nullable RateLimiter limiter;
    private final long progressIntervalNanos;
    private final Consumer<DestinationProgress> progressSink;
    private final AtomicReference<@Nullable String> failure = new AtomicReference<>();
    private final AtomicLong bytesWritten = new AtomicLong();
    private final AtomicInteger filesVerified = new AtomicInteger();
    private final AtomicLong lastProgress = new AtomicLong();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private volatile DestinationTraits traits = DestinationTraits.EXACT;
    private volatile int directAlignment;
    private volatile @Nullable Long syncfsDevice;
    private final FolderSyncs folders = new FolderSyncs();
    private volatile long bytesPlanned;
    private volatile int filesPlanned;
    private volatile long startNanos = System.nanoTime();
    private volatile Consumer<Destination> onFailure = d -> {
    };

    Destination(long jobId, int index, Path root, long writeLimit, long progressIntervalMillis,
            Consumer<DestinationProgress> progressSink) {
        this.jobId = jobId;
        this.index = index;
        this.root = root;
        this.limiter = writeLimit > 0 ? new RateLimiter(writeLimit) : null;
        this.progressIntervalNanos = progressIntervalMillis * 1_000_000L;
        this.progressSink = progressSink;
    }

    int index() {
        return index;
    }

    Path root() {
        return root;
    }

    DestinationTraits traits() {
        return traits;
    }

    void traits(DestinationTraits value) {
        traits = value;
    }

    /** The folders with published copies not yet fsynced. */
    FolderSyncs folders() {
        return folders;
    }

    /** The block alignment for O_DIRECT writes here, or 0 when copies are written through the page cache. */
    int directAlignment() {
        return directAlignment;
    }

    void directAlignment(int value) {
        directAlignment = value;
    }

    /**
     * The device number of this destination's filesystem when one syncfs makes its copies durable
     * ({@link FilesystemSync}), else null (an fsync per copy).
     */
    @Nullable
    Long syncfsDevice() {
        return syncfsDevice;
    }

    void syncfsDevice(@Nullable Long value) {
        syncfsDevice = value;
    }

    void onFailure(Consumer<Destination> callback) {
        onFailure = callback;
    }

    /** Marks it failed; returns true for the first failure (which is journalled and reported). */
    boolean fail(String reason) {
        if (failure.compareAndSet(null, reason)) {
            onFailure.accept(this);
            return true;
        }
        return false;
    }

    boolean failed() {
        return failure.get() != null;
    }

    String failure() {
        String f = failure.get();
        return f == null ? "" : f;
    }

    /** Waits for the rate limit, if any, before {@code bytes} are written. */
    void pace(long bytes) throws InterruptedException {
        if (limiter != null) {
            limiter.acquire(bytes);
        }
    }

    void plan(int files, long bytes) {
        filesPlanned = files;
        bytesPlanned = bytes;
        startNanos = System.nanoTime();
    }

    /** Bytes of this run still to be written here (for the "needs N more" message). */
    long bytesStillToWrite() {
        return Math.max(0, bytesPlanned - bytesWritten.get());
    }

    long bytesWritten() {
        return bytesWritten.get();
    }

    int filesVerified() {
        return filesVerified.get();
    }

    void written(long bytes) {
        bytesWritten.addAndGet(bytes);
        long now = System.nanoTime();
        long last = lastProgress.get();
        if (now - last >= progressIntervalNanos && lastProgress.compareAndSet(last, now)) {
            emitProgress(now);
        }
    }

    void fileVerified() {
        filesVerified.incrementAndGet();
        emitProgress(System.nanoTime());
    }

    void emitProgress(long now) {
        long elapsed = Math.max(1, now - startNanos);
        long done = bytesWritten.get();
        double rate = elapsed >= 50_000_000L ? done * 1e9 / elapsed : 0;
        long left = Math.max(0, bytesPlanned - done);
        long eta = rate > 0 ? (long) Math.ceil(left / rate) : left == 0 ? 0 : -1;
        progressSink.accept(new DestinationProgress(jobId, index, root, filesVerified.get(), filesPlanned, done,
                bytesPlanned, elapsed, rate, eta));
    }

    /** True the first time for {@code key}, so a limitation of a destination is reported once. */
    boolean firstTime(String key) {
        return warned.add(key);
    }
}
