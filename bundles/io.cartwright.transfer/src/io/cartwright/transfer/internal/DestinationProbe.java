/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds out whether a destination folder ignores case or Unicode normalisation by creating one
 * hidden probe file and looking it up under another spelling. Names on the card that differ only
 * that way would overwrite each other there, so the engine fails the second one instead.
 */
final class DestinationProbe {

    private DestinationProbe() {
    }

    /** Probes {@code folder} (which must exist and be writable); the probe file is removed again. */
    static DestinationTraits probe(Path folder) throws IOException {
        String tag = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        // "Ab\u00e9" written in NFC; looked up in upper case and in NFD ("e" + combining acute).
        Path probe = folder.resolve(".cwprobe-" + tag + "-Ab\u00e9");
        Files.createFile(probe);
        try {
            boolean caseInsensitive = Files.exists(folder.resolve(".cwprobe-" + tag + "-AB\u00e9"));
            boolean normalising = Files.exists(folder.resolve(".cwprobe-" + tag + "-Abe\u0301"));
            return new DestinationTraits(caseInsensitive, normalising);
        } finally {
            Files.deleteIfExists(probe);
        }
    }
}
