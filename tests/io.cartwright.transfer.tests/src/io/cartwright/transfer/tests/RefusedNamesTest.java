/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.store.Store;
import io.cartwright.testsupport.LoopImage;
import io.cartwright.transfer.DestinationOutcome;
import io.cartwright.transfer.DestinationState;
import io.cartwright.transfer.JobState;
import io.cartwright.transfer.JobSummary;
import io.cartwright.transfer.OffloadRequest;
import io.cartwright.transfer.Problem;
import io.cartwright.transfer.TransferListener;
import io.cartwright.transfer.internal.OffloadEngine;

/**
 * A folder from a Mac or Linux machine may hold names that exFAT (and FAT, NTFS) refuse, such as
 * {@code scene 1: take 2.txt}. Copied to a real exFAT drive, each such file fails alone with its
 * name and the character, the rest of that drive's copy goes on, and the other destination gets
 * everything.
 */
class RefusedNamesTest {

    @TempDir
    Path dir;

    @Test
    void namesExfatRefusesFailOneByOneOnThatDriveOnly() throws Exception {
        LoopImage.assumeExfatMounts();
        Path card = dir.resolve("DAY01");
        Fixtures.write(card.resolve("CLIPS/A001C001.mov"), Fixtures.bytes(300_000, 1));
        Fixtures.write(card.resolve("NOTES/scene 1: take 2.txt"), Fixtures.bytes(100, 2));
        Fixtures.write(card.resolve("NOTES/what?.txt"), Fixtures.bytes(101, 3));
        Fixtures.write(card.resolve("NOTES/plain.txt"), Fixtures.bytes(102, 4));
        Fixtures.write(card.resolve("Day 1|A/sub/report.txt"), Fixtures.bytes(103, 5));
        Files.createDirectories(card.resolve("Empty*folder"));
        Path ext4 = dir.resolve("raid");

        try (LoopImage shuttle = LoopImage.create(dir, "shuttle", "exfat", "SHUTTLE", 32).attach();
                Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            shuttle.mount("exfat");
            Path exfat = shuttle.mountPoint();
            JobSummary s = new OffloadEngine(Fixtures.SMALL).run(store,
                    OffloadRequest.of(card, List.of(ext4, exfat), "DAY01"), TransferListener.NONE);

            assertEquals(JobState.FAILED, s.state(), s.message());
            TreeMap<String, String> all = Fixtures.regularFiles(card);
            Fixtures.assertSameTree(all, ext4);
            Path copy = exfat; // the engine copies into the destination root itself
            TreeMap<String, String> allowed = new TreeMap<>(all);
            allowed.keySet().removeIf(p -> !p.equals("CLIPS/A001C001.mov") && !p.equals("NOTES/plain.txt"));
            Fixtures.assertSameTree(allowed, copy);
            assertEquals(List.of("CLIPS", "NOTES"), Fixtures.folders(copy).stream()
                    .filter(f -> !f.startsWith("ascmhl")).toList(), "folders it cannot name are not made");
            assertEquals(List.of(), Fixtures.tempFiles(copy));

            DestinationOutcome onExfat = s.destinations().get(1);
            assertFalse(onExfat.state() == DestinationState.FAILED, "the drive itself did not fail: " + onExfat);
            assertEquals(2, onExfat.filesVerified());
            assertEquals(DestinationState.DONE, s.destinations().get(0).state());

            assertEquals(List.of("Day 1|A/sub/report.txt", "NOTES/scene 1: take 2.txt", "NOTES/what?.txt"),
                    s.failures().stream().map(Problem::path).sorted().toList(), s.failures().toString());
            String reason = s.failures().stream().filter(p -> p.path().equals("NOTES/scene 1: take 2.txt")).findFirst()
                    .orElseThrow().reason();
            assertEquals("Not copied to " + copy + ": the name 'scene 1: take 2.txt' has ':', which that "
                    + "destination's filesystem does not allow in names. Rename it on the source, or copy it to a "
                    + "destination that allows it.", reason);
            assertTrue(s.failures().stream().anyMatch(p -> p.path().equals("Day 1|A/sub/report.txt")
                    && p.reason().contains("the name 'Day 1|A' (a folder on its path) has '|'")), s.failures().toString());
            List<String> folderWarnings = s.warnings().stream().filter(w -> w.reason().startsWith("Folder not created"))
                    .map(Problem::path).sorted().toList();
            assertEquals(List.of("Day 1|A", "Empty*folder"), folderWarnings, s.warnings().toString());
        }
    }

