/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.HashValue;

/**
 * Content and structure hash of one directory for one algorithm (ASC MHL Appendix G). Feed every
 * child, then read {@link #content()} and {@link #structure()}:
 * <ul>
 * <li>content = H(raw bytes of the children's hashes, sorted by their text), where a file contributes
 * its hash and a directory its content hash;</li>
 * <li>structure = H(raw bytes of the sorted texts of H(utf8(name) ‖ raw child hash)), using the file
 * hash for files and the structure hash for directories.</li>
 * </ul>
 * An empty directory hashes the empty input. Not thread-safe.
 */
public final class DirectoryHasher {
    private final HashAlgorithm algorithm;
    private final List<HashValue> contents = new ArrayList<>();
    private final List<HashValue> structures = new ArrayList<>();

    public DirectoryHasher(HashAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    /** Adds a file child by its name (not path) and its hash. */
    public void addFile(String name, HashValue fileHash) {
        check(fileHash);
        contents.add(fileHash);
        structures.add(nameHash(name, fileHash));
    }

    /** Adds a directory child by its name and its content and structure hashes. */
    public void addDirectory(String name, HashValue content, HashValue structure) {
        check(content);
        check(structure);
        contents.add(content);
        structures.add(nameHash(name, structure));
    }

    /** The content hash of the children added so far. */
    public HashValue content() {
        return hashOfList(contents);
    }

    /** The structure hash of the children added so far. */
    public HashValue structure() {
        return hashOfList(structures);
    }

    private HashValue nameHash(String name, HashValue child) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] hashBytes = Hashing.bytes(child);
        byte[] data = new byte[nameBytes.length + hashBytes.length];
        System.arraycopy(nameBytes, 0, data, 0, nameBytes.length);
        System.arraycopy(hashBytes, 0, data, nameBytes.length, hashBytes.length);
        return Hashing.hash(algorithm, data);
    }

    private HashValue hashOfList(List<HashValue> list) {
        List<String> texts = new ArrayList<>(list.size());
        for (HashValue v : list) {
            texts.add(v.text());
        }
        texts.sort(null);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (String t : texts) {
            data.writeBytes(Hashing.bytes(new HashValue(algorithm, t)));
        }
        return Hashing.hash(algorithm, data.toByteArray());
    }

    private void check(HashValue v) {
        if (v.algorithm() != algorithm) {
            throw new IllegalArgumentException("Expected a " + algorithm.id() + " hash, got " + v);
        }
    }
}
