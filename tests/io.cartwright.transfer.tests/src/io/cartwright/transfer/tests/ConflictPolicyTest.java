/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.store.Store;
import io.cartwright.transfer.ConflictPolicy;
import io.cartwright.transfer.JobState;
import io.cartwright.transfer.JobSummary;
import io.cartwright.transfer.OffloadRequest;
import io.cartwright.transfer.TransferListener;
import io.cartwright.transfer.VerifiedFile;
import io.cartwright.transfer.internal.OffloadEngine;

/** What happens to files already on a destination, per conflict policy; nothing is overwritten unasked. */
class ConflictPolicyTest {

    @TempDir
    Path dir;

    private Path card;
    private Path dest;
    private Store store;
    private OffloadEngine engine;

    @BeforeEach
    void setUp() throws IOException {
        card = dir.resolve("card");
        dest = dir.resolve("dest");
        Fixtures.write(card.resolve("clip.mov"), Fixtures.bytes(10_000, 1));
        Fixtures.write(card.resolve("notes.txt"), Fixtures.bytes(500, 2));
        Fixtures.write(card.resolve("README"), Fixtures.bytes(50, 3));
        Files.setLastModifiedTime(card.resolve("clip.mov"), FileTime.from(Instant.parse("2026-05-01T12:00:00Z")));
        store = Fixtures.openStore(dir.resolve("db.sqlite"));
        engine = new OffloadEngine(Fixtures.SMALL);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private JobSummary run(ConflictPolicy policy) {
        return engine.run(store, OffloadRequest.of(card, List.of(dest), "A001").withConflictPolicy(policy),
                TransferListener.NONE);
    }

    @Test
    void failIsTheDefaultAndLeavesTheExistingFileUntouched() throws Exception {
        byte[] foreign = Fixtures.bytes(10_000, 99);
        Fixtures.write(dest.resolve("clip.mov"), foreign);
        assertEquals(ConflictPolicy.FAIL, OffloadRequest.of(card, List.of(dest), "x").conflictPolicy());
        JobSummary s = run(ConflictPolicy.FAIL);
        assertEquals(JobState.FAILED, s.state());
        assertEquals(1, s.failures().size());
        assertEquals("clip.mov", s.failures().get(0).path());
        assertEquals("A file already exists at " + dest.resolve("clip.mov") + " that is not a verified copy of this "
                + "file; conflict policy 'fail' left it untouched. Choose the skip-identical, version or "
                + "replace-if-newer policy to go on.", s.failures().get(0).reason());
        assertTrue(java.util.Arrays.equals(foreign, Files.readAllBytes(dest.resolve("clip.mov"))));
        assertEquals(2, s.filesCopied());
        assertEquals(2, engine.sourceStats().filesOpened(), "the conflicting file was not even read");
    }

    @Test
    void skipIdenticalAcceptsAnIdenticalFileAfterReReadingItAndRefusesADifferentOne() throws Exception {
        Files.createDirectories(dest);
        Files.copy(card.resolve("clip.mov"), dest.resolve("clip.mov"));
        byte[] different = Fixtures.bytes(500, 77); // same size as notes.txt, other bytes
        Fixtures.write(dest.resolve("notes.txt"), different);
        JobSummary s = run(ConflictPolicy.SKIP_IDENTICAL);
        assertEquals(JobState.FAILED, s.state());
        assertEquals(1, s.filesSkippedVerified(), "clip.mov was identical");
        assertEquals(1, s.filesCopied(), "README");
        assertEquals(1, s.failures().size());
        assertEquals("notes.txt", s.failures().get(0).path());
        String reason = s.failures().get(0).reason();
        assertTrue(reason.startsWith("A different file already exists at " + dest.resolve("notes.txt") + " (source xxh3:"
                + Fixtures.xxh3(card.resolve("notes.txt")) + ", destination xxh3:" + Fixtures.xxh3(dest.resolve(
                        "notes.txt")) + "); conflict policy 'skip-identical' left it untouched."), reason);
        assertTrue(java.util.Arrays.equals(different, Files.readAllBytes(dest.resolve("notes.txt"))));
        assertEquals(List.of("done"), Fixtures.strings(store,
                "SELECT state FROM transfer_file WHERE rel_path = 'clip.mov'"));
        assertEquals(List.of("direct"), Fixtures.strings(store, "SELECT d.verify_mode FROM transfer_file_dest d "
                + "JOIN transfer_file f ON f.id = d.file WHERE f.rel_path = 'clip.mov'"));
    }

    @Test
    void versionWritesBesideTheExistingFileAndAReRunFindsThatCopy() throws Exception {
        byte[] foreign = Fixtures.bytes(10_000, 99);
        Fixtures.write(dest.resolve("clip.mov"), foreign);
        Fixtures.write(dest.resolve("README"), new byte[] { 1 });
        Fixtures.write(dest.resolve("README (1)"), new byte[] { 2 });
        JobSummary s = run(ConflictPolicy.VERSION);
        assertEquals(JobState.DONE, s.state(), s.message());
        assertEquals(3, s.filesCopied());
        assertEquals(Fixtures.xxh3(card.resolve("clip.mov")), Fixtures.xxh3(dest.resolve("clip (1).mov")));
        assertEquals(Fixtures.xxh3(card.resolve("README")), Fixtures.xxh3(dest.resolve("README (2)")));
        assertTrue(java.util.Arrays.equals(foreign, Files.readAllBytes(dest.resolve("clip.mov"))));
        VerifiedFile clip = engine.verifiedFiles(store, s.jobId()).stream()
                .filter(f -> f.relativePath().equals("clip.mov")).findFirst().orElseThrow();
        assertEquals(dest.resolve("clip (1).mov"), clip.copies().get(0).file());

        long opened = engine.sourceStats().filesOpened();
        JobSummary again = run(ConflictPolicy.VERSION);
        assertEquals(JobState.DONE, again.state(), again.message());
        assertEquals(3, again.filesSkippedVerified());
        assertEquals(opened, engine.sourceStats().filesOpened(), "nothing read again");
        assertFalse(Fixtures.exists(dest.resolve("clip (2).mov")), "no second version");
    }

    @Test
    void replaceIfNewerReplacesOlderFilesAndKeepsNewerOnesWithAWarning() throws Exception {
        Fixtures.write(dest.resolve("clip.mov"), Fixtures.bytes(3, 50));
        Files.setLastModifiedTime(dest.resolve("clip.mov"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        byte[] newer = Fixtures.bytes(20, 51);
        Fixtures.write(dest.resolve("notes.txt"), newer);
        Files.setLastModifiedTime(dest.resolve("notes.txt"), FileTime.from(Instant.parse("2099-01-01T00:00:00Z")));
        JobSummary s = run(ConflictPolicy.REPLACE_IF_NEWER);
        assertEquals(JobState.DONE, s.state(), s.message());
        assertEquals(Fixtures.xxh3(card.resolve("clip.mov")), Fixtures.xxh3(dest.resolve("clip.mov")));
        assertEquals(Files.getLastModifiedTime(card.resolve("clip.mov")), Files.getLastModifiedTime(dest.resolve(
                "clip.mov")));
        assertTrue(java.util.Arrays.equals(newer, Files.readAllBytes(dest.resolve("notes.txt"))), "newer file kept");
        assertEquals(1, s.warnings().size());
        assertEquals("notes.txt", s.warnings().get(0).path());
        assertTrue(s.warnings().get(0).reason().startsWith("Kept the existing file at " + dest.resolve("notes.txt")
                + ": it is not older than the source"), s.warnings().get(0).reason());
        assertEquals(List.of("kept"), Fixtures.strings(store, "SELECT d.state FROM transfer_file_dest d "
                + "JOIN transfer_file f ON f.id = d.file WHERE f.rel_path = 'notes.txt'"));
        assertEquals(List.of(), Fixtures.tempFiles(dest));
    }

    @Test
    void parsesPolicyNames() {
        assertEquals(ConflictPolicy.SKIP_IDENTICAL, ConflictPolicy.parse("skip-identical"));
        assertEquals(ConflictPolicy.REPLACE_IF_NEWER, ConflictPolicy.parse("REPLACE_IF_NEWER"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConflictPolicy.parse("x"));
        assertTrue(e.getMessage().contains("fail, skip-identical, version, replace-if-newer"), e.getMessage());
    }
}
