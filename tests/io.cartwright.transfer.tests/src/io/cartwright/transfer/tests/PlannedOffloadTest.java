/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.mhl.AscMhlHistory;
import io.cartwright.mhl.AscMhlVerifier;
import io.cartwright.store.Store;
import io.cartwright.transfer.JobState;
import io.cartwright.transfer.JobSummary;
import io.cartwright.transfer.OffloadRequest;
import io.cartwright.transfer.TransferListener;
import io.cartwright.transfer.internal.OffloadEngine;

/**
 * An offload driven by a routing plan: two channels to different folders plus a quarantined file,
 * every copy at its planned path on both destinations, one ASC MHL history per card root, and a
 * re-run that copies nothing.
 */
class PlannedOffloadTest {

    @TempDir
    Path dir;

    @Test
    void aPlanDecidesPathsAndEachCardRootIsSealed() throws Exception {
        Path card = dir.resolve("A001");
        Fixtures.write(card.resolve("Clips/A001C001.mxf"), Fixtures.bytes(200_000, 1));
        Fixtures.write(card.resolve("Clips/A001C002.mxf"), Fixtures.bytes(70_000, 2));
        Fixtures.write(card.resolve("Audio/A001C001.wav"), Fixtures.bytes(5_000, 3));
        Fixtures.write(card.resolve("odd.bin"), Fixtures.bytes(100, 4));
        Fixtures.write(card.resolve("ignored.tmp"), Fixtures.bytes(10, 5));
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("Clips/A001C001.mxf", "NIGHTJAR/DAY01/CAMERA/A001/Clips/A001C001.mxf");
        targets.put("Clips/A001C002.mxf", "NIGHTJAR/DAY01/CAMERA/A001/Clips/A001C002.mxf");
        targets.put("Audio/A001C001.wav", "NIGHTJAR/DAY01/SOUND/A001/A001C001.wav");
        targets.put("odd.bin", "_QUARANTINE/A001/odd.bin");
        List<String> scopes = List.of("NIGHTJAR/DAY01/CAMERA/A001", "NIGHTJAR/DAY01/SOUND/A001", "_QUARANTINE/A001");

        Path primary = Files.createDirectories(dir.resolve("raid"));
        Path backup = Files.createDirectories(dir.resolve("shuttle"));
        Store store = Fixtures.openStore(dir.resolve("c.db"));
        OffloadEngine engine = new OffloadEngine(Fixtures.SMALL);
        OffloadRequest request = OffloadRequest.of(card, List.of(primary, backup), "A001").withTargets(targets, scopes);

        JobSummary first = engine.run(store, request, TransferListener.NONE);
        assertEquals(JobState.DONE, first.state(), first.message());
        assertEquals(4, first.filesTotal(), "the file the plan leaves out is not copied");

        for (Path root : List.of(primary, backup)) {
            for (Map.Entry<String, String> t : targets.entrySet()) {
                Path copy = root.resolve(t.getValue());
                assertTrue(Files.isRegularFile(copy), copy.toString());
                assertEquals(Fixtures.xxh3(card.resolve(t.getKey())), Fixtures.xxh3(copy), copy.toString());
            }
            assertFalse(Files.exists(root.resolve("ignored.tmp")));
            assertFalse(Files.exists(root.resolve("A001")), "no default DEST/NAME layout");
            for (String scope : scopes) {
                Path s = root.resolve(scope);
                assertEquals(1, AscMhlHistory.load(s).manifests().size(), s.toString());
                assertTrue(AscMhlVerifier.verify(s).ok(), s.toString());
            }
            assertFalse(Files.exists(root.resolve("ascmhl")), "every copy is in a card root");
        }
        assertEquals(List.of("NIGHTJAR/DAY01/CAMERA/A001/Clips/A001C001.mxf"), Fixtures.strings(store,
                "SELECT target_path FROM transfer_file WHERE rel_path = 'Clips/A001C001.mxf'"));

        JobSummary again = engine.run(store, request, TransferListener.NONE);
        assertEquals(JobState.DONE, again.state(), again.message());
        assertEquals(0, again.filesCopied(), "a re-run copies nothing");
        assertEquals(0, again.bytesCopied());
    }
}
