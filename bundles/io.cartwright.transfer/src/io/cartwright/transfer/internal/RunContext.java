/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import io.cartwright.transfer.OffloadRequest;
import io.cartwright.transfer.Problem;
import io.cartwright.transfer.TransferListener;

/** What every worker of one run shares. */
record RunContext(long jobId, OffloadRequest request, EngineSettings settings, JobJournal journal,
        JobControl control, SourceGuard guard, SourceStats stats, BufferPool pool, RunTally tally,
        TransferListener listener, Publisher publisher, BlockSizes blockSizes) {

    EngineHooks hooks() {
        return settings.hooks();
    }

    /** Reports and records a warning of this run. */
    void warn(Problem p) {
        tally.warning(p);
        listener.warning(p);
    }
}
