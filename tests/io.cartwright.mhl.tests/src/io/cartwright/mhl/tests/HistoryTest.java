/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.HashValue;
import io.cartwright.hash.Hashers;
import io.cartwright.mhl.AscMhlHistory;
import io.cartwright.mhl.ChainEntry;
import io.cartwright.mhl.HistoryProblem;
import io.cartwright.mhl.Manifest;
import io.cartwright.mhl.MhlException;
import io.cartwright.mhl.ProcessType;

/** Loading histories: the reference history of scenario 02 and damaged copies of it. */
class HistoryTest {
    private static final String MANIFEST1 = "0001_A002R2EC_2020-01-16_091500Z.mhl";
    private static final String MANIFEST2 = "0002_A002R2EC_2020-01-17_143000Z.mhl";
    private static final String C4_1 =
            "c43qQABrjeiU3kteaNFtgwufQRLKxgMJEZfNSj6LcZ8fKwB568U8As9eScRsnb64NfqiAYzjNUXs81tAxPB77PUThb";
    private static final String C4_2 =
            "c45kfAU9bNHnT32pMzSdio6Qb7us3xkd65ff8uAvJcgdkpoQZUKoPFckwtVHozxgftZj4uUoXrRiAiwSqNGAxLUAKM";

    @TempDir
    Path temp;

    private Path reference() {
        return TestSupport.scenario02().resolve("file_server/A002R2EC");
    }

    @Test
    void referenceManifestsHaveTheDocumentedC4() throws IOException {
        // the C4 vector of ASCMHL.md, computed over the reference file's bytes
        assertEquals(C4_1, Hashers.hash(HashAlgorithm.C4,
                Files.readAllBytes(reference().resolve("ascmhl/" + MANIFEST1))).text());
        assertEquals(C4_2, Hashers.hash(HashAlgorithm.C4,
                Files.readAllBytes(reference().resolve("ascmhl/" + MANIFEST2))).text());
    }

    @Test
    void loadsTheReferenceHistory() throws IOException {
        AscMhlHistory history = AscMhlHistory.load(reference());
        assertEquals(List.of(new ChainEntry(1, MANIFEST1, C4_1), new ChainEntry(2, MANIFEST2, C4_2)),
                history.chain());
        assertEquals(2, history.manifests().size());
        assertEquals(2, history.latestGeneration());
        assertEquals(3, history.nextGeneration());
        assertEquals(List.of(".DS_Store", "ascmhl", "ascmhl/"), history.ignorePatterns());

        Manifest m1 = history.manifests().get(0);
        assertEquals(1, m1.generation());
        assertEquals(Instant.parse("2020-01-16T09:15:00Z"), m1.creatorInfo().creationDate());
        assertEquals("myHost.local", m1.creatorInfo().hostname());
        assertEquals("ascmhl.py", m1.creatorInfo().toolName());
        assertEquals("0.3 alpha", m1.creatorInfo().toolVersion());
        assertEquals(ProcessType.IN_PLACE, m1.processInfo().process());
        assertEquals(3, m1.files().size());
        assertEquals(58, m1.file("Sidecar.txt").orElseThrow().size());

        assertEquals(List.of("Clips/A002C006_141024_R2EC.mov", "Clips/A002C007_141024_R2EC.mov", "Sidecar.txt"),
                List.copyOf(history.recordedPaths()));
        assertEquals(Map.of(HashAlgorithm.XXH64, new HashValue(HashAlgorithm.XXH64, "7680e5f98f4a80fd")),
                history.latestHashes("Clips/A002C007_141024_R2EC.mov"));
        assertEquals(Optional.of(new HashValue(HashAlgorithm.XXH64, "3ab5a4166b9bde44")),
                history.referenceHash("Sidecar.txt"));
        assertEquals(Optional.empty(), history.latestHash("Sidecar.txt", HashAlgorithm.MD5));
        assertEquals(Map.of(), history.latestHashes("not/recorded.mov"));
    }

    @Test
    void scopeWithoutHistoryIsEmpty() throws IOException {
        AscMhlHistory history = AscMhlHistory.load(temp);
        assertTrue(history.isEmpty());
        assertEquals(1, history.nextGeneration());
        assertEquals(List.of(), history.chain());
        assertTrue(history.recordedPaths().isEmpty());
    }

