/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.core.ExitCode;
import io.cartwright.store.Store;
import io.cartwright.transfer.JobState;
import io.cartwright.transfer.JobSummary;
import io.cartwright.transfer.OffloadRequest;
import io.cartwright.transfer.TransferListener;
import io.cartwright.transfer.internal.EngineHooks;
import io.cartwright.transfer.internal.OffloadEngine;

/** A card unmounted mid-job interrupts the job (exit 3); mounted again, the same command completes it. */
class SourceVanishTest {

    @TempDir
    Path dir;

    @Test
    void anUnmountedSourceInterruptsAndTheJobResumesWhenItIsBack() throws Exception {
        Path card = dir.resolve("media/CARD");
        Path elsewhere = dir.resolve("unplugged");
        Fixtures.write(card.resolve("1.mov"), Fixtures.bytes(100_000, 1));
        Fixtures.write(card.resolve("2.mov"), Fixtures.bytes(100_000, 2));
        Fixtures.write(card.resolve("3.mov"), Fixtures.bytes(100_000, 3));
        List<Path> dests = List.of(dir.resolve("d1"), dir.resolve("d2"));
        OffloadRequest request = OffloadRequest.of(card, dests, "CARD");
        // Once the first file is read, just before the second is opened: "unmount" the card, leaving an
        // empty mount point behind as Linux does. The first file's copies need no card to be verified.
        EngineHooks unplug = new EngineHooks() {
            @Override
            public void beforeSourceOpen(String rel, Path file) {
                if (rel.equals("2.mov")) {
                    try {
                        Files.move(card, elsewhere);
                        Files.createDirectory(card);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        };
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            JobSummary s = new OffloadEngine(Fixtures.SMALL.withHooks(unplug)).run(store, request,
                    TransferListener.NONE);
            assertEquals(JobState.INTERRUPTED, s.state());
            assertEquals(ExitCode.INTERRUPTED, s.exitCode());
            assertEquals(3, s.exitCode().code());
            assertTrue(s.message().startsWith("The source " + card + " is gone (unmounted or unplugged) while "
                    + "reading 2.mov. Mount it again and run the same command to resume."), s.message());
            assertEquals(1, s.filesCopied());
            assertEquals(0, s.filesFailed(), "nothing is failed because the card went away");
            assertEquals(List.of("interrupted"), Fixtures.strings(store, "SELECT state FROM transfer_job"));

            Files.delete(card);
            Files.move(elsewhere, card); // mounted again
            OffloadEngine engine = new OffloadEngine(Fixtures.SMALL);
            long job = engine.findResumable(store, request).orElseThrow();
            assertEquals(s.jobId(), job);
            JobSummary r = engine.resume(store, job, TransferListener.NONE);
            assertEquals(JobState.DONE, r.state(), r.message());
            assertEquals(1, r.filesSkippedVerified());
            assertEquals(2, r.filesCopied());
            assertEquals(2, engine.sourceStats().filesOpened());
            for (Path d : dests) {
                Fixtures.assertSameTree(Fixtures.regularFiles(card), d);
            }
        }
    }

    @Test
    void aMissingSourceOnResumeKeepsTheJobInterrupted() throws Exception {
        Path card = dir.resolve("CARD");
        Fixtures.write(card.resolve("1.mov"), Fixtures.bytes(1000, 1));
        OffloadRequest request = OffloadRequest.of(card, List.of(dir.resolve("d1")), "CARD");
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            OffloadEngine engine = new OffloadEngine(Fixtures.SMALL);
            long job = engine.run(store, request, TransferListener.NONE).jobId();
            Files.delete(card.resolve("1.mov"));
            Files.delete(card);
            JobSummary r = engine.resume(store, job, TransferListener.NONE);
            assertEquals(JobState.INTERRUPTED, r.state());
            assertTrue(r.message().startsWith("The source " + card + " cannot be read ("), r.message());
            assertEquals(1, r.filesTotal(), "totals come from the journal");
            assertEquals(ExitCode.INTERRUPTED, r.exitCode());
        }
    }
}
