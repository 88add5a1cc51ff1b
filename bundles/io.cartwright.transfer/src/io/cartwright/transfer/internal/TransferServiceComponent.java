/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.cartwright.store.Store;
import io.cartwright.transfer.FileStatus;
import io.cartwright.transfer.JobInfo;
import io.cartwright.transfer.JobSummary;
import io.cartwright.transfer.OffloadRequest;
import io.cartwright.transfer.SnapshotFormat;
import io.cartwright.transfer.TransferListener;
import io.cartwright.transfer.TransferService;
import io.cartwright.transfer.VerifiedFile;

/** The OSGi face of the engine: registers {@link TransferService} and delegates to {@link OffloadEngine}. */
@Component(service = TransferService.class)
public final class TransferServiceComponent implements TransferService {

    private final OffloadEngine engine;

    @Activate
    public TransferServiceComponent() {
        this.engine = new OffloadEngine(EngineSettings.DEFAULT);
    }

    @Override
    public JobSummary run(Store store, OffloadRequest request, TransferListener listener) {
        return engine.run(store, request, listener);
    }

    @Override
    public JobSummary resume(Store store, long jobId, TransferListener listener) {
        return engine.resume(store, jobId, listener);
    }

    @Override
    public OptionalLong findResumable(Store store, OffloadRequest request) {
        return engine.findResumable(store, request);
    }

    @Override
    public List<JobInfo> jobs(Store store) {
        return engine.jobs(store);
    }

    @Override
    public Optional<JobInfo> job(Store store, long jobId) {
        return engine.job(store, jobId);
    }

    @Override
    public List<FileStatus> files(Store store, long jobId) {
        return engine.files(store, jobId);
    }

    @Override
    public List<VerifiedFile> verifiedFiles(Store store, long jobId) {
        return engine.verifiedFiles(store, jobId);
    }

    @Override
    public void exportSnapshot(Store store, long jobId, SnapshotFormat format, Path target) {
        engine.exportSnapshot(store, jobId, format, target);
    }
}
