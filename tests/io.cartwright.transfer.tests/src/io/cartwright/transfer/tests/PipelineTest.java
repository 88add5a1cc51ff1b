/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.store.Store;
import io.cartwright.transfer.JobState;
import io.cartwright.transfer.JobSummary;
import io.cartwright.transfer.OffloadRequest;
import io.cartwright.transfer.TransferListener;
import io.cartwright.transfer.internal.EngineHooks;
import io.cartwright.transfer.internal.OffloadEngine;

/**
 * With one file in flight the card still never waits for the destinations: the next clip is read while
 * the previous one is verified, a clip's copies are re-read on all destinations at once, and sidecars
 * are copied by a reader of their own while a clip is read. Each
 * test blocks one stage until the other has provably run alongside it; run one after the other, the
 * stages would wait for each other and the test fails on its timeout.
 */
class PipelineTest {

    @TempDir
    Path dir;

    private Path card() throws Exception {
        Path card = dir.resolve("card");
        for (int i = 1; i <= 4; i++) {
            Fixtures.write(card.resolve("C00" + i + ".mov"), Fixtures.bytes(300_000 + i, i));
        }
        return card;
    }

    @Test
    void theNextClipIsReadWhileThePreviousIsVerified() throws Exception {
        Path card = card();
        CountDownLatch secondOpened = new CountDownLatch(1);
        List<String> timeline = Collections.synchronizedList(new ArrayList<>());
        EngineHooks hooks = new EngineHooks() {
            @Override
            public void beforeSourceOpen(String rel, Path file) {
                timeline.add("open " + rel);
                if (rel.equals("C002.mov")) {
                    secondOpened.countDown();
                }
            }

            @Override
            public void beforeVerify(int destination, String rel, Path copy, int attempt) {
                if (rel.equals("C001.mov")) {
                    await(secondOpened, "C002.mov was not read while C001.mov waited for verification");
                    timeline.add("verify " + rel);
                }
            }
        };
        JobSummary s = run(card, hooks);
        assertEquals(JobState.DONE, s.state(), s.message());
        assertEquals(4, s.filesCopied());
        assertTrue(timeline.indexOf("open C002.mov") < timeline.indexOf("verify C001.mov"), timeline.toString());
    }

    @Test
    void theCopiesOfOneClipAreVerifiedOnAllDestinationsAtOnce() throws Exception {
        Path card = card();
        CountDownLatch bothVerifying = new CountDownLatch(2);
        EngineHooks hooks = new EngineHooks() {
            @Override
            public void beforeVerify(int destination, String rel, Path copy, int attempt) {
                if (rel.equals("C003.mov")) {
                    bothVerifying.countDown();
                    await(bothVerifying, "destination " + destination + " verified C003.mov alone");
                }
            }
        };
        JobSummary s = run(card, hooks);
        assertEquals(JobState.DONE, s.state(), s.message());
        assertEquals(0, bothVerifying.getCount());
        for (String d : List.of("d1", "d2")) {
            Fixtures.assertSameTree(Fixtures.regularFiles(card), dir.resolve(d));
        }
    }

    @Test
    void sidecarsAreCopiedWhileAClipIsRead() throws Exception {
        Path card = dir.resolve("card");
        Fixtures.write(card.resolve("A001C001.mov"), Fixtures.bytes(1_000_000, 1)); // sorts before its sidecars
        for (int i = 1; i <= 3; i++) {
            Fixtures.write(card.resolve("A001C001_" + i + ".xml"), Fixtures.bytes(2000 + i, 10 + i));
        }
        CountDownLatch sidecarsDone = new CountDownLatch(3);
        EngineHooks hooks = new EngineHooks() {
            @Override
            public void afterSourceChunk(String rel, long offset) {
                if (rel.endsWith(".mov") && offset == 64 << 10) {
                    await(sidecarsDone, "the sidecars waited for the clip");
                }
            }

            @Override
            public void afterFile(String rel) {
                if (rel.endsWith(".xml")) {
                    sidecarsDone.countDown();
                }
            }
        };
        JobSummary s = run(card, hooks);
        assertEquals(JobState.DONE, s.state(), s.message());
        assertEquals(4, s.filesCopied());
        for (String d : List.of("d1", "d2")) {
            Fixtures.assertSameTree(Fixtures.regularFiles(card), dir.resolve(d));
        }
    }

    private JobSummary run(Path card, EngineHooks hooks) {
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            return new OffloadEngine(Fixtures.SMALL.withHooks(hooks)).run(store,
                    OffloadRequest.of(card, List.of(dir.resolve("d1"), dir.resolve("d2")), "A001"),
                    TransferListener.NONE);
        }
    }

    private static void await(CountDownLatch latch, String failure) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new AssertionError(failure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(failure, e);
        }
    }
}
