/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Re-reads the copies of one file on all its destinations at the same time: they are separate
 * drives, so verifying them one after the other would leave all but one idle. Owns the run's
 * {@link DeviceReader}s (each holds a large aligned buffer) and the threads they run on. Thread-safe.
 */
final class Verifiers implements AutoCloseable {

    /** One destination's part of the work, given a reader of its own. */
    interface Task<T extends @Nullable Object> {
        T run(Target target, DeviceReader reader) throws SourceFailure;
    }

    private final EngineSettings settings;
    private final BlockSizes blockSizes;
    private final ConcurrentLinkedQueue<DeviceReader> idle = new ConcurrentLinkedQueue<>();
    private final ExecutorService threads;

    Verifiers(EngineSettings settings, long jobId, BlockSizes blockSizes) {
        this.settings = settings;
        this.blockSizes = blockSizes;
        AtomicInteger n = new AtomicInteger();
        // Platform threads: blocking file reads would pin a virtual thread's carrier anyway.
        this.threads = Executors.newCachedThreadPool(r -> Thread.ofPlatform().daemon()
                .name("cartwright-verify-" + jobId + "-" + n.incrementAndGet()).unstarted(r));
    }

    /**
     * Runs {@code task} for every target, in parallel, and returns the results (which may be null) in
     * the same order.
     * Waits for all of them even when one fails; then rethrows the first failure.
     */
    <T extends @Nullable Object> List<T> all(List<Target> targets, Task<T> task) throws SourceFailure, InterruptedException {
        if (targets.isEmpty()) {
            return List.of();
        }
        if (targets.size() == 1) {
            return Collections.singletonList(withReader(targets.get(0), task)); // a result may be null
        }
        List<Future<T>> futures = new ArrayList<>();
        for (Target t : targets.subList(1, targets.size())) {
            futures.add(threads.submit(() -> withReader(t, task)));
        }
        List<T> results = new ArrayList<>();
        @Nullable
        Throwable first = null;
        try {
            results.add(withReader(targets.get(0), task));
        } catch (SourceFailure | RuntimeException | Error e) {
            first = e;
        }
        for (Future<T> f : futures) {
            try {
                results.add(f.get());
            } catch (ExecutionException e) {
                first = first == null ? e.getCause() : first;
            } catch (InterruptedException e) {
                futures.forEach(x -> x.cancel(true));
                throw e;
            }
        }
        if (first instanceof SourceFailure s) {
            throw s;
        }
        Throwables.throwIfUnchecked(first);
        if (first != null) {
            throw new IllegalStateException(first);
        }
        return results;
    }

    /** Runs {@code task} on the calling thread with a reader borrowed for the time. */
    <T extends @Nullable Object> T withReader(Target target, Task<T> task) throws SourceFailure {
        DeviceReader reader = idle.poll();
        if (reader == null) {
            reader = new DeviceReader(settings.verifyBufferSize(), settings.verify(), NativeIo.INSTANCE, blockSizes);
        }
        try {
            return task.run(target, reader);
        } finally {
            idle.add(reader);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
