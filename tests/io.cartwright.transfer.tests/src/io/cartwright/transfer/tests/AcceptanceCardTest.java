/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.core.ExitCode;
import io.cartwright.hash.HashAlgorithm;
import io.cartwright.store.Store;
import io.cartwright.transfer.FileState;
import io.cartwright.transfer.JobState;
import io.cartwright.transfer.JobSummary;
import io.cartwright.transfer.OffloadRequest;
import io.cartwright.transfer.Problem;
import io.cartwright.transfer.TransferListener;
import io.cartwright.transfer.VerifiedFile;
import io.cartwright.transfer.VerifyMode;
import io.cartwright.transfer.internal.EngineHooks;
import io.cartwright.transfer.internal.EngineSettings;
import io.cartwright.transfer.internal.OffloadEngine;

/**
 * The acceptance card of the transfer issue: nested and empty folders, a 0-byte file, a file larger
 * than 2 GiB (sparse on the card, real bytes at the start, around 2^31 and at the end), NFC and NFD
 * names, names differing only in case, a symbolic link, a named pipe and an unreadable file, copied
 * to two destinations; then the same command again, which must not read a verified file.
 */
class AcceptanceCardTest {

    private static final String NFC = "caf\u00e9.txt";
    private static final String NFD = "cafe\u0301.txt";
    private static final long BIG = (1L << 31) + (5L << 20);

    @TempDir
    Path dir;