    @Test
    void aFileInTheWayOfAFolderFailsOnlyTheFilesBelowIt() throws Exception {
        Path card = dir.resolve("A001");
        Fixtures.write(card.resolve("CLIPS/A001C001.mov"), Fixtures.bytes(200_000, 1));
        Fixtures.write(card.resolve("NOTES/x.txt"), Fixtures.bytes(100, 2));
        Fixtures.write(card.resolve("NOTES/y.txt"), Fixtures.bytes(101, 3));
        Fixtures.write(card.resolve("NOTES/sub/z.txt"), Fixtures.bytes(102, 4));
        Path raid = dir.resolve("raid");
        Path shuttle = dir.resolve("shuttle");
        Path inTheWay = Fixtures.write(shuttle.resolve("NOTES"), Fixtures.bytes(7, 9)); // a file, not a folder
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            JobSummary s = new OffloadEngine(Fixtures.SMALL).run(store,
                    OffloadRequest.of(card, List.of(raid, shuttle), "A001"), TransferListener.NONE);

            assertEquals(JobState.FAILED, s.state(), s.message());
            Fixtures.assertSameTree(Fixtures.regularFiles(card), raid);
            assertEquals(Fixtures.xxh3(card.resolve("CLIPS/A001C001.mov")),
                    Fixtures.xxh3(shuttle.resolve("CLIPS/A001C001.mov")), "the rest of that copy went on");
            assertEquals(Fixtures.bytes(7, 9).length, Files.size(inTheWay), "what was in the way is untouched");
            assertFalse(s.destinations().get(1).state() == DestinationState.FAILED, s.destinations().toString());
            assertEquals(List.of("NOTES/sub/z.txt", "NOTES/x.txt", "NOTES/y.txt"), s.failures().stream()
                    .map(Problem::path).sorted().toList(), s.failures().toString());
            assertEquals(List.of("NOTES"), s.warnings().stream().filter(w -> w.reason().startsWith("Folder not created"))
                    .map(Problem::path).toList(), "the folder below it is not reported again: " + s.warnings());
            assertEquals("Not copied to " + shuttle + ": 'NOTES/x.txt' cannot be created there (File Already Exists: "
                    + inTheWay + "). Clear that path on the destination or rename the file on the source, then run "
                    + "the same command again.", s.failures().stream().filter(p -> p.path().equals("NOTES/x.txt"))
                    .findFirst().orElseThrow().reason());
            assertTrue(s.warnings().stream().anyMatch(w -> w.path().equals("NOTES") && w.reason().equals(
                    "Folder not created on " + shuttle + " (File Already Exists); any files in it are reported as not "
                            + "copied. Clear that path on the destination or rename the folder on the source, then "
                            + "run the same command again.")), s.warnings().toString());
        }
    }

    @Test
    void aNameNoAscMhlHistoryCanRecordFailsBeforeAnyByteMoves() throws Exception {
        Path card = dir.resolve("A002");
        Fixtures.write(card.resolve("CLIPS/A002C001.mov"), Fixtures.bytes(50_000, 1));
        Fixtures.write(card.resolve("CLIPS/bad\u0001name.txt"), Fixtures.bytes(100, 2));
        Files.createDirectories(card.resolve("odd\u0002folder"));
        Path raid = dir.resolve("raid");
        Path shuttle = dir.resolve("shuttle");
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            JobSummary s = new OffloadEngine(Fixtures.SMALL).run(store,
                    OffloadRequest.of(card, List.of(raid, shuttle), "A002"), TransferListener.NONE);

            assertEquals(JobState.FAILED, s.state(), s.message());
            for (Path copy : List.of(raid, shuttle)) {
                assertEquals(List.of("CLIPS/A002C001.mov"), List.copyOf(Fixtures.regularFiles(copy).keySet()));
                assertEquals(List.of("CLIPS"), Fixtures.folders(copy));
                assertEquals(List.of(), Fixtures.tempFiles(copy));
            }
            assertTrue(s.failures().stream().allMatch(p -> p.path().equals("CLIPS/bad\u0001name.txt")),
                    s.failures().toString());
            assertEquals("Not copied: the path 'CLIPS/bad\\u0001name.txt' has a control character "
                    + "(U+0001), which an ASC MHL history cannot record. Rename it on the source.",
                    s.failures().get(0).reason());
            assertEquals(2, s.warnings().stream().filter(w -> w.path().equals("odd\u0002folder")
                    && w.reason().contains("has a control character, which an ASC MHL history cannot record")).count(),
                    s.warnings().toString());
        }
    }

    @Test
    void aNameThatWouldFailOnAShuttleDriveIsCopiedWithAWarning() throws Exception {
        Path card = dir.resolve("A003");
        Fixtures.write(card.resolve("Scene 1: take 2/a*.txt"), Fixtures.bytes(99, 4)); // first in its folder
        Fixtures.write(card.resolve("Scene 1: take 2/notes.txt"), Fixtures.bytes(100, 1));
        Fixtures.write(card.resolve("Scene 1: take 2/report?.pdf"), Fixtures.bytes(101, 2));
        Fixtures.write(card.resolve("CLIPS/A003C001.mov"), Fixtures.bytes(5_000, 3));
        Path raid = dir.resolve("raid");
        try (Store store = Fixtures.openStore(dir.resolve("db.sqlite"))) {
            JobSummary s = new OffloadEngine(Fixtures.SMALL).run(store,
                    OffloadRequest.of(card, List.of(raid), "A003"), TransferListener.NONE);

            assertEquals(JobState.DONE, s.state(), s.message());
            Fixtures.assertSameTree(Fixtures.regularFiles(card), raid);
            assertEquals(List.of("Scene 1: take 2", "Scene 1: take 2/a*.txt", "Scene 1: take 2/report?.pdf"),
                    s.warnings().stream().map(Problem::path).toList(),
                    "the folder once, and each file in it for its own name: " + s.warnings());
            assertEquals("'Scene 1: take 2' has ':', which exFAT, FAT32 and NTFS do not allow in names. It was copied "
                    + "here, but a copy of it to such a drive (a shuttle, an editor's disk) will fail; consider renaming "
                    + "it.", s.warnings().get(0).reason());
        }
    }
}
