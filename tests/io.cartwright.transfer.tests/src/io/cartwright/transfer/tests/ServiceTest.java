/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.core.CartwrightException;
import io.cartwright.core.ExitCode;
import io.cartwright.hash.HashAlgorithm;
import io.cartwright.store.Store;
import io.cartwright.transfer.JobInfo;
import io.cartwright.transfer.JobState;
import io.cartwright.transfer.JobSummary;
import io.cartwright.transfer.OffloadRequest;
import io.cartwright.transfer.SnapshotFormat;
import io.cartwright.transfer.TransferListener;
import io.cartwright.transfer.TransferService;
import io.cartwright.transfer.VerifiedFile;
import io.cartwright.transfer.internal.OffloadEngine;
import io.cartwright.transfer.internal.TransferServiceComponent;

/** The service surface: schema, validation, job listing, per-file results, snapshots, concurrency. */
class ServiceTest {

    @TempDir
    Path dir;

    @Test
    void theSchemaIsMigratedAndDocumented() {
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            assertTrue(store.schemaVersion() >= 2, "the transfer tables arrive with schema v2");
            assertEquals(List.of("file_hash", "transfer_dest", "transfer_file", "transfer_file_dest", "transfer_issue",
                    "transfer_job"), Fixtures.strings(store, "SELECT name FROM sqlite_master WHERE type = 'table' "
                            + "AND (name LIKE 'transfer%' OR name = 'file_hash') ORDER BY name"));
            String ddl = Fixtures.strings(store, "SELECT sql FROM sqlite_master WHERE name = 'transfer_file'").get(0);
            assertTrue(ddl.contains("/* bytes already fsynced to every destination's temporary file"),
                    "column comments are kept for sqlite3 users");
        }
    }

    @Test
    void theComponentDelegatesToTheEngineAndHashesWithEveryAlgorithmFromOneRead() throws Exception {
        Path card = dir.resolve("card");
        byte[] clip = Fixtures.bytes(200_000, 1);
        Fixtures.write(card.resolve("A,B/clip \"1\".mov"), clip);
        Fixtures.write(card.resolve("sound.wav"), Fixtures.bytes(3000, 2));
        TransferService service = new TransferServiceComponent();
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            OffloadRequest request = OffloadRequest.of(card, List.of(dir.resolve("d1"), dir.resolve("d2")), "A001")
                    .withAlgorithms(List.of(HashAlgorithm.XXH3_64, HashAlgorithm.MD5)).withConcurrency(2);
            JobSummary s = service.run(store, request, TransferListener.NONE);
            assertEquals(JobState.DONE, s.state(), s.message());
            // The quotes that test the snapshot's CSV escaping are refused by exFAT, FAT and NTFS.
            assertEquals("All 2 file(s) verified on 2 destination(s); 1 warning(s).", s.message());
            assertEquals("A,B/clip \"1\".mov", s.warnings().get(0).path());

            List<JobInfo> jobs = service.jobs(store);
            assertEquals(1, jobs.size());
            JobInfo info = jobs.get(0);
            assertEquals(s.jobId(), info.id());
            assertEquals(JobState.DONE, info.state());
            assertEquals(2, info.filesDone());
            assertEquals(203_000, info.bytesTotal());
            assertEquals(List.of(dir.resolve("d1"), dir.resolve("d2")), info.destinations());
            assertEquals(info, service.job(store, s.jobId()).orElseThrow());
            assertTrue(service.findResumable(store, request).isEmpty(), "a done job is not resumable");

            List<VerifiedFile> files = service.verifiedFiles(store, s.jobId());
            assertEquals(List.of("A,B/clip \"1\".mov", "sound.wav"), files.stream().map(VerifiedFile::relativePath)
                    .toList());
            VerifiedFile f = files.get(0);
            String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(clip));
            assertEquals(md5, f.hashes().get(HashAlgorithm.MD5).text(), "MD5 from the same read");
            assertEquals(Fixtures.xxh3(card.resolve("A,B/clip \"1\".mov")), f.hashes().get(HashAlgorithm.XXH3_64).text());
            assertEquals(List.of(HashAlgorithm.XXH3_64, HashAlgorithm.MD5), List.copyOf(f.hashes().keySet()));

            Path csv = dir.resolve("out/snapshot.csv");
            Path json = dir.resolve("out/snapshot.json");
            service.exportSnapshot(store, s.jobId(), SnapshotFormat.CSV, csv);
            service.exportSnapshot(store, s.jobId(), SnapshotFormat.JSON, json);
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertEquals("path,size,modified,xxh3,md5,destination,copy_path,verify_mode,verified_at", lines.get(0));
            assertEquals(5, lines.size(), "a row per file and copy");
            assertTrue(lines.get(1).startsWith("\"A,B/clip \"\"1\"\".mov\",200000,"), lines.get(1));
            assertTrue(lines.get(1).contains("," + md5 + ",0,\"" + dir.resolve("d1/A,B/clip \"\"1\"\".mov") + "\",direct,"),
                    lines.get(1));
            String text = Files.readString(json);
            assertTrue(text.startsWith("{\"job\":" + s.jobId() + ",\"name\":\"A001\""), text);
            assertTrue(text.contains("{\"path\":\"A,B/clip \\\"1\\\".mov\",\"size\":200000,"), text);
            assertTrue(text.contains("\"hashes\":{\"xxh3\":\"" + f.hashes().get(HashAlgorithm.XXH3_64).text()
                    + "\",\"md5\":\"" + md5 + "\"},\"complete\":true"), text);
            assertTrue(text.contains("\"verify_mode\":\"direct\""), text);
        }
    }

    @Test
    void refusesToWriteIntoTheSourceAndJournalsNothing() throws Exception {
        Path card = dir.resolve("card");
        Fixtures.write(card.resolve("a.mov"), Fixtures.bytes(10, 1));
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            OffloadEngine engine = new OffloadEngine();
            CartwrightException inside = assertThrows(CartwrightException.class, () -> engine.run(store,
                    OffloadRequest.of(card, List.of(card.resolve("backup")), "A"), TransferListener.NONE));
            assertEquals(ExitCode.USAGE, inside.exitCode());
            assertEquals("The destination " + card.resolve("backup") + " is inside the source " + card
                    + "; the card is read-only to Cartwright.", inside.getMessage());
            CartwrightException missing = assertThrows(CartwrightException.class, () -> engine.run(store,
                    OffloadRequest.of(dir.resolve("nope"), List.of(dir.resolve("d")), "A"), TransferListener.NONE));
            assertEquals(ExitCode.USAGE, missing.exitCode());
            CartwrightException noJob = assertThrows(CartwrightException.class,
                    () -> engine.resume(store, 42, TransferListener.NONE));
            assertEquals(ExitCode.USAGE, noJob.exitCode());
            assertEquals(List.of(), engine.jobs(store));
            assertEquals(List.of("a.mov"), Fixtures.regularFiles(card).keySet().stream().toList(),
                    "nothing was created on the card");
        }
    }

    @Test
    void aFileThePermissionsHideIsReportedAsAFailure() throws Exception {
        Assumptions.assumeFalse(Fixtures.runningAsRoot(),
                "chmod 000 does not stop root from reading; AcceptanceCardTest covers this case with a hook");
        Path card = dir.resolve("card");
        Path locked = Fixtures.write(card.resolve("locked.bin"), Fixtures.bytes(10, 1));
        Fixtures.write(card.resolve("ok.bin"), Fixtures.bytes(10, 2));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            JobSummary s = new OffloadEngine().run(store, OffloadRequest.of(card, List.of(dir.resolve("d")), "A"),
                    TransferListener.NONE);
            assertEquals(JobState.FAILED, s.state());
            assertEquals("locked.bin", s.failures().get(0).path());
            assertEquals("Cannot be read from the source (permission denied); it was not copied.",
                    s.failures().get(0).reason());
            assertEquals(1, s.filesCopied());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void severalFilesInFlightStillCopyEveryFileOnce() throws Exception {
        Path card = dir.resolve("card");
        for (int i = 0; i < 40; i++) {
            Fixtures.write(card.resolve("f" + (i % 4) + "/clip" + i + ".mov"), Fixtures.bytes(20_000 + 997 * i, i));
        }
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            OffloadEngine engine = new OffloadEngine(Fixtures.SMALL);
            JobSummary s = engine.run(store, OffloadRequest.of(card, List.of(dir.resolve("d1"), dir.resolve("d2")),
                    "A").withConcurrency(4), TransferListener.NONE);
            assertEquals(JobState.DONE, s.state(), s.message());
            assertEquals(40, s.filesCopied());
            assertEquals(40, engine.sourceStats().filesOpened(), "each file read once");
            long total = 0;
            for (int i = 0; i < 40; i++) {
                total += 20_000 + 997 * i;
            }
            assertEquals(total, engine.sourceStats().bytesRead());
            assertEquals(total, s.bytesCopied());
            Fixtures.assertSameTree(Fixtures.regularFiles(card), dir.resolve("d1"));
            Fixtures.assertSameTree(Fixtures.regularFiles(card), dir.resolve("d2"));
        }
    }
}
