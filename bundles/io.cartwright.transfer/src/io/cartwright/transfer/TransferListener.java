/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives the events of a running job, for progress displays and JSON-lines output. Implemented by
 * callers ({@link ConsumerType}); every method has an empty default.
 *
 * <p>Thread rules: methods are called from the engine's worker and writer threads, possibly
 * concurrently, and must return quickly and be thread-safe. An exception thrown by a listener is
 * ignored: a display bug must not break a copy.
 */
@ConsumerType
public interface TransferListener {

    /** A listener that ignores everything. */
    TransferListener NONE = new TransferListener() {
    };

    /** The source was scanned and the work decided; called once per run, before any byte is copied. */
    default void jobPlanned(JobPlan plan) {
    }

    /** A file entered a new state (already journalled when this is called). */
    default void fileStateChanged(FileEvent event) {
    }

    /** Bytes were written to a destination; throttled to a few calls per second per destination. */
    default void progress(DestinationProgress progress) {
    }

    /** Something the user must know that does not fail the job: a symbolic link, a special file. */
    default void warning(Problem warning) {
    }

    /** The run ended (done, failed or interrupted); the summary is also returned by the service. */
    default void jobFinished(JobSummary summary) {
    }
}
