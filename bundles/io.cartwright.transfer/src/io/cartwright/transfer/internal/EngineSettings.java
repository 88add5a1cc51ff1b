/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.util.Objects;

/**
 * Engine tuning that is not part of a request: buffer sizes, queue depth, verification preference,
 * progress throttling, test hooks.
 *
 * @param bufferSize bytes per source read; a multiple of 64 KiB
 * @param queueDepth chunks that may wait for one destination before the reader waits for it (how far
 *        a slow destination may fall behind before it paces the others)
 * @param verify how destination re-reads bypass the page cache
 * @param progressIntervalMillis minimum time between progress events of one destination
 * @param hooks fault-injection points ({@link EngineHooks#NONE} in production)
 */
public record EngineSettings(int bufferSize, int queueDepth, VerifyPreference verify, long progressIntervalMillis,
        EngineHooks hooks) {

    /** Production defaults: 4 MiB buffers, 4 queued per destination, O_DIRECT first. */
    public static final EngineSettings DEFAULT = new EngineSettings(4 << 20, 4, VerifyPreference.DIRECT_FIRST, 250,
            EngineHooks.NONE);

    private static final int VERIFY_BUFFERS_PER_REQUEST = 8;

    public EngineSettings {
        Objects.requireNonNull(verify, "verify");
        Objects.requireNonNull(hooks, "hooks");
        if (bufferSize < (64 << 10) || bufferSize % (64 << 10) != 0) {
            throw new IllegalArgumentException("bufferSize must be a positive multiple of 64 KiB: " + bufferSize);
        }
        if (bufferSize > (64 << 20)) {
            throw new IllegalArgumentException("bufferSize must be at most 64 MiB: " + bufferSize);
        }
        if (queueDepth < 1) {
            throw new IllegalArgumentException("queueDepth must be at least 1: " + queueDepth);
        }
    }

    /**
     * Bytes a verifier reads a copy with, at most (eight source buffers), used as two halves: one
     * O_DIRECT request of half this size (16 MiB) is in flight while the other half is hashed, so the
     * drive is never left waiting for the hash. 16 MiB requests rather than 8: the verifiers' reads
     * are two of the five streams of a run, and on a drive that rewards bytes in flight a run took
     * 6-12 % less (docs/performance.md, sixth pass).
     */
    public int verifyBufferSize() {
        return bufferSize * VERIFY_BUFFERS_PER_REQUEST;
    }

    public EngineSettings withHooks(EngineHooks value) {
        return new EngineSettings(bufferSize, queueDepth, verify, progressIntervalMillis, value);
    }

    public EngineSettings withBufferSize(int value) {
        return new EngineSettings(value, queueDepth, verify, progressIntervalMillis, hooks);
    }

    public EngineSettings withVerify(VerifyPreference value) {
        return new EngineSettings(bufferSize, queueDepth, value, progressIntervalMillis, hooks);
    }
}