    private Store store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void offloadsTheAcceptanceCardToTwoDestinationsAndReRunsWithoutReading() throws Exception {
        long started = System.nanoTime();
        Path card = dir.resolve("card");
        buildCard(card);
        Path a = dir.resolve("raid/A001");
        Path b = dir.resolve("shuttle/A001");
        store = Fixtures.openStore(dir.resolve("db/cartwright.db"));
        // "locked.bin" cannot be opened: chmod 000 does not stop root, so the open is refused by a hook.
        EngineHooks unreadable = new EngineHooks() {
            @Override
            public void beforeSourceOpen(String rel, Path file) throws IOException {
                if (rel.equals("locked.bin")) {
                    throw new AccessDeniedException(file.toString());
                }
            }
        };
        OffloadEngine engine = new OffloadEngine(EngineSettings.DEFAULT.withHooks(unreadable));
        OffloadRequest request = OffloadRequest.of(card, List.of(a, b), "A001");
        Recorder events = new Recorder();

        JobSummary first = engine.run(store, request, events);

        // The unreadable file fails the job (exit 1); everything else is verified on both.
        assertEquals(JobState.FAILED, first.state(), first.message());
        assertEquals(ExitCode.FAILED, first.exitCode());
        int regular = 11; // regular files on the card, locked.bin included
        assertEquals(regular, first.filesTotal());
        assertEquals(regular - 1, first.filesCopied());
        assertEquals(0, first.filesSkippedVerified());
        assertEquals(1, first.filesFailed());
        assertEquals(List.of(new Problem("locked.bin",
                "Cannot be read from the source (permission denied); it was not copied.")), first.failures());
        assertTrue(hasWarning(first, "link.mov", "Symbolic link to 'DCIM/100CANON/A001C001.MOV' was not copied"),
                first.warnings().toString());
        assertTrue(hasWarning(first, "pipe", "Special file (named pipe) was not copied"), first.warnings().toString());
        assertTrue(hasWarning(first, "unicode/" + NFC, "differ only in Unicode normalisation"),
                first.warnings().toString());
        assertTrue(hasWarning(first, "case/clip.mov", "differ only in case"), first.warnings().toString());
        assertEquals(first.warnings(), events.warnings, "listener saw the same warnings");

        TreeMap<String, String> expected = Fixtures.regularFiles(card);
        expected.remove("locked.bin");
        Fixtures.assertSameTree(expected, a);
        Fixtures.assertSameTree(expected, b);
        for (Path d : List.of(a, b)) {
            assertTrue(Files.isDirectory(d.resolve("EMPTY")), "empty folder recreated on " + d);
            assertTrue(Files.isDirectory(d.resolve("DCIM/100CANON/EMPTY2")), "nested empty folder on " + d);
            assertEquals(0, Files.size(d.resolve("zero.bin")));
            assertTrue(Fixtures.exists(d.resolve("unicode/" + NFC)) && Fixtures.exists(d.resolve("unicode/" + NFD)),
                    "NFC and NFD names kept apart on " + d);
            assertFalse(Fixtures.exists(d.resolve("link.mov")), "symbolic link not copied");
            assertFalse(Fixtures.exists(d.resolve("pipe")), "named pipe not copied");
            assertFalse(Fixtures.exists(d.resolve("locked.bin")), "unreadable file not copied");
            assertEquals(BIG, Files.size(d.resolve("BIG/huge.mxf")));
            assertEquals(Files.getLastModifiedTime(card.resolve("DCIM/100CANON/A001C001.MOV")),
                    Files.getLastModifiedTime(d.resolve("DCIM/100CANON/A001C001.MOV")), "mtime preserved");
        }

        // Journal: every file done except the unreadable one, each transition with its activity row.
        long job = first.jobId();
        assertEquals(List.of("failed"), Fixtures.strings(store,
                "SELECT state FROM transfer_file WHERE job = ? AND rel_path = 'locked.bin'", job));
        assertEquals(regular - 1, Fixtures.number(store,
                "SELECT count(*) FROM transfer_file WHERE job = ? AND state = 'done'", job));
        for (String action : List.of("reading", "writing", "verifying", "done", "failed")) {
            long expectedFiles = switch (action) {
                case "reading" -> regular; // locked.bin too: its open was refused
                case "failed" -> 1;
                default -> regular - 1;
            };
            assertEquals(expectedFiles, Fixtures.number(store, "SELECT count(DISTINCT subject_id) FROM activity "
                    + "WHERE subject_kind = 'file' AND action = ?", "transfer.file." + action), action);
        }
        assertEquals(2L * (regular - 1), Fixtures.number(store,
                "SELECT count(*) FROM transfer_file_dest WHERE state = 'done' AND verify_mode = 'direct'"));
        assertEquals(List.of(Fixtures.xxh3(card.resolve("BIG/huge.mxf"))), Fixtures.strings(store,
                "SELECT value FROM file_hash h JOIN transfer_file f ON f.id = h.file "
                        + "WHERE f.rel_path = 'BIG/huge.mxf' AND h.side = 'source' AND h.algorithm = 'xxh3'"));
        assertEquals(2, Fixtures.number(store, "SELECT count(DISTINCT h.dest) FROM file_hash h JOIN transfer_file f "
                + "ON f.id = h.file WHERE f.rel_path = 'BIG/huge.mxf' AND h.side = 'destination'"));
        assertTrue(events.states.contains("BIG/huge.mxf:" + FileState.VERIFYING), "listener saw the states");

        List<VerifiedFile> verified = engine.verifiedFiles(store, job);
        assertEquals(regular - 1, verified.size());
        VerifiedFile big = verified.stream().filter(f -> f.relativePath().equals("BIG/huge.mxf")).findFirst()
                .orElseThrow();
        assertEquals(expected.get("BIG/huge.mxf"), big.hashes().get(HashAlgorithm.XXH3_64).text());
        assertEquals(2, big.copies().size());
        assertTrue(big.complete());
        assertEquals(VerifyMode.DIRECT, big.copies().get(1).mode());

        // Re-running the same command resumes the failed job: nothing verified is read again.
        long opened = engine.sourceStats().filesOpened();
        long read = engine.sourceStats().bytesRead();
        long resumable = engine.findResumable(store, request).orElseThrow();
        assertEquals(job, resumable);
        JobSummary again = engine.resume(store, resumable, TransferListener.NONE);
        assertEquals(JobState.FAILED, again.state(), "the unreadable file still fails");
        assertEquals(regular - 1, again.filesSkippedVerified());
        assertEquals(0, again.filesCopied());
        assertEquals(0, again.bytesCopied());
        assertEquals(opened, engine.sourceStats().filesOpened(), "no source file opened");
        assertEquals(read, engine.sourceStats().bytesRead(), "no source byte read");

        // A new job for the same card and destinations adopts the verified copies without reading
        // them; only locked.bin, readable for this engine, is read and copied.
        OffloadEngine plain = new OffloadEngine(EngineSettings.DEFAULT);
        JobSummary fresh = plain.run(store, OffloadRequest.of(card, List.of(a, b), "A001-again"), TransferListener.NONE);
        assertEquals(JobState.DONE, fresh.state(), fresh.message());
        assertEquals(regular - 1, fresh.filesSkippedVerified());
        assertEquals(1, fresh.filesCopied());
        assertEquals(100, fresh.bytesCopied());
        assertEquals(1, plain.sourceStats().filesOpened(), "only locked.bin was opened");
        expected.put("locked.bin", Fixtures.xxh3(card.resolve("locked.bin")));
        Fixtures.assertSameTree(expected, a);
        Fixtures.assertSameTree(expected, b);
        assertEquals(regular, plain.verifiedFiles(store, fresh.jobId()).size(), "adopted files are listed for MHL");

        // Each finished copy is sealed with an ASC MHL generation that re-verifies from the device.
        for (Path root : List.of(a, b)) {
            java.nio.file.Path manifest = fresh.destinations().stream().filter(d -> d.root().equals(root)).findFirst()
                    .orElseThrow().mhlManifest();
            assertTrue(manifest != null && Files.isRegularFile(manifest), "sealed: " + fresh.destinations());
            assertTrue(Files.isRegularFile(root.resolve("ascmhl/ascmhl_chain.xml")));
            io.cartwright.mhl.VerifyReport report = io.cartwright.mhl.AscMhlVerifier.verify(root);
            assertTrue(report.ok(), report.toString());
            assertEquals(regular, report.verifiedCount(), "every regular file is in the history");
        }

        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        System.out.println("[AcceptanceCardTest] card with a " + BIG + "-byte file offloaded, resumed and re-run in " + seconds + " s");
    }

