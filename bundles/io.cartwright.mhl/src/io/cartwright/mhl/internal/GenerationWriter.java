/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.HashValue;
import io.cartwright.mhl.AscMhl;
import io.cartwright.mhl.AscMhlHistory;
import io.cartwright.mhl.ChainEntry;
import io.cartwright.mhl.DirectoryHashEntry;
import io.cartwright.mhl.FileHashEntry;
import io.cartwright.mhl.GenerationRequest;
import io.cartwright.mhl.GenerationResult;
import io.cartwright.mhl.HashAction;
import io.cartwright.mhl.HashMismatch;
import io.cartwright.mhl.HashedFile;
import io.cartwright.mhl.Manifest;
import io.cartwright.mhl.ManifestEntry;
import io.cartwright.mhl.MhlException;
import io.cartwright.mhl.ProcessInfo;
import io.cartwright.mhl.RecordedHash;
import io.cartwright.mhl.RootHash;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jdt.annotation.NonNullByDefault;

/** Implementation of {@link io.cartwright.mhl.AscMhlWriter}; see there for the rules. */
public final class GenerationWriter {

    /** One file of the request after comparing with the history. */
    private record FileState(FileHashEntry entry, Map<HashAlgorithm, HashValue> hashes, boolean failed,
            boolean verified, List<HashMismatch> mismatches) {
    }

    /** Children of one directory, names in code point order. */
    private static final class DirNode {
        final TreeSet<String> directories = new TreeSet<>(PathNames.CODE_POINT_ORDER);
        final TreeSet<String> files = new TreeSet<>(PathNames.CODE_POINT_ORDER);
    }

    /** Content and structure hash of a directory per algorithm. */
    private record DirHashes(Map<HashAlgorithm, HashValue> content, Map<HashAlgorithm, HashValue> structure) {
    }

    private GenerationWriter() {
    }

    public static GenerationResult write(GenerationRequest request) throws IOException {
        return write(AscMhlHistory.load(request.scopeRoot()), request);
    }

    public static GenerationResult write(AscMhlHistory history, GenerationRequest request) throws IOException {
        Path scope = request.scopeRoot().toAbsolutePath().normalize();
        if (!history.scopeRoot().toAbsolutePath().normalize().equals(scope)) {
            throw new IllegalArgumentException(
                    "The history belongs to " + history.scopeRoot() + ", not to " + request.scopeRoot());
        }
        if (!Files.isDirectory(scope)) {
            throw new NotDirectoryException(scope.toString());
        }
        if (scope.getFileName() == null) {
            throw new IllegalArgumentException("A file system root cannot be an ASC MHL scope: " + scope);
        }
        Instant start = request.startTime();

        Set<String> patternSet = new LinkedHashSet<>(history.ignorePatterns());
        patternSet.addAll(request.extraIgnorePatterns());
        List<String> patterns = List.copyOf(patternSet);
        IgnoreMatcher ignore = new IgnoreMatcher(patterns);

        Map<String, FileState> files = new HashMap<>();
        for (HashedFile f : request.files()) {
            String path = PathNames.checkRelative(f.path());
            if (ignore.isIgnored(path, false)) {
                continue;
            }
            if (files.put(path, evaluate(history, f, path, start)) != null) {
                throw new IllegalArgumentException("Path listed twice: " + path);
            }
        }

        Map<String, DirNode> tree = buildTree(scope, files.keySet(), ignore);
        List<HashAlgorithm> formats = directoryFormats(files);

        List<ManifestEntry> entries = new ArrayList<>();
        List<HashMismatch> failures = new ArrayList<>();
        DirHashes root = visit(scope, "", tree, files, formats, start, entries, failures);
        RootHash rootHash = formats.isEmpty() ? null
                : new RootHash(List.copyOf(root.content().values()), List.copyOf(root.structure().values()), start);

        int original = 0;
        int verified = 0;
        int failed = 0;
        for (FileState s : files.values()) {
            if (s.failed()) {
                failed++;
            } else if (s.verified()) {
                verified++;
            } else {
                original++;
            }
        }
        List<String> missing = new ArrayList<>();
        for (String recorded : history.recordedPaths()) {
            if (!files.containsKey(recorded) && !ignore.isIgnored(recorded, false)) {
                missing.add(recorded);
            }
        }

        int generation = history.nextGeneration();
        String name = String.format("%04d_%s_%sZ.mhl", generation, scope.getFileName(), Dates.name(start));
        Manifest manifest = new Manifest(name, generation, request.creatorInfo(),
                new ProcessInfo(request.process(), rootHash, patterns), entries, List.of());
        byte[] data = ManifestXml.write(manifest);
        String c4 = Hashing.c4(data);

        Path folder = scope.resolve(AscMhl.HISTORY_FOLDER);
        Files.createDirectories(folder);
        checkChainUnchanged(history, folder);
        Path target = folder.resolve(name);
        try {
            AtomicFiles.writeNew(target, data);
        } catch (FileAlreadyExistsException e) {
            throw new MhlException("Manifest " + target + " already exists; an ASC MHL manifest is never overwritten");
        }
        List<ChainEntry> chain = new ArrayList<>(history.chain());
        chain.add(new ChainEntry(generation, name, c4));
        AtomicFiles.replace(folder.resolve(AscMhl.CHAIN_FILE), ManifestXml.writeChain(chain));

        return new GenerationResult(target, generation, c4, original, verified, failed, failures, missing);
    }

