/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.HashValue;
import io.cartwright.mhl.AscMhl;
import io.cartwright.mhl.AscMhlHistory;
import io.cartwright.mhl.AscMhlWriter;
import io.cartwright.mhl.CreatorInfo;
import io.cartwright.mhl.DirectoryHashEntry;
import io.cartwright.mhl.FileHashEntry;
import io.cartwright.mhl.GenerationRequest;
import io.cartwright.mhl.GenerationResult;
import io.cartwright.mhl.HashAction;
import io.cartwright.mhl.Manifest;
import io.cartwright.mhl.ManifestEntry;
import io.cartwright.mhl.ProcessType;

/**
 * Reproduces the reference scenario 02 (ascmitc/mhl examples): seal a card copy on a travel drive
 * (generation 1), copy it with its history to a file server and seal again (generation 2, verified).
 */
class Scenario02Test {
    private static final Instant FILE_TIME = Instant.parse("2020-01-15T13:00:00Z");
    private static final Instant GEN1_TIME = Instant.parse("2020-01-16T09:15:00Z");
    private static final Instant GEN2_TIME = Instant.parse("2020-01-17T14:30:00Z");
    private static final String MANIFEST1 = "0001_A002R2EC_2020-01-16_091500Z.mhl";
    private static final String MANIFEST2 = "0002_A002R2EC_2020-01-17_143000Z.mhl";
    private static final String C4_MANIFEST1 =
            "c43qQABrjeiU3kteaNFtgwufQRLKxgMJEZfNSj6LcZ8fKwB568U8As9eScRsnb64NfqiAYzjNUXs81tAxPB77PUThb";

    /** Hashes from scenario_02/log.txt. */
    private static final Map<String, String> FILE_XXH64 = Map.of(
            "Clips/A002C006_141024_R2EC.mov", "0ea03b369a463d9d",
            "Clips/A002C007_141024_R2EC.mov", "7680e5f98f4a80fd",
            "Sidecar.txt", "3ab5a4166b9bde44");

    @TempDir
    Path temp;

    /** A copy of travel_01/A002R2EC without its history, with the reference's file times. */
    private Path freshCard() throws IOException {
        Path card = TestSupport.copyTree(TestSupport.scenario02().resolve("travel_01/A002R2EC"),
                temp.resolve("travel_01/A002R2EC"), false);
        TestSupport.touchAll(card, FILE_TIME);
        return card;
    }

    /** Creator info as the reference tool wrote it, so that the bytes can match. */
    private static CreatorInfo referenceCreator(Instant when) {
        return CreatorInfo.of(when, "myHost.local", "ascmhl.py", "0.3 alpha");
    }

    @Test
    void generationOneMatchesTheReferenceByteForByte() throws IOException {
        Path card = freshCard();
        GenerationResult result = AscMhlWriter.write(new GenerationRequest(card, ProcessType.IN_PLACE,
                referenceCreator(GEN1_TIME), GEN1_TIME, TestSupport.hashScope(card, HashAlgorithm.XXH64)));

        assertEquals(card.resolve("ascmhl/" + MANIFEST1), result.manifest());
        assertEquals(1, result.generation());
        assertEquals(3, result.originalCount());
        assertEquals(0, result.verifiedCount());
        assertEquals(0, result.failedCount());
        Path reference = TestSupport.scenario02().resolve("travel_01/A002R2EC/ascmhl");
        assertEquals(Files.readString(reference.resolve(MANIFEST1)), Files.readString(result.manifest()));
        assertArrayEquals(Files.readAllBytes(reference.resolve(MANIFEST1)), Files.readAllBytes(result.manifest()));
        assertEquals(C4_MANIFEST1, result.manifestC4());
        assertArrayEquals(Files.readAllBytes(reference.resolve(AscMhl.CHAIN_FILE)),
                Files.readAllBytes(card.resolve("ascmhl/" + AscMhl.CHAIN_FILE)));
        TestSupport.assertValidHistory(card);
    }