    private static boolean hasWarning(JobSummary s, String path, String text) {
        return s.warnings().stream().anyMatch(w -> w.path().equals(path) && w.reason().contains(text));
    }

    static void buildCard(Path card) throws IOException, InterruptedException {
        Fixtures.write(card.resolve("DCIM/100CANON/A001C001.MOV"), Fixtures.bytes(300_000, 1));
        Fixtures.write(card.resolve("DCIM/100CANON/sub/deeper/A001C001.WAV"), Fixtures.bytes(70_001, 2));
        Files.createDirectories(card.resolve("DCIM/100CANON/EMPTY2"));
        Files.createDirectories(card.resolve("EMPTY"));
        Fixtures.write(card.resolve("zero.bin"), new byte[0]);
        Fixtures.write(card.resolve("unicode/" + NFC), Fixtures.bytes(1000, 3));
        Fixtures.write(card.resolve("unicode/" + NFD), Fixtures.bytes(1001, 4));
        Fixtures.write(card.resolve("Ame\u0301lie/notes.txt"), Fixtures.bytes(10, 5));
        Fixtures.write(card.resolve("case/Clip.mov"), Fixtures.bytes(4096, 6));
        Fixtures.write(card.resolve("case/clip.mov"), Fixtures.bytes(4097, 7));
        Fixtures.write(card.resolve("locked.bin"), Fixtures.bytes(100, 8));
        Fixtures.write(card.resolve("sidecar.xml"), "<clip/>".getBytes());
        Files.createSymbolicLink(card.resolve("link.mov"), Path.of("DCIM/100CANON/A001C001.MOV"));
        Process p = new ProcessBuilder("mkfifo", card.resolve("pipe").toString()).inheritIO().start();
        assertEquals(0, p.waitFor(), "mkfifo");
        // Larger than 2 GiB; sparse on the card with real bytes where 32-bit offsets would break.
        Path huge = card.resolve("BIG/huge.mxf");
        Files.createDirectories(huge.getParent());
        try (RandomAccessFile raf = new RandomAccessFile(huge.toFile(), "rw")) {
            raf.setLength(BIG);
            raf.seek(0);
            raf.write(Fixtures.bytes(1 << 20, 9));
            raf.seek((1L << 31) - 4096);
            raf.write(Fixtures.bytes(1 << 20, 10));
            raf.seek(BIG - 65_537);
            raf.write(Fixtures.bytes(65_537, 11));
        }
        Files.setLastModifiedTime(huge, FileTime.from(Instant.parse("2026-03-01T10:15:30.123456789Z")));
    }

    /** Records listener events; thread-safe because the engine calls it from several threads. */
    static final class Recorder implements TransferListener {
        final List<Problem> warnings = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        final List<String> states = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        final Map<Integer, io.cartwright.transfer.DestinationProgress> lastProgress =
                new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void warning(Problem warning) {
            warnings.add(warning);
        }

        @Override
        public void fileStateChanged(io.cartwright.transfer.FileEvent event) {
            states.add(event.relativePath() + ":" + event.state());
        }

        @Override
        public void progress(io.cartwright.transfer.DestinationProgress progress) {
            lastProgress.put(progress.destination(), progress);
        }
    }
}