    private static FileState evaluate(AscMhlHistory history, HashedFile f, String path, Instant start) {
        Map<HashAlgorithm, HashValue> hashes = new EnumMap<>(HashAlgorithm.class);
        for (HashValue h : f.hashes()) {
            if (!AscMhl.isSupported(h.algorithm())) {
                continue; // sha256 is not an ASC MHL format
            }
            if (hashes.put(h.algorithm(), h) != null) {
                throw new IllegalArgumentException("Two " + h.algorithm().id() + " hashes for " + path);
            }
        }
        if (hashes.isEmpty()) {
            throw new IllegalArgumentException("No ASC MHL hash format for " + path
                    + " (sha256 cannot be recorded; use xxh3, xxh128, xxh64, md5, sha1 or c4)");
        }
        Map<HashAlgorithm, HashValue> known = history.latestHashes(path);
        Map<HashAlgorithm, HashAction> actions = new EnumMap<>(HashAlgorithm.class);
        List<HashMismatch> mismatches = new ArrayList<>();
        boolean anyVerified = false;
        boolean anyFailed = false;
        for (HashValue h : hashes.values()) {
            HashValue recorded = known.get(h.algorithm());
            if (known.isEmpty()) {
                actions.put(h.algorithm(), HashAction.ORIGINAL);
            } else if (recorded != null) {
                if (Hashing.same(recorded, h)) {
                    actions.put(h.algorithm(), HashAction.VERIFIED);
                    anyVerified = true;
                } else {
                    actions.put(h.algorithm(), HashAction.FAILED);
                    mismatches.add(new HashMismatch(path, recorded, h));
                    anyFailed = true;
                }
            }
        }
        // Formats new to a known path: trusted only as far as the recorded formats were confirmed now.
        HashAction forNewFormats = anyFailed ? HashAction.FAILED : anyVerified ? HashAction.VERIFIED : HashAction.ORIGINAL;
        Instant hashDate = f.hashDate() != null ? f.hashDate() : start;
        List<RecordedHash> recordedHashes = new ArrayList<>();
        for (HashValue h : hashes.values()) {
            recordedHashes.add(new RecordedHash(h, actions.getOrDefault(h.algorithm(), forNewFormats), hashDate));
        }
        recordedHashes.sort((a, b) -> Integer.compare(AscMhl.FORMAT_ORDER.indexOf(a.value().algorithm()),
                AscMhl.FORMAT_ORDER.indexOf(b.value().algorithm())));
        FileHashEntry entry = new FileHashEntry(path, f.size(), f.creationDate(), f.lastModified(), recordedHashes);
        return new FileState(entry, hashes, anyFailed, anyVerified, mismatches);
    }

