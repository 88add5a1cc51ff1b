/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import io.cartwright.mhl.AscMhl;
import io.cartwright.mhl.AscMhlHistory;
import io.cartwright.mhl.ChainEntry;
import io.cartwright.mhl.HistoryProblem;
import io.cartwright.mhl.HistoryProblem.Kind;
import io.cartwright.mhl.Manifest;

/**
 * Reads {@code <scope>/ascmhl/}: the chain, then every manifest, checking each manifest's C4 id
 * against the chain before its content is used. Collects problems instead of stopping at the first,
 * so a verifier can report all of them; manifests that cannot be parsed are left out of the history.
 */
public final class HistoryReader {

    /**
     * What was read.
     *
     * @param history the history built from the chain and the manifests that could be parsed
     * @param problems everything wrong with the folder; empty if the history is intact
     */
    public record Result(AscMhlHistory history, List<HistoryProblem> problems) {
    }

    private HistoryReader() {
    }

    /**
     * Reads the history of {@code scopeRoot}. A missing or empty {@code ascmhl} folder gives an empty
     * history without problems.
     *
     * @throws IOException if the folder exists but cannot be listed, or a file cannot be read
     */
    public static Result read(Path scopeRoot) throws IOException {
        Path scope = scopeRoot.toAbsolutePath().normalize();
        Path folder = scope.resolve(AscMhl.HISTORY_FOLDER);
        List<HistoryProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return new Result(new AscMhlHistory(scope, List.of(), List.of()), problems);
        }

        TreeMap<String, Path> manifestFiles = new TreeMap<>(PathNames.CODE_POINT_ORDER);
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder)) {
            for (Path p : dir) {
                String name = p.getFileName().toString();
                if (ManifestXml.generationOf(name) >= 0 && Files.isRegularFile(p)) {
                    manifestFiles.put(name, p);
                }
            }
        }

        Path chainFile = folder.resolve(AscMhl.CHAIN_FILE);
        List<ChainEntry> chain = List.of();
        boolean chainRead = false;
        if (!Files.exists(chainFile)) {
            if (!manifestFiles.isEmpty()) {
                problems.add(new HistoryProblem(Kind.MISSING_CHAIN, AscMhl.CHAIN_FILE, "The history in " + folder
                        + " has " + manifestFiles.size() + " manifest(s) but no " + AscMhl.CHAIN_FILE
                        + "; its manifests cannot be checked"));
            }
        } else {
            try {
                chain = ManifestXml.parseChain(Files.readAllBytes(chainFile));
                chainRead = true;
            } catch (IOException e) {
                if (!Files.isReadable(chainFile)) {
                    throw e;
                }
                problems.add(new HistoryProblem(Kind.INVALID_FILE, AscMhl.CHAIN_FILE,
                        "Cannot read the chain " + chainFile + ": " + e.getMessage()));
            }
        }

        Set<String> chained = new HashSet<>();
        for (ChainEntry entry : chain) {
            chained.add(entry.path());
            Path manifest = folder.resolve(entry.path()).normalize();
            if (!manifest.startsWith(folder) || !Files.isRegularFile(manifest)) {
                problems.add(new HistoryProblem(Kind.MISSING_MANIFEST, entry.path(), "Manifest " + entry.path()
                        + " (generation " + entry.sequenceNumber() + ") is listed in " + AscMhl.CHAIN_FILE
                        + " but missing from " + folder));
                continue;
            }
            String actual = Hashing.c4(Files.readAllBytes(manifest));
            if (!actual.equals(entry.c4())) {
                problems.add(new HistoryProblem(Kind.MODIFIED_MANIFEST, entry.path(), "Manifest " + manifest
                        + " was modified: its C4 id is " + actual + " but " + AscMhl.CHAIN_FILE + " records "
                        + entry.c4()));
            }
        }
        for (String name : manifestFiles.keySet()) {
            if (chainRead && !chained.contains(name)) {
                problems.add(new HistoryProblem(Kind.UNCHAINED_MANIFEST, name, "Manifest " + folder.resolve(name)
                        + " is not listed in " + AscMhl.CHAIN_FILE));
            }
        }

        List<Manifest> manifests = new ArrayList<>();
        for (Path p : manifestFiles.values()) {
            String name = p.getFileName().toString();
            try {
                manifests.add(ManifestXml.parse(name, Files.readAllBytes(p)));
            } catch (IOException e) {
                if (!Files.isReadable(p)) {
                    throw e;
                }
                problems.add(new HistoryProblem(Kind.INVALID_FILE, name, "Cannot read manifest " + p + ": "
                        + e.getMessage()));
            }
        }
        manifests.sort(Comparator.comparingInt(Manifest::generation));
        return new Result(new AscMhlHistory(scope, chain, manifests), problems);
    }
}
