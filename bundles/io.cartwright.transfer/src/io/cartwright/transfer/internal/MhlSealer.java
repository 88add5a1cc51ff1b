/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.transfer.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import io.cartwright.hash.HashValue;
import io.cartwright.mhl.AscMhl;
import io.cartwright.mhl.AscMhlWriter;
import io.cartwright.mhl.Author;
import io.cartwright.mhl.CreatorInfo;
import io.cartwright.mhl.GenerationRequest;
import io.cartwright.mhl.GenerationResult;
import io.cartwright.mhl.HashedFile;
import io.cartwright.mhl.ProcessType;
import io.cartwright.transfer.OffloadRequest;
import io.cartwright.transfer.VerifiedCopy;
import io.cartwright.transfer.VerifiedFile;

/**
 * Seals a finished copy with the next ASC MHL generation in {@code <copy root>/ascmhl/}. A history the
 * card already carried was copied with it, so the new generation continues it: files it knew are
 * marked verified (or failed), new ones original.
 */
final class MhlSealer {

    private MhlSealer() {
    }

    /**
     * @param destination index of the destination in the job
     * @param root that destination's copy root
     * @param files every verified file of the job
     * @param request the job's request (source and destinations go into the creator comment)
     * @param started when the job was created: ASC MHL names a generation after its operation's start
     */
    static GenerationResult seal(int destination, Path root, List<VerifiedFile> files, OffloadRequest request,
            Instant started) throws IOException {
        return seal(destination, root, root, files, request, started, true);
    }

    /**
     * Seals every ASC MHL scope of a destination: the destination root without a routing plan; with
     * one, each of the request's {@link OffloadRequest#sealScopes() scopes} that received copies, and
     * the destination root for copies outside every scope. A copy belongs to the longest scope that
     * contains it.
     *
     * @return one generation per scope sealed, in scope order (the destination root last)
     */
    static List<GenerationResult> sealAll(int destination, Path root, List<VerifiedFile> files,
            OffloadRequest request, Instant started) throws IOException {
        if (!request.planned()) {
            return List.of(seal(destination, root, files, request, started));
        }
        List<String> scopes = request.sealScopes().stream()
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        java.util.Map<Path, List<VerifiedFile>> byScope = new java.util.TreeMap<>(
                java.util.Comparator.comparing((Path p) -> p.equals(root)).thenComparing(Path::toString));
        for (VerifiedFile f : files) {
            for (VerifiedCopy copy : f.copies()) {
                if (copy.destination() != destination) {
                    continue;
                }
                Path scope = root;
                for (String s : scopes) {
                    Path candidate = root.resolve(s);
                    if (copy.file().startsWith(candidate) && !copy.file().equals(candidate)) {
                        scope = candidate;
                        break;
                    }
                }
                byScope.computeIfAbsent(scope, k -> new ArrayList<>()).add(f);
            }
        }
        List<GenerationResult> results = new ArrayList<>();
        for (java.util.Map.Entry<Path, List<VerifiedFile>> e : byScope.entrySet()) {
            results.add(seal(destination, root, e.getKey(), e.getValue(), request, started, false));
        }
        return results;
    }

    private static GenerationResult seal(int destination, Path root, Path scope, List<VerifiedFile> files,
            OffloadRequest request, Instant started, boolean adoptCardHistory) throws IOException {
        List<HashedFile> hashed = new ArrayList<>();
        for (VerifiedFile f : files) {
            for (VerifiedCopy copy : f.copies()) {
                if (copy.destination() != destination || !copy.file().startsWith(scope)) {
                    continue;
                }
                String rel = scope.relativize(copy.file()).toString().replace('\\', '/');
                if (rel.equals(AscMhl.HISTORY_FOLDER) || rel.startsWith(AscMhl.HISTORY_FOLDER + "/")) {
                    continue; // the history copied from the card is not content of the history
                }
                List<HashValue> values = f.hashes().values().stream().filter(v -> AscMhl.isSupported(v.algorithm()))
                        .toList();
                if (values.isEmpty()) {
                    throw new IOException("ASC MHL has none of the hash formats of this offload ("
                            + f.hashes().keySet() + "); add xxh3, xxh128, xxh64, md5, sha1 or c4 with --hash.");
                }
                hashed.add(new HashedFile(rel, f.size(), f.modified(), values));
            }
        }
        if (adoptCardHistory) {
            adoptCardHistory(request.source(), root);
        }
        // Guidelines §2.2: name the operator and put the absolute source and destinations in the comment.
        CreatorInfo creator = new CreatorInfo(Instant.now(), HostName.get(), "Cartwright", toolVersion(),
                List.of(Author.of(System.getProperty("user.name", "unknown"), "Data Wrangler")), "",
                "Offload from " + request.source() + " to "
                        + String.join(", ", request.destinations().stream().map(Path::toString).toList()));
        return AscMhlWriter.write(new GenerationRequest(scope, ProcessType.TRANSFER, creator, started, hashed));
    }

    /**
     * A card that carries an ASC MHL history (a copy of a copy) brings it along: its manifests and
     * chain are copied into a copy root that has no history yet, and the new generation continues it
     * (the writer checks every manifest's C4 against the chain first). A root that already has a
     * history keeps its own.
     */
    private static void adoptCardHistory(Path source, Path root) throws IOException {
        Path cardHistory = source.resolve(AscMhl.HISTORY_FOLDER);
        Path history = root.resolve(AscMhl.HISTORY_FOLDER);
        if (!Files.isDirectory(cardHistory, LinkOption.NOFOLLOW_LINKS) || Files.exists(history)) {
            return;
        }
        Path staging = root.resolve("." + AscMhl.HISTORY_FOLDER + ".cwpart");
        deleteTree(staging);
        Files.createDirectories(staging);
        try (Stream<Path> entries = Files.list(cardHistory)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Path target = staging.resolve(p.getFileName().toString());
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                    try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
                        ch.force(true);
                    }
                }
            }
        }
        // The history appears whole or not at all.
        Files.move(staging, history, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    private static String toolVersion() {
        Bundle bundle = FrameworkUtil.getBundle(MhlSealer.class);
        return bundle != null ? bundle.getVersion().toString() : "dev";
    }
}