    /** Directories: ancestors of the files plus every non-ignored directory found under the scope. */
    private static Map<String, DirNode> buildTree(Path scope, Set<String> filePaths, IgnoreMatcher ignore)
            throws IOException {
        Map<String, DirNode> tree = new HashMap<>();
        tree.put("", new DirNode());
        for (String path : filePaths) {
            String parent = PathNames.parent(path);
            addDirectory(tree, parent);
            tree.get(parent).files.add(PathNames.name(path));
        }
        Files.walkFileTree(scope, new SimpleFileVisitor<>() {
            @Override
            @NonNullByDefault({}) // the JDK leaves the visitor's parameters unannotated
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String rel = PathNames.relative(scope, dir);
                if (rel.isEmpty()) {
                    return FileVisitResult.CONTINUE;
                }
                if (ignore.isIgnored(rel, true)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                addDirectory(tree, rel);
                return FileVisitResult.CONTINUE;
            }

            @Override
            @NonNullByDefault({})
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE; // an unreadable directory only lacks its empty subdirectories
            }
        });
        return tree;
    }

    private static void addDirectory(Map<String, DirNode> tree, String dir) {
        while (!tree.containsKey(dir)) {
            tree.put(dir, new DirNode());
            String parent = PathNames.parent(dir);
            addDirectory(tree, parent);
            tree.get(parent).directories.add(PathNames.name(dir));
            dir = parent;
        }
    }

    /** The algorithms every non-failed file has (all files if every one failed), in XSD order. */
    private static List<HashAlgorithm> directoryFormats(Map<String, FileState> files) {
        Set<HashAlgorithm> common = null;
        boolean anyUsable = files.values().stream().anyMatch(s -> !s.failed());
        for (FileState s : files.values()) {
            if (anyUsable && s.failed()) {
                continue;
            }
            if (common == null) {
                common = EnumSet.copyOf(s.hashes().keySet());
            } else {
                common.retainAll(s.hashes().keySet());
            }
        }
        if (common == null) {
            return List.of();
        }
        List<HashAlgorithm> ordered = new ArrayList<>();
        for (HashAlgorithm a : AscMhl.FORMAT_ORDER) {
            if (common.contains(a)) {
                ordered.add(a);
            }
        }
        return ordered;
    }

    /**
     * Emits a directory's entries in the reference order (subdirectories first, then its files, then
     * the directory itself) and returns its hashes.
     */
    private static DirHashes visit(Path scope, String dir, Map<String, DirNode> tree, Map<String, FileState> files,
            List<HashAlgorithm> formats, Instant start, List<ManifestEntry> entries, List<HashMismatch> failures) {
        DirNode node = tree.get(dir);
        Map<HashAlgorithm, DirectoryHasher> hashers = new EnumMap<>(HashAlgorithm.class);
        for (HashAlgorithm a : formats) {
            hashers.put(a, new DirectoryHasher(a));
        }
        for (String name : node.directories) {
            String child = dir.isEmpty() ? name : dir + "/" + name;
            DirHashes h = visit(scope, child, tree, files, formats, start, entries, failures);
            for (HashAlgorithm a : formats) {
                hashers.get(a).addDirectory(name, h.content().get(a), h.structure().get(a));
            }
        }
        for (String name : node.files) {
            FileState s = files.get(dir.isEmpty() ? name : dir + "/" + name);
            entries.add(s.entry());
            failures.addAll(s.mismatches());
            if (!s.failed()) {
                for (HashAlgorithm a : formats) {
                    hashers.get(a).addFile(name, s.hashes().get(a));
                }
            }
        }
        Map<HashAlgorithm, HashValue> content = new LinkedHashMap<>(); // formats are in XSD order
        Map<HashAlgorithm, HashValue> structure = new LinkedHashMap<>();
        for (HashAlgorithm a : formats) {
            content.put(a, hashers.get(a).content());
            structure.put(a, hashers.get(a).structure());
        }
        if (!dir.isEmpty() && !formats.isEmpty()) {
            entries.add(new DirectoryHashEntry(dir, null, modified(PathNames.resolve(scope, dir)),
                    List.copyOf(content.values()), List.copyOf(structure.values()), start));
        }
        return new DirHashes(content, structure);
    }

    private static @Nullable Instant modified(Path dir) {
        try {
            return Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS).toInstant();
        } catch (IOException e) {
            return null;
        }
    }

    /** Refuses to append if someone wrote a generation since {@code history} was loaded. */
    private static void checkChainUnchanged(AscMhlHistory history, Path folder) throws IOException {
        Path chainFile = folder.resolve(AscMhl.CHAIN_FILE);
        List<ChainEntry> current = Files.exists(chainFile) ? ManifestXml.parseChain(Files.readAllBytes(chainFile))
                : List.of();
        if (!current.equals(history.chain())) {
            throw new MhlException("The history in " + folder
                    + " changed since it was loaded (another generation was written); reload it and try again");
        }
    }
}
