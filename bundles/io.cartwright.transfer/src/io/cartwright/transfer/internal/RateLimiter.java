/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.util.concurrent.TimeUnit;

/**
 * Paces the writes to one destination to a number of bytes per second, shared by every file in
 * flight to it. Each caller reserves its bytes on a timeline and sleeps until its slot starts, so
 * the long-run rate holds whatever the chunk sizes; an idle destination gets no burst credit beyond
 * one chunk. Thread-safe.
 */
final class RateLimiter {

    private final double nanosPerByte;
    private long nextFree;

    RateLimiter(long bytesPerSecond) {
        this.nanosPerByte = 1e9 / bytesPerSecond;
        this.nextFree = System.nanoTime();
    }

    /** Waits until {@code bytes} may be written. */
    void acquire(long bytes) throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            if (nextFree < now) {
                nextFree = now;
            }
            wait = nextFree - now;
            nextFree += (long) (bytes * nanosPerByte);
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
