/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One generation of an ASC MHL history: the content of one {@code NNNN_<folder>_<date>_<time>Z.mhl}
 * file. Immutable.
 *
 * @param fileName manifest file name inside the {@code ascmhl} folder
 * @param generation generation number (the file name's leading digits)
 * @param creatorInfo who wrote it
 * @param processInfo what was done, root hash and ignore patterns
 * @param entries file and directory entries in manifest order
 * @param references references to nested histories' manifests
 */
public record Manifest(String fileName, int generation, CreatorInfo creatorInfo, ProcessInfo processInfo,
        List<ManifestEntry> entries, List<HashListReference> references) {
    public Manifest {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(creatorInfo, "creatorInfo");
        Objects.requireNonNull(processInfo, "processInfo");
        entries = List.copyOf(entries);
        references = List.copyOf(references);
    }

    /** The file entries, in manifest order. */
    public List<FileHashEntry> files() {
        return entries.stream().filter(FileHashEntry.class::isInstance).map(FileHashEntry.class::cast).toList();
    }

    /** The directory entries, in manifest order. */
    public List<DirectoryHashEntry> directories() {
        return entries.stream().filter(DirectoryHashEntry.class::isInstance).map(DirectoryHashEntry.class::cast)
                .toList();
    }

    /** The file entry for {@code path}, if this generation has one. */
    public Optional<FileHashEntry> file(String path) {
        return files().stream().filter(f -> f.path().equals(path)).findFirst();
    }

    /** The directory entry for {@code path}, if this generation has one. */
    public Optional<DirectoryHashEntry> directory(String path) {
        return directories().stream().filter(d -> d.path().equals(path)).findFirst();
    }
}
