/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.HashValue;
import io.cartwright.hash.Hashers;
import io.cartwright.mhl.AscMhlVerifier;
import io.cartwright.mhl.AscMhlWriter;
import io.cartwright.mhl.CreatorInfo;
import io.cartwright.mhl.GenerationRequest;
import io.cartwright.mhl.HashMismatch;
import io.cartwright.mhl.HistoryProblem;
import io.cartwright.mhl.ProcessType;
import io.cartwright.mhl.VerifyReport;

/** Read-only verification of a scope against its history. */
class VerifierTest {
    private static final Instant T1 = Instant.parse("2026-03-01T08:00:00Z");

    @TempDir
    Path temp;
    Path card;

    @BeforeEach
    void sealCard() throws IOException {
        card = temp.resolve("A001");
        Files.createDirectories(card.resolve("CLIPS"));
        Files.writeString(card.resolve("CLIPS/A001C001.mov"), "abcd\n");
        Files.writeString(card.resolve("CLIPS/A001C002.mov"), "def\n");
        Files.writeString(card.resolve("readme.txt"), "hello\n");
        AscMhlWriter.write(new GenerationRequest(card, ProcessType.TRANSFER,
                CreatorInfo.of(T1, "host", "Cartwright", "1.0.0"), T1,
                TestSupport.hashScope(card, HashAlgorithm.XXH3_64, HashAlgorithm.MD5)));
    }

    private List<String> historyFiles() throws IOException {
        try (Stream<Path> s = Files.list(card.resolve("ascmhl"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void intactScopeIsOk() throws IOException {
        Files.writeString(card.resolve(".DS_Store"), "ignored by default");
        List<String> before = historyFiles();
        VerifyReport r = AscMhlVerifier.verify(card);
        assertTrue(r.ok(), r.toString());
        assertTrue(r.historyOk());
        assertEquals(3, r.verifiedCount());
        assertEquals(List.of(), r.extra());
        assertEquals(before, historyFiles(), "verify must not write a generation");
    }

    @Test
    void tamperedFileIsAMismatchAgainstMd5() throws IOException {
        Files.writeString(card.resolve("CLIPS/A001C002.mov"), "DEF\n");
        VerifyReport r = AscMhlVerifier.verify(card);
        assertFalse(r.ok());
        assertTrue(r.historyOk());
        assertEquals(2, r.verifiedCount());
        assertEquals(1, r.mismatched().size());
        HashMismatch m = r.mismatched().get(0);
        assertEquals("CLIPS/A001C002.mov", m.path());
        // md5 comes before xxh3 in the verification priority
        assertEquals(HashAlgorithm.MD5, m.expected().algorithm());
        assertEquals(Hashers.hash(HashAlgorithm.MD5, "def\n".getBytes(StandardCharsets.US_ASCII)), m.expected());
        assertEquals(Hashers.hash(HashAlgorithm.MD5, "DEF\n".getBytes(StandardCharsets.US_ASCII)), m.actual());
        assertEquals(List.of(), r.missing());
        assertEquals(List.of(), r.extra());
    }

    @Test
    void deletedFileIsMissing() throws IOException {
        Files.delete(card.resolve("readme.txt"));
        VerifyReport r = AscMhlVerifier.verify(card);
        assertFalse(r.ok());
        assertEquals(List.of("readme.txt"), r.missing());
        assertEquals(List.of(), r.mismatched());
        assertEquals(2, r.verifiedCount());
    }

    @Test
    void addedFileIsExtra() throws IOException {
        Files.writeString(card.resolve("CLIPS/A001C003.mov"), "surprise\n");
        VerifyReport r = AscMhlVerifier.verify(card);
        assertFalse(r.ok());
        assertEquals(List.of("CLIPS/A001C003.mov"), r.extra());
        assertEquals(List.of(), r.missing());
        assertEquals(3, r.verifiedCount());
    }

    @Test
    void modifiedManifestFailsTheChainCheck() throws IOException {
        Path manifest = TestSupport.manifest(card, 1);
        String xml = Files.readString(manifest);
        String md5 = Hashers.hash(HashAlgorithm.MD5, "def\n".getBytes(StandardCharsets.US_ASCII)).text();
        Files.writeString(manifest, xml.replace(md5, Hashers.hash(HashAlgorithm.MD5, "forged\n".getBytes(StandardCharsets.US_ASCII)).text()));

        VerifyReport r = AscMhlVerifier.verify(card);
        assertFalse(r.ok());
        assertFalse(r.historyOk());
        assertEquals(1, r.historyProblems().size());
        HistoryProblem p = r.historyProblems().get(0);
        assertEquals(HistoryProblem.Kind.MODIFIED_MANIFEST, p.kind());
        assertEquals(manifest.getFileName().toString(), p.file());
        assertTrue(p.message().contains(manifest.getFileName().toString()) && p.message().contains("was modified")
                && p.message().contains("C4"), p.message());
        // the files are still compared against what the manifest now says
        assertEquals(List.of("CLIPS/A001C002.mov"), r.mismatched().stream().map(HashMismatch::path).toList());
    }

    @Test
    void missingHistoryIsReported() throws IOException {
        Path bare = Files.createDirectories(temp.resolve("bare"));
        Files.writeString(bare.resolve("x.mov"), "x");
        VerifyReport r = AscMhlVerifier.verify(bare);
        assertFalse(r.ok());
        assertEquals(HistoryProblem.Kind.NO_HISTORY, r.historyProblems().get(0).kind());
        assertEquals(List.of("x.mov"), r.extra());
    }

    @Test
    void verifiesTheReferenceScenarioWithXxh64() throws IOException {
        Path copy = TestSupport.copyTree(TestSupport.scenario02().resolve("file_server/A002R2EC"),
                temp.resolve("file_server/A002R2EC"), true);
        VerifyReport r = AscMhlVerifier.verify(copy);
        assertTrue(r.ok(), r.toString());
        assertEquals(3, r.verifiedCount());

        Files.writeString(copy.resolve("Sidecar.txt"), "changed");
        VerifyReport bad = AscMhlVerifier.verify(copy);
        assertEquals(List.of(new HashMismatch("Sidecar.txt", new HashValue(HashAlgorithm.XXH64, "3ab5a4166b9bde44"),
                Hashers.hash(HashAlgorithm.XXH64, "changed".getBytes(StandardCharsets.US_ASCII)))), bad.mismatched());
    }
}
