/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The stop signal shared by the workers of one run: the first reason to stop (cancellation, source
 * gone) wins, and every worker checks it between chunks and files. Thread-safe.
 */
final class JobControl {

    private final AtomicReference<@Nullable String> stopReason = new AtomicReference<>();
    private final AtomicReference<@Nullable Throwable> crash = new AtomicReference<>();

    boolean stopped() {
        return stopReason.get() != null || crash.get() != null;
    }

    /** Requests an orderly stop; the job ends interrupted with this reason (if it is the first). */
    void stop(String reason) {
        stopReason.compareAndSet(null, reason);
    }

    @Nullable
    String stopReason() {
        return stopReason.get();
    }

    /** An unexpected error in a worker: stop everything and rethrow it from the run. */
    void crash(Throwable t) {
        crash.compareAndSet(null, t);
    }

    @Nullable
    Throwable crashCause() {
        return crash.get();
    }
}
