/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.HashValue;
import io.cartwright.hash.Hashers;
import io.cartwright.mhl.AscMhlHistory;
import io.cartwright.mhl.AscMhlWriter;
import io.cartwright.mhl.Author;
import io.cartwright.mhl.CreatorInfo;
import io.cartwright.mhl.DirectoryHashEntry;
import io.cartwright.mhl.FileHashEntry;
import io.cartwright.mhl.GenerationRequest;
import io.cartwright.mhl.GenerationResult;
import io.cartwright.mhl.HashAction;
import io.cartwright.mhl.HashedFile;
import io.cartwright.mhl.Manifest;
import io.cartwright.mhl.MhlException;
import io.cartwright.mhl.ProcessType;
import io.cartwright.mhl.internal.DirectoryHasher;

/** Writing generations: actions, formats, directory hashes, safety rules. */
class WriterTest {
    private static final Instant T1 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-02T09:30:15Z");

    @TempDir
    Path temp;
    Path card;

    @BeforeEach
    void createCard() throws IOException {
        card = temp.resolve("A001");
        Files.createDirectories(card.resolve("CLIPS/SUB"));
        Files.createDirectories(card.resolve("EMPTY"));
        Files.writeString(card.resolve("CLIPS/A001C001.mov"), "abcd\n");
        Files.writeString(card.resolve("CLIPS/A001C002.mov"), "def\n");
        Files.writeString(card.resolve("CLIPS/SUB/meta.xml"), "<meta/>\n");
        Files.writeString(card.resolve("readme.txt"), "BLOREM ipsum\n");
        Files.writeString(card.resolve(".DS_Store"), "finder junk");
    }

    private static CreatorInfo creator(Instant when) {
        return new CreatorInfo(when, "dit-cart.local", "Cartwright", "1.0.0",
                List.of(new Author("Jo DIT", "jo@example.com", "+49 30 1234", "DIT"), Author.of("Sam Loader", null)),
                "Stage 4, Studio Babelsberg", "source /media/card/A001 -> /Volumes/RAID/Day01/A001");
    }

    private GenerationResult write(Instant when, List<HashedFile> files) throws IOException {
        return AscMhlWriter.write(new GenerationRequest(card, ProcessType.TRANSFER, creator(when), when, files));
    }

