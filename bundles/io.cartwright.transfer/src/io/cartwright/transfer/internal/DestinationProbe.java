/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds out how a destination folder treats names by creating hidden probe files there: whether it
 * ignores case or Unicode normalisation (one file looked up under another spelling; names on the
 * card that differ only that way would overwrite each other there, so the engine fails the second
 * one instead), and which characters it refuses (exFAT, FAT and NTFS refuse {@code "*:<>?\|} and
 * control characters, which a folder from a Mac or Linux machine may well have; such a file fails
 * alone, with its name and the character, instead of failing the destination when it is written).
 */
final class DestinationProbe {

    /** Stands for every control character among {@link #CANDIDATES}. */
    static final char CONTROL = '\u0001';

    /** The characters tried: those that Windows filesystems refuse and POSIX ones allow. */
    static final String CANDIDATES = "\"*:<>?\\|" + CONTROL;

    private DestinationProbe() {
    }

    /** Probes {@code folder} (which must exist and be writable); the probe files are removed again. */
    static DestinationTraits probe(Path folder) throws IOException {
        String tag = probeName() + "-";
        // "Ab\u00e9" written in NFC; looked up in upper case and in NFD ("e" + combining acute).
        Path probe = folder.resolve(tag + "Ab\u00e9");
        Files.createFile(probe);
        try {
            boolean caseInsensitive = Files.exists(folder.resolve(tag + "AB\u00e9"));
            boolean normalising = Files.exists(folder.resolve(tag + "Abe\u0301"));
            return new DestinationTraits(caseInsensitive, normalising, refused(folder, tag));
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /** True if a file can be created (and removed) in {@code folder} now: the drive is there and writable. */
    static boolean writable(Path folder) {
        return canCreate(folder, probeName());
    }

    private static String refused(Path folder, String tag) {
        StringBuilder refused = new StringBuilder();
        for (char c : CANDIDATES.toCharArray()) {
            if (!canCreate(folder, tag + c)) {
                refused.append(c);
            }
        }
        return refused.toString();
    }

    /** Creates and removes {@code name} in {@code folder}; false if either fails. */
    private static boolean canCreate(Path folder, String name) {
        try {
            Path probe = folder.resolve(name);
            Files.createFile(probe);
            Files.delete(probe);
            return true;
        } catch (IOException | InvalidPathException e) { // InvalidPathException: the platform's paths cannot hold it
            return false;
        }
    }

    private static String probeName() {
        return ".cwprobe-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    }
}
