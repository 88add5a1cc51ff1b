/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import io.cartwright.transfer.DestinationProgress;
import io.cartwright.transfer.FileEvent;
import io.cartwright.transfer.JobPlan;
import io.cartwright.transfer.JobSummary;
import io.cartwright.transfer.Problem;
import io.cartwright.transfer.TransferListener;

/** Shields the engine from listener exceptions: a display bug must not break a copy. */
final class SafeListener implements TransferListener {

    private final TransferListener delegate;

    SafeListener(TransferListener delegate) {
        this.delegate = delegate == null ? TransferListener.NONE : delegate;
    }

    @Override
    public void jobPlanned(JobPlan plan) {
        try {
            delegate.jobPlanned(plan);
        } catch (RuntimeException ignored) {
            // see class comment
        }
    }

    @Override
    public void fileStateChanged(FileEvent event) {
        try {
            delegate.fileStateChanged(event);
        } catch (RuntimeException ignored) {
            // see class comment
        }
    }

    @Override
    public void progress(DestinationProgress progress) {
        try {
            delegate.progress(progress);
        } catch (RuntimeException ignored) {
            // see class comment
        }
    }

    @Override
    public void warning(Problem warning) {
        try {
            delegate.warning(warning);
        } catch (RuntimeException ignored) {
            // see class comment
        }
    }

    @Override
    public void jobFinished(JobSummary summary) {
        try {
            delegate.jobFinished(summary);
        } catch (RuntimeException ignored) {
            // see class comment
        }
    }
}
