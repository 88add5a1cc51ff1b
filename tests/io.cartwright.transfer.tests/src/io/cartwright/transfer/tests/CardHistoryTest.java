/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.mhl.AscMhlHistory;
import io.cartwright.mhl.AscMhlVerifier;
import io.cartwright.mhl.FileHashEntry;
import io.cartwright.mhl.HashAction;
import io.cartwright.mhl.Manifest;
import io.cartwright.store.Store;
import io.cartwright.transfer.JobState;
import io.cartwright.transfer.JobSummary;
import io.cartwright.transfer.OffloadRequest;
import io.cartwright.transfer.TransferListener;
import io.cartwright.transfer.internal.OffloadEngine;

/**
 * A copy of a copy (the ASC MHL reference scenario 02): the travel drive's history comes along to the
 * file server and the new generation continues it with every file verified, instead of replacing it.
 */
class CardHistoryTest {

    @TempDir
    Path dir;

    @Test
    void aCardsHistoryIsContinuedNotReplaced() throws Exception {
        Path card = dir.resolve("A002R2EC");
        Fixtures.write(card.resolve("Clips/A002C006_141024_R2EC.mov"), "abcd\n".getBytes());
        Fixtures.write(card.resolve("Clips/A002C007_141024_R2EC.mov"), "def\n".getBytes());
        Fixtures.write(card.resolve("Sidecar.txt"), Fixtures.bytes(300, 1));
        Store store = Fixtures.openStore(dir.resolve("c.db"));
        OffloadEngine engine = new OffloadEngine(Fixtures.SMALL);

        Path travel = Files.createDirectories(dir.resolve("travel_01"));
        JobSummary first = engine.run(store, OffloadRequest.of(card, List.of(travel.resolve("A002R2EC")), "A002R2EC"),
                TransferListener.NONE);
        assertEquals(JobState.DONE, first.state(), first.message());
        assertEquals(1, AscMhlHistory.load(travel.resolve("A002R2EC")).manifests().size());

        // The travel drive is now the card; its ascmhl/ is history, not data.
        Path server = Files.createDirectories(dir.resolve("file_server"));
        Path copy = server.resolve("A002R2EC");
        JobSummary second = engine.run(store, OffloadRequest.of(travel.resolve("A002R2EC"), List.of(copy), "A002R2EC"),
                TransferListener.NONE);
        assertEquals(JobState.DONE, second.state(), second.message());
        assertEquals(3, second.filesTotal(), "ascmhl/ is not counted as card data");

        AscMhlHistory history = AscMhlHistory.load(copy);
        List<Manifest> manifests = history.manifests();
        assertEquals(2, manifests.size(), "generation 1 from the travel drive, 2 from this offload");
        assertTrue(manifests.get(0).fileName().startsWith("0001_A002R2EC_"));
        for (FileHashEntry f : manifests.get(1).files()) {
            assertTrue(f.hashes().stream().allMatch(h -> h.action() == HashAction.VERIFIED), f.toString());
        }
        assertEquals(3, manifests.get(1).files().size());
        assertTrue(AscMhlVerifier.verify(copy).ok());
        TreeMap<String, String> expected = Fixtures.regularFiles(card);
        Fixtures.assertSameTree(expected, copy);

        // Running the same offload again copies nothing and leaves the history alone.
        JobSummary again = engine.run(store, OffloadRequest.of(travel.resolve("A002R2EC"), List.of(copy), "A002R2EC"),
                TransferListener.NONE);
        assertEquals(JobState.DONE, again.state(), again.message());
        assertEquals(0, again.filesCopied());
        assertEquals(2, AscMhlHistory.load(copy).manifests().size());
    }
}
