/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl;

import java.util.List;

import io.cartwright.hash.HashAlgorithm;

/** Constants of the ASC MHL v2 format (names, namespaces, hash formats). Not instantiable. */
public final class AscMhl {
    /** Namespace of manifests ({@code <hashlist version="2.0">}). */
    public static final String MANIFEST_NAMESPACE = "urn:ASC:MHL:v2.0";
    /** Namespace of the chain file ({@code <ascmhldirectory>}). */
    public static final String CHAIN_NAMESPACE = "urn:ASC:MHL:DIRECTORY:v2.0";
    /** Name of the history folder inside a scope folder. */
    public static final String HISTORY_FOLDER = "ascmhl";
    /** Name of the chain file inside the history folder. */
    public static final String CHAIN_FILE = "ascmhl_chain.xml";
    /** Ignore patterns every generation written here carries (as the reference implementation does). */
    public static final List<String> DEFAULT_IGNORE_PATTERNS = List.of(".DS_Store", "ascmhl", "ascmhl/");
    /**
     * The hash formats ASC MHL knows, in the order the XSD requires inside an entry: c4, md5, sha1,
     * xxh128, xxh3, xxh64. {@link HashAlgorithm#SHA256} is not among them.
     */
    public static final List<HashAlgorithm> FORMAT_ORDER = List.of(HashAlgorithm.C4, HashAlgorithm.MD5,
            HashAlgorithm.SHA1, HashAlgorithm.XXH3_128, HashAlgorithm.XXH3_64, HashAlgorithm.XXH64);
    /** Preference when choosing which recorded format to verify against: md5, sha1, xxh128, xxh3, xxh64, c4. */
    public static final List<HashAlgorithm> VERIFICATION_PRIORITY = List.of(HashAlgorithm.MD5, HashAlgorithm.SHA1,
            HashAlgorithm.XXH3_128, HashAlgorithm.XXH3_64, HashAlgorithm.XXH64, HashAlgorithm.C4);

    private AscMhl() {
    }

    /**
     * True if a file of this name (or relative path) can be listed in a manifest: XML 1.0 has no way
     * to write most control characters, and a manifest path never holds any.
     *
     * @since 1.1
     */
    public static boolean canRecord(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < 0x20) {
                return false;
            }
        }
        return true;
    }

    /** True if {@code algorithm} can be written into an ASC MHL manifest (everything except sha256). */
    public static boolean isSupported(HashAlgorithm algorithm) {
        return FORMAT_ORDER.contains(algorithm);
    }
}
