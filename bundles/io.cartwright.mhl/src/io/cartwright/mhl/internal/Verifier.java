/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import io.cartwright.hash.HashValue;
import io.cartwright.mhl.AscMhl;
import io.cartwright.mhl.AscMhlHistory;
import io.cartwright.mhl.HashMismatch;
import io.cartwright.mhl.HistoryProblem;
import io.cartwright.mhl.VerifyReport;

import org.eclipse.jdt.annotation.NonNullByDefault;

/** Implementation of {@link io.cartwright.mhl.AscMhlVerifier}: compares a scope with its history, read-only. */
public final class Verifier {
    private Verifier() {
    }

    public static VerifyReport verify(Path scopeRoot) throws IOException {
        Path scope = scopeRoot.toAbsolutePath().normalize();
        if (!Files.isDirectory(scope)) {
            throw new NotDirectoryException(scope.toString());
        }
        HistoryReader.Result read = HistoryReader.read(scope);
        AscMhlHistory history = read.history();
        List<HistoryProblem> problems = new ArrayList<>(read.problems());
        if (history.isEmpty() && problems.isEmpty()) {
            problems.add(new HistoryProblem(HistoryProblem.Kind.NO_HISTORY, null,
                    "No ASC MHL history in " + scope.resolve(AscMhl.HISTORY_FOLDER) + "; nothing to verify against"));
        }
        IgnoreMatcher ignore = new IgnoreMatcher(history.ignorePatterns());

        TreeMap<String, Path> present = new TreeMap<>();
        List<String> unreadable = new ArrayList<>();
        Files.walkFileTree(scope, new SimpleFileVisitor<>() {
            @Override
            @NonNullByDefault({}) // the JDK leaves the visitor's parameters unannotated
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String rel = PathNames.relative(scope, dir);
                return !rel.isEmpty() && ignore.isIgnored(rel, true) ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            @NonNullByDefault({})
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String rel = PathNames.relative(scope, file);
                boolean regular = attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(file);
                if (regular && !ignore.isIgnored(rel, false)) {
                    present.put(rel, file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            @NonNullByDefault({})
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                unreadable.add(PathNames.relative(scope, file) + ": " + exc);
                return FileVisitResult.CONTINUE;
            }
        });

        int verified = 0;
        List<HashMismatch> mismatched = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        for (var e : present.entrySet()) {
            Optional<HashValue> expected = history.referenceHash(e.getKey());
            if (expected.isEmpty()) {
                extra.add(e.getKey()); // not recorded, or recorded only with failed hashes
                continue;
            }
            try {
                HashValue actual = Hashing.hashFile(expected.get().algorithm(), e.getValue());
                if (Hashing.same(expected.get(), actual)) {
                    verified++;
                } else {
                    mismatched.add(new HashMismatch(e.getKey(), expected.get(), actual));
                }
            } catch (IOException ex) {
                unreadable.add(e.getKey() + ": " + ex);
            }
        }
        SortedSet<String> missing = new TreeSet<>();
        for (String recorded : history.recordedPaths()) {
            if (!present.containsKey(recorded) && !ignore.isIgnored(recorded, false)) {
                missing.add(recorded);
            }
        }
        unreadable.sort(null);
        return new VerifyReport(scope, problems, verified, mismatched, List.copyOf(missing), extra, unreadable);
    }
}