    @Test
    void writesAllFormatsInXsdOrderAndSkipsSha256() throws IOException {
        GenerationResult r = write(T1, TestSupport.hashScope(card, HashAlgorithm.SHA256, HashAlgorithm.XXH64,
                HashAlgorithm.XXH3_64, HashAlgorithm.XXH3_128, HashAlgorithm.SHA1, HashAlgorithm.MD5, HashAlgorithm.C4));
        TestSupport.assertValidHistory(card);
        assertEquals(card.resolve("ascmhl/0001_A001_2026-03-01_080000Z.mhl"), r.manifest());
        // .DS_Store was in the input but is ignored by default
        assertEquals(4, r.originalCount());

        String xml = Files.readString(r.manifest(), StandardCharsets.UTF_8);
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<hashlist version=\"2.0\" "
                + "xmlns=\"urn:ASC:MHL:v2.0\">\n  <creatorinfo>\n"), xml);
        assertFalse(xml.contains("sha256"), xml);
        assertFalse(xml.contains(".DS_Store</path>"), xml);
        assertTrue(xml.contains("<process>transfer</process>"), xml);
        assertTrue(xml.contains("<author email=\"jo@example.com\" phone=\"+49 30 1234\" role=\"DIT\">Jo DIT</author>"),
                xml);
        assertTrue(xml.contains("<author>Sam Loader</author>"), xml);
        assertTrue(xml.contains("<location>Stage 4, Studio Babelsberg</location>"), xml);
        assertTrue(xml.contains("<comment>source /media/card/A001 -&gt; /Volumes/RAID/Day01/A001</comment>"), xml);
        String entry = xml.substring(xml.indexOf(">CLIPS/A001C001.mov</path>"));
        entry = entry.substring(0, entry.indexOf("</hash>"));
        int c4 = entry.indexOf("<c4 ");
        int md5 = entry.indexOf("<md5 ");
        int sha1 = entry.indexOf("<sha1 ");
        int xxh128 = entry.indexOf("<xxh128 ");
        int xxh3 = entry.indexOf("<xxh3 ");
        int xxh64 = entry.indexOf("<xxh64 ");
        assertTrue(0 < c4 && c4 < md5 && md5 < sha1 && sha1 < xxh128 && xxh128 < xxh3 && xxh3 < xxh64, entry);
        assertTrue(entry.contains("<xxh3 action=\"original\" hashdate=\"2026-03-01T08:00:00+00:00\">"
                + "5c6d5318a0809172</xxh3>"), entry);
        assertTrue(entry.contains(">ad3e38cc4333ed1b742b20a1b224a05e</xxh128>"), entry);
        assertTrue(entry.contains(">0ea03b369a463d9d</xxh64>"), entry);

        Manifest m = AscMhlHistory.load(card).manifests().get(0);
        assertEquals(List.of("CLIPS/SUB/meta.xml", "CLIPS/SUB", "CLIPS/A001C001.mov", "CLIPS/A001C002.mov", "CLIPS",
                "EMPTY", "readme.txt"), m.entries().stream().map(e -> e.path()).toList());
        // every directory carries the same six formats as the root hash
        for (DirectoryHashEntry d : m.directories()) {
            assertEquals(6, d.content().size(), d.path());
            assertEquals(6, d.structure().size(), d.path());
        }
        assertEquals(6, m.processInfo().rootHash().content().size());
        // an empty directory hashes the empty input
        assertEquals(Hashers.hash(HashAlgorithm.MD5, new byte[0]),
                m.directory("EMPTY").orElseThrow().content(HashAlgorithm.MD5).orElseThrow());
    }

    @Test
    void directoryHashesFollowAppendixG() throws IOException {
        write(T1, TestSupport.hashScope(card, HashAlgorithm.MD5, HashAlgorithm.C4));
        Manifest m = AscMhlHistory.load(card).manifests().get(0);
        for (HashAlgorithm a : List.of(HashAlgorithm.MD5, HashAlgorithm.C4)) {
            DirectoryHasher sub = new DirectoryHasher(a);
            sub.addFile("meta.xml", Hashers.hashFile(a, card.resolve("CLIPS/SUB/meta.xml")));
            DirectoryHasher clips = new DirectoryHasher(a);
            clips.addDirectory("SUB", sub.content(), sub.structure());
            clips.addFile("A001C001.mov", Hashers.hashFile(a, card.resolve("CLIPS/A001C001.mov")));
            clips.addFile("A001C002.mov", Hashers.hashFile(a, card.resolve("CLIPS/A001C002.mov")));
            DirectoryHasher empty = new DirectoryHasher(a);
            DirectoryHasher root = new DirectoryHasher(a);
            root.addDirectory("CLIPS", clips.content(), clips.structure());
            root.addDirectory("EMPTY", empty.content(), empty.structure());
            root.addFile("readme.txt", Hashers.hashFile(a, card.resolve("readme.txt")));

            DirectoryHashEntry written = m.directory("CLIPS").orElseThrow();
            assertEquals(clips.content(), written.content(a).orElseThrow());
            assertEquals(clips.structure(), written.structure(a).orElseThrow());
            assertEquals(root.content(), m.processInfo().rootHash().content(a).orElseThrow());
            assertEquals(root.structure(), m.processInfo().rootHash().structure(a).orElseThrow());
        }
        // content ignores names, structure does not
        DirectoryHasher x = new DirectoryHasher(HashAlgorithm.XXH64);
        x.addFile("a", new HashValue(HashAlgorithm.XXH64, "0ea03b369a463d9d"));
        DirectoryHasher y = new DirectoryHasher(HashAlgorithm.XXH64);
        y.addFile("b", new HashValue(HashAlgorithm.XXH64, "0ea03b369a463d9d"));
        assertEquals(x.content(), y.content());
        assertNotEquals(x.structure(), y.structure());
    }

    @Test
    void secondGenerationMarksVerifiedFailedAndMissing() throws IOException {
        write(T1, TestSupport.hashScope(card, HashAlgorithm.XXH64));
        String rootBefore = AscMhlHistory.load(card).manifests().get(0).processInfo().rootHash()
                .content(HashAlgorithm.XXH64).orElseThrow().text();

        Files.writeString(card.resolve("CLIPS/A001C002.mov"), "DEF\n"); // corrupted copy
        Files.delete(card.resolve("readme.txt"));
        Files.writeString(card.resolve("CLIPS/A001C003.mov"), "new clip\n");
        GenerationResult r = write(T2, TestSupport.hashScope(card, HashAlgorithm.XXH64, HashAlgorithm.MD5));
        TestSupport.assertValidHistory(card);

        assertEquals(2, r.generation());
        assertEquals(1, r.originalCount()); // A001C003
        assertEquals(2, r.verifiedCount()); // A001C001, meta.xml
        assertEquals(1, r.failedCount());
        assertEquals(List.of("CLIPS/A001C002.mov"), r.failedPaths());
        assertEquals(new HashValue(HashAlgorithm.XXH64, "7680e5f98f4a80fd"), r.failures().get(0).expected());
        assertEquals(Hashers.hash(HashAlgorithm.XXH64, "DEF\n".getBytes(StandardCharsets.US_ASCII)),
                r.failures().get(0).actual());
        assertEquals(List.of("readme.txt"), r.missingPaths());

        AscMhlHistory history = AscMhlHistory.load(card);
        Manifest m2 = history.manifests().get(1);
        FileHashEntry verified = m2.file("CLIPS/A001C001.mov").orElseThrow();
        assertEquals(HashAction.VERIFIED, verified.hash(HashAlgorithm.XXH64).orElseThrow().action());
        // md5 is new for a verified file: verified as well
        assertEquals(HashAction.VERIFIED, verified.hash(HashAlgorithm.MD5).orElseThrow().action());
        FileHashEntry failed = m2.file("CLIPS/A001C002.mov").orElseThrow();
        assertEquals(HashAction.FAILED, failed.hash(HashAlgorithm.XXH64).orElseThrow().action());
        assertEquals(HashAction.FAILED, failed.hash(HashAlgorithm.MD5).orElseThrow().action());
        assertEquals(HashAction.ORIGINAL,
                m2.file("CLIPS/A001C003.mov").orElseThrow().hash(HashAlgorithm.MD5).orElseThrow().action());

        // failed hashes never become references
        assertEquals("7680e5f98f4a80fd",
                history.latestHash("CLIPS/A001C002.mov", HashAlgorithm.XXH64).orElseThrow().text());
        assertTrue(history.latestHash("CLIPS/A001C002.mov", HashAlgorithm.MD5).isEmpty());
        // the failed file is left out of its directory's hashes
        DirectoryHasher clips = new DirectoryHasher(HashAlgorithm.XXH64);
        DirectoryHashEntry sub = m2.directory("CLIPS/SUB").orElseThrow();
        clips.addDirectory("SUB", sub.content(HashAlgorithm.XXH64).orElseThrow(),
                sub.structure(HashAlgorithm.XXH64).orElseThrow());
        clips.addFile("A001C001.mov", new HashValue(HashAlgorithm.XXH64, "0ea03b369a463d9d"));
        clips.addFile("A001C003.mov", Hashers.hashFile(HashAlgorithm.XXH64, card.resolve("CLIPS/A001C003.mov")));
        assertEquals(clips.content(), m2.directory("CLIPS").orElseThrow().content(HashAlgorithm.XXH64).orElseThrow());
        assertNotEquals(rootBefore,
                m2.processInfo().rootHash().content(HashAlgorithm.XXH64).orElseThrow().text());
    }

    @Test
    void newFormatWithoutAnyComparableFormatIsOriginal() throws IOException {
        write(T1, TestSupport.hashScope(card, HashAlgorithm.MD5));
        write(T2, TestSupport.hashScope(card, HashAlgorithm.XXH3_64));
        Manifest m2 = AscMhlHistory.load(card).manifests().get(1);
        assertEquals(HashAction.ORIGINAL,
                m2.file("readme.txt").orElseThrow().hash(HashAlgorithm.XXH3_64).orElseThrow().action());
    }

    @Test
    void neverOverwritesAnExistingManifest() throws IOException {
        Path folder = Files.createDirectories(card.resolve("ascmhl"));
        Path squatter = folder.resolve("0001_A001_2026-03-01_080000Z.mhl");
        // a manifest file that is not in a chain: loading refuses before anything is written
        Files.writeString(squatter, "not mine");
        MhlException e = assertThrows(MhlException.class, () -> write(T1, TestSupport.hashScope(card,
                HashAlgorithm.XXH64)));
        assertTrue(e.getMessage().contains("ascmhl_chain.xml"), e.getMessage());
        assertEquals("not mine", Files.readString(squatter));

        // with a valid history loaded, a file appearing under the next name is not replaced
        Files.delete(squatter);
        AscMhlHistory empty = AscMhlHistory.load(card);
        Files.writeString(squatter, "not mine");
        MhlException e2 = assertThrows(MhlException.class, () -> AscMhlWriter.write(empty, new GenerationRequest(card,
                ProcessType.TRANSFER, creator(T1), T1, TestSupport.hashScope(card, HashAlgorithm.XXH64))));
        assertTrue(e2.getMessage().contains("already exists"), e2.getMessage());
        assertEquals("not mine", Files.readString(squatter));
        assertFalse(Files.exists(folder.resolve("ascmhl_chain.xml")));
        assertEquals(List.of("0001_A001_2026-03-01_080000Z.mhl"), list(folder));
    }

    @Test
    void refusesToAppendToADamagedHistory() throws IOException {
        write(T1, TestSupport.hashScope(card, HashAlgorithm.XXH64));
        Path m1 = TestSupport.manifest(card, 1);
        Files.writeString(m1, Files.readString(m1).replace("transfer", "in-place"));
        byte[] chainBefore = Files.readAllBytes(card.resolve("ascmhl/ascmhl_chain.xml"));

        MhlException e = assertThrows(MhlException.class, () -> write(T2, TestSupport.hashScope(card,
                HashAlgorithm.XXH64)));
        assertTrue(e.getMessage().contains("modified"), e.getMessage());
        assertArrayEquals(chainBefore, Files.readAllBytes(card.resolve("ascmhl/ascmhl_chain.xml")));
        assertEquals(List.of("0001_A001_2026-03-01_080000Z.mhl", "ascmhl_chain.xml"), list(card.resolve("ascmhl")));
    }

    @Test
    void refusesAStaleHistory() throws IOException {
        AscMhlHistory stale = AscMhlHistory.load(card);
        write(T1, TestSupport.hashScope(card, HashAlgorithm.XXH64));
        MhlException e = assertThrows(MhlException.class, () -> AscMhlWriter.write(stale, new GenerationRequest(card,
                ProcessType.TRANSFER, creator(T2), T2, TestSupport.hashScope(card, HashAlgorithm.XXH64))));
        assertTrue(e.getMessage().contains("changed since it was loaded"), e.getMessage());
    }

    @Test
    void leavesNoTemporaryFiles() throws IOException {
        write(T1, TestSupport.hashScope(card, HashAlgorithm.XXH64));
        write(T2, TestSupport.hashScope(card, HashAlgorithm.XXH64));
        assertEquals(List.of("0001_A001_2026-03-01_080000Z.mhl", "0002_A001_2026-03-02_093015Z.mhl",
                "ascmhl_chain.xml"), list(card.resolve("ascmhl")));
        TestSupport.assertValidHistory(card);
    }

    @Test
    void rejectsBadInput() {
        Instant t = Instant.EPOCH;
        List<HashValue> xxh = List.of(new HashValue(HashAlgorithm.XXH64, "0ea03b369a463d9d"));
        for (String bad : List.of("../escape.mov", "/abs.mov", "CLIPS//x.mov", "CLIPS/./x.mov", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> write(T1, List.of(new HashedFile(bad, 5, t, xxh))));
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> write(T1,
                List.of(new HashedFile("a.mov", 5, t, xxh), new HashedFile("a.mov", 5, t, xxh))));
        assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
        IllegalArgumentException sha256Only = assertThrows(IllegalArgumentException.class, () -> write(T1,
                List.of(new HashedFile("a.mov", 5, t, List.of(new HashValue(HashAlgorithm.SHA256, "00"))))));
        assertTrue(sha256Only.getMessage().contains("sha256"), sha256Only.getMessage());
        assertFalse(Files.exists(card.resolve("ascmhl")));
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return new ArrayList<>(s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
