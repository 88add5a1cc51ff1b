/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.HashValue;
import io.cartwright.mhl.internal.HistoryReader;

/**
 * The ASC MHL history of one scope folder: the chain and the manifests of {@code <scope>/ascmhl/}, in
 * generation order, plus what later operations need from them (latest reference hash per path and
 * format, next generation number, ignore patterns). An immutable snapshot; reload after writing a
 * generation. Thread-safe.
 */
public final class AscMhlHistory {
    private final Path scopeRoot;
    private final List<ChainEntry> chain;
    private final List<Manifest> manifests;
    private final Map<String, Map<HashAlgorithm, HashValue>> latest = new HashMap<>();
    private final SortedSet<String> recordedPaths = new TreeSet<>();
    private final int latestGeneration;

    /**
     * A history from already parsed parts; {@link #load} is the usual way to get one.
     *
     * @param scopeRoot the scope folder (the one containing {@code ascmhl/})
     * @param chain the chain entries in sequence order
     * @param manifests the manifests in generation order
     */
    public AscMhlHistory(Path scopeRoot, List<ChainEntry> chain, List<Manifest> manifests) {
        this.scopeRoot = scopeRoot;
        this.chain = List.copyOf(chain);
        this.manifests = List.copyOf(manifests);
        int max = 0;
        for (ChainEntry e : this.chain) {
            max = Math.max(max, e.sequenceNumber());
        }
        for (Manifest m : this.manifests) {
            max = Math.max(max, m.generation());
            for (FileHashEntry f : m.files()) {
                recordedPaths.add(f.path());
                for (RecordedHash h : f.hashes()) {
                    if (h.action().usableAsReference()) {
                        latest.computeIfAbsent(f.path(), p -> new EnumMap<>(HashAlgorithm.class))
                                .put(h.value().algorithm(), h.value());
                    }
                }
            }
        }
        this.latestGeneration = max;
    }

    /**
     * Loads the history of {@code scopeRoot}. A scope without an {@code ascmhl} folder (or with an
     * empty one) gives an {@linkplain #isEmpty() empty} history. Before anything else every manifest's
     * C4 id is checked against {@code ascmhl_chain.xml}.
     *
     * @param scopeRoot the scope folder, e.g. {@code /Volumes/RAID/Day01/A002R2EC}
     * @return the history
     * @throws MhlException if a manifest was modified, a chained manifest is missing, manifests exist
     *         without a chain, a manifest is not in the chain, or a file does not parse; the exception
     *         lists all problems
     * @throws IOException if the folder cannot be read
     */
    public static AscMhlHistory load(Path scopeRoot) throws IOException {
        HistoryReader.Result result = HistoryReader.read(scopeRoot);
        if (!result.problems().isEmpty()) {
            throw new MhlException(result.problems());
        }
        return result.history();
    }

    /** The scope folder. */
    public Path scopeRoot() {
        return scopeRoot;
    }

    /** The history folder {@code <scope>/ascmhl}. */
    public Path historyFolder() {
        return scopeRoot.resolve(AscMhl.HISTORY_FOLDER);
    }

    /** True if there is no generation yet. */
    public boolean isEmpty() {
        return manifests.isEmpty();
    }

    /** The chain entries, in sequence order. */
    public List<ChainEntry> chain() {
        return chain;
    }

    /** The manifests, in generation order. */
    public List<Manifest> manifests() {
        return manifests;
    }

    /** The highest generation number, 0 for an empty history. */
    public int latestGeneration() {
        return latestGeneration;
    }

    /** The number the next generation gets (1 for an empty history). */
    public int nextGeneration() {
        return latestGeneration + 1;
    }

    /** Every file path recorded in any generation, sorted. */
    public SortedSet<String> recordedPaths() {
        return Collections.unmodifiableSortedSet(recordedPaths);
    }

    /**
     * The latest original or verified hash per format for {@code path} (failed hashes are never
     * references). Empty if the path has no usable hash.
     */
    public Map<HashAlgorithm, HashValue> latestHashes(String path) {
        Map<HashAlgorithm, HashValue> m = latest.get(path);
        return m == null ? Map.of() : Collections.unmodifiableMap(m);
    }

    /** The latest original or verified hash of {@code algorithm} for {@code path}. */
    public Optional<HashValue> latestHash(String path, HashAlgorithm algorithm) {
        return Optional.ofNullable(latestHashes(path).get(algorithm));
    }

    /**
     * The hash to verify {@code path} against: the latest usable hash of the first format in
     * {@link AscMhl#VERIFICATION_PRIORITY} (md5, sha1, xxh128, xxh3, xxh64, c4) the history has.
     */
    public Optional<HashValue> referenceHash(String path) {
        Map<HashAlgorithm, HashValue> m = latestHashes(path);
        for (HashAlgorithm a : AscMhl.VERIFICATION_PRIORITY) {
            HashValue v = m.get(a);
            if (v != null) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /**
     * The ignore patterns in force: those of the latest generation plus
     * {@link AscMhl#DEFAULT_IGNORE_PATTERNS}, without duplicates.
     */
    public List<String> ignorePatterns() {
        Set<String> patterns = new LinkedHashSet<>(AscMhl.DEFAULT_IGNORE_PATTERNS);
        if (!manifests.isEmpty()) {
            patterns.addAll(manifests.get(manifests.size() - 1).processInfo().ignorePatterns());
        }
        return List.copyOf(patterns);
    }
}