    @Test
    void modifiedManifestIsRejected() throws IOException {
        Path scope = TestSupport.copyTree(reference(), temp.resolve("A002R2EC"), true);
        Path manifest = scope.resolve("ascmhl/" + MANIFEST1);
        String text = Files.readString(manifest, StandardCharsets.UTF_8);
        Files.writeString(manifest, text.replace("0ea03b369a463d9d", "0ea03b369a463d9e"), StandardCharsets.UTF_8);

        MhlException e = assertThrows(MhlException.class, () -> AscMhlHistory.load(scope));
        assertEquals(1, e.problems().size());
        HistoryProblem p = e.problems().get(0);
        assertEquals(HistoryProblem.Kind.MODIFIED_MANIFEST, p.kind());
        assertEquals(MANIFEST1, p.file());
        assertTrue(e.getMessage().contains(MANIFEST1) && e.getMessage().contains("modified")
                && e.getMessage().contains(C4_1), e.getMessage());
    }

    @Test
    void missingManifestIsRejected() throws IOException {
        Path scope = TestSupport.copyTree(reference(), temp.resolve("A002R2EC"), true);
        Files.delete(scope.resolve("ascmhl/" + MANIFEST2));

        MhlException e = assertThrows(MhlException.class, () -> AscMhlHistory.load(scope));
        assertEquals(HistoryProblem.Kind.MISSING_MANIFEST, e.problems().get(0).kind());
        assertEquals(MANIFEST2, e.problems().get(0).file());
        assertTrue(e.getMessage().contains(MANIFEST2) && e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void missingChainIsRejected() throws IOException {
        Path scope = TestSupport.copyTree(reference(), temp.resolve("A002R2EC"), true);
        Files.delete(scope.resolve("ascmhl/ascmhl_chain.xml"));

        MhlException e = assertThrows(MhlException.class, () -> AscMhlHistory.load(scope));
        assertEquals(List.of(HistoryProblem.Kind.MISSING_CHAIN),
                e.problems().stream().map(HistoryProblem::kind).toList());
        assertTrue(e.getMessage().contains("ascmhl_chain.xml"), e.getMessage());
    }

    @Test
    void manifestOutsideTheChainIsRejected() throws IOException {
        Path scope = TestSupport.copyTree(reference(), temp.resolve("A002R2EC"), true);
        Files.copy(scope.resolve("ascmhl/" + MANIFEST2), scope.resolve("ascmhl/0003_A002R2EC_2020-01-18_100000Z.mhl"));

        MhlException e = assertThrows(MhlException.class, () -> AscMhlHistory.load(scope));
        assertEquals(HistoryProblem.Kind.UNCHAINED_MANIFEST, e.problems().get(0).kind());
        assertEquals("0003_A002R2EC_2020-01-18_100000Z.mhl", e.problems().get(0).file());
    }

    @Test
    void emptyCreationDateIsReportedWithTheFileName() throws IOException {
        Path scope = TestSupport.copyTree(reference(), temp.resolve("A002R2EC"), true);
        Path manifest = scope.resolve("ascmhl/" + MANIFEST2);
        String text = Files.readString(manifest, StandardCharsets.UTF_8);
        Files.writeString(manifest, text.replace("<creationdate>2020-01-17T14:30:00+00:00</creationdate>",
                "<creationdate></creationdate>"), StandardCharsets.UTF_8);

        // once ended in a NullPointerException from the creator info instead of a problem report
        MhlException e = assertThrows(MhlException.class, () -> AscMhlHistory.load(scope));
        assertTrue(e.problems().stream().anyMatch(p -> p.kind() == HistoryProblem.Kind.INVALID_FILE
                && MANIFEST2.equals(p.file()) && p.message().contains("Not an xs:dateTime: ''")), e.getMessage());
    }

    @Test
    void brokenXmlIsReportedWithTheFileName() throws IOException {
        Path scope = TestSupport.copyTree(reference(), temp.resolve("A002R2EC"), true);
        Files.writeString(scope.resolve("ascmhl/ascmhl_chain.xml"), "<ascmhldirectory");

        MhlException e = assertThrows(MhlException.class, () -> AscMhlHistory.load(scope));
        assertTrue(e.problems().stream().anyMatch(p -> p.kind() == HistoryProblem.Kind.INVALID_FILE
                && "ascmhl_chain.xml".equals(p.file())), e.getMessage());
    }
}