    @Test
    void transferGenerationsRecordTheLoggedHashes() throws IOException {
        // generation 1 on the travel drive, as a Cartwright transfer
        Path card = freshCard();
        CreatorInfo creator = CreatorInfo.of(GEN1_TIME, "dit-cart.local", "Cartwright", "1.0.0");
        GenerationResult first = AscMhlWriter.write(new GenerationRequest(card, ProcessType.TRANSFER, creator,
                GEN1_TIME, TestSupport.hashScope(card, HashAlgorithm.XXH64)));
        assertEquals(3, first.originalCount());
        TestSupport.assertValidHistory(card);

        AscMhlHistory history1 = AscMhlHistory.load(card);
        assertEquals(1, history1.manifests().size());
        Manifest m1 = history1.manifests().get(0);
        assertEquals(MANIFEST1, m1.fileName());
        assertEquals(ProcessType.TRANSFER, m1.processInfo().process());
        assertEquals(AscMhl.DEFAULT_IGNORE_PATTERNS, m1.processInfo().ignorePatterns());
        assertScenarioHashes(m1, HashAction.ORIGINAL, GEN1_TIME);

        // copy with its history to the file server, generation 2 verifies
        Path server = TestSupport.copyTree(card, temp.resolve("file_server/A002R2EC"), true);
        TestSupport.touchAll(server, FILE_TIME);
        GenerationResult second = AscMhlWriter.write(new GenerationRequest(server, ProcessType.TRANSFER,
                CreatorInfo.of(GEN2_TIME, "facility.local", "Cartwright", "1.0.0"), GEN2_TIME,
                TestSupport.hashScope(server, HashAlgorithm.XXH64)));
        assertEquals(server.resolve("ascmhl/" + MANIFEST2), second.manifest());
        assertEquals(2, second.generation());
        assertEquals(0, second.originalCount());
        assertEquals(3, second.verifiedCount());
        assertEquals(0, second.failedCount());
        assertEquals(List.of(), second.failedPaths());
        assertEquals(List.of(), second.missingPaths());
        TestSupport.assertValidHistory(server);

        AscMhlHistory history2 = AscMhlHistory.load(server);
        assertEquals(2, history2.chain().size());
        assertEquals(MANIFEST2, history2.chain().get(1).path());
        assertEquals(second.manifestC4(), history2.chain().get(1).c4());
        assertEquals(3, history2.nextGeneration());
        assertScenarioHashes(history2.manifests().get(1), HashAction.VERIFIED, GEN2_TIME);
        // generation 1 is untouched by the copy and by generation 2
        assertArrayEquals(Files.readAllBytes(card.resolve("ascmhl/" + MANIFEST1)),
                Files.readAllBytes(server.resolve("ascmhl/" + MANIFEST1)));
    }

    @Test
    void generationTwoMatchesTheReferenceByteForByte() throws IOException {
        Path card = freshCard();
        AscMhlWriter.write(new GenerationRequest(card, ProcessType.IN_PLACE, referenceCreator(GEN1_TIME), GEN1_TIME,
                TestSupport.hashScope(card, HashAlgorithm.XXH64)));
        Path server = TestSupport.copyTree(card, temp.resolve("file_server/A002R2EC"), true);
        TestSupport.touchAll(server, FILE_TIME);
        GenerationResult result = AscMhlWriter.write(new GenerationRequest(server, ProcessType.IN_PLACE,
                referenceCreator(GEN2_TIME), GEN2_TIME, TestSupport.hashScope(server, HashAlgorithm.XXH64)));

        Path reference = TestSupport.scenario02().resolve("file_server/A002R2EC/ascmhl");
        assertEquals(Files.readString(reference.resolve(MANIFEST2)), Files.readString(result.manifest()));
        assertArrayEquals(Files.readAllBytes(reference.resolve(AscMhl.CHAIN_FILE)),
                Files.readAllBytes(server.resolve("ascmhl/" + AscMhl.CHAIN_FILE)));
        TestSupport.assertValidHistory(server);
    }

    private static void assertScenarioHashes(Manifest m, HashAction expectedAction, Instant hashDate) {
        assertEquals(FILE_XXH64.size(), m.files().size());
        for (FileHashEntry f : m.files()) {
            String expected = FILE_XXH64.get(f.path());
            assertEquals(expected, f.hash(HashAlgorithm.XXH64).orElseThrow().value().text(), f.path());
            assertEquals(expectedAction, f.hash(HashAlgorithm.XXH64).orElseThrow().action(), f.path());
            assertEquals(hashDate, f.hash(HashAlgorithm.XXH64).orElseThrow().hashDate(), f.path());
            assertEquals(1, f.hashes().size());
            assertEquals(FILE_TIME, f.lastModificationDate());
        }
        assertEquals(5, m.files().get(0).size());
        assertEquals(4, m.files().get(1).size());
        assertEquals(58, m.files().get(2).size());

        DirectoryHashEntry clips = m.directory("Clips").orElseThrow();
        assertEquals(new HashValue(HashAlgorithm.XXH64, "4c226b42e27d7af3"),
                clips.content(HashAlgorithm.XXH64).orElseThrow());
        assertEquals(new HashValue(HashAlgorithm.XXH64, "906faa843d591a9f"),
                clips.structure(HashAlgorithm.XXH64).orElseThrow());
        assertEquals(FILE_TIME, clips.lastModificationDate());
        assertEquals(1, m.directories().size());

        assertEquals(new HashValue(HashAlgorithm.XXH64, "8d02114c32e28cbe"),
                m.processInfo().rootHash().content(HashAlgorithm.XXH64).orElseThrow());
        assertEquals(new HashValue(HashAlgorithm.XXH64, "f557f8ca8e5a88ef"),
                m.processInfo().rootHash().structure(HashAlgorithm.XXH64).orElseThrow());

        // reference order: a folder's subfolders, then its files, then the folder itself
        List<String> order = m.entries().stream().map(ManifestEntry::path).toList();
        assertEquals(List.of("Clips/A002C006_141024_R2EC.mov", "Clips/A002C007_141024_R2EC.mov", "Clips",
                "Sidecar.txt"), order);
        assertTrue(m.entries().get(2) instanceof DirectoryHashEntry);
    }
}
