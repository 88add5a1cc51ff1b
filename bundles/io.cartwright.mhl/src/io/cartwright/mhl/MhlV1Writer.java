/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.cartwright.mhl.internal.MhlV1Xml;

/**
 * Writes classic MHL v1.1 files ({@code <hashlist version="1.1">}, the format of Pomfort's
 * {@code mhl-tool}, still the default in Silverstack) for a flat list of files. Per entry the elements
 * are {@code file}, {@code size}, {@code creationdate}?, {@code lastmodificationdate}, then
 * {@code md5}, {@code sha1}, {@code xxhash64be} (XXH64, big-endian hex) as available, then
 * {@code hashdate}. Other algorithms (xxh3, xxh128, sha256, c4) do not exist in MHL v1 and are left
 * out; an entry with none of the three is rejected. The file must sit in the folder the paths are
 * relative to. Stateless and thread-safe.
 */
public final class MhlV1Writer {
    private MhlV1Writer() {
    }

    /**
     * The conventional file name {@code <folder>_<YYYY-MM-DD>_<HHMMSS>.mhl} (UTC).
     *
     * @param folderName name of the folder the MHL file describes
     * @param startTime start of the operation
     */
    public static String fileName(String folderName, Instant startTime) {
        return MhlV1Xml.fileName(folderName, startTime);
    }

    /**
     * The MHL v1.1 document, UTF-8 encoded.
     *
     * @throws IllegalArgumentException if an entry has no md5, sha1 or xxh64 hash
     */
    public static byte[] toBytes(MhlV1Creator creator, List<MhlV1Entry> entries) {
        return MhlV1Xml.toBytes(creator, entries);
    }

    /**
     * Writes the document to {@code file} (temporary name, forced to disk, renamed). An existing file
     * is not overwritten.
     *
     * @return {@code file}
     * @throws java.nio.file.FileAlreadyExistsException if {@code file} exists
     * @throws IOException if writing fails
     */
    public static Path write(Path file, MhlV1Creator creator, List<MhlV1Entry> entries) throws IOException {
        return MhlV1Xml.write(file, creator, entries);
    }
}
