/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl;

import java.io.IOException;

import io.cartwright.mhl.internal.GenerationWriter;

/**
 * Appends one generation to a scope's ASC MHL history: writes
 * {@code ascmhl/NNNN_<folder>_<YYYY-MM-DD>_<HHMMSS>Z.mhl} and rewrites {@code ascmhl_chain.xml}.
 *
 * <p>For each file of the request every hash is written in XSD order (c4, md5, sha1, xxh128, xxh3,
 * xxh64) with action {@code original} if the history has no usable hash of that format for the path,
 * else {@code verified} or {@code failed} after comparing. A format new to a known path is
 * {@code verified} only if another format of the same file was verified now, otherwise {@code failed}
 * (it cannot become a reference for a copy that did not verify). <b>SHA-256 is not an ASC MHL format
 * and is silently left out</b>; a file with no other hash is rejected. Paths matching the ignore
 * patterns are left out too. Directory hashes for every directory and the root hash are computed per
 * ASC MHL Appendix G over the algorithms all non-failed files share; failed files are left out of them.
 *
 * <p>The manifest is written to a temporary name, forced to disk and renamed; an existing manifest is
 * never overwritten. The chain is then replaced the same way. Stateless and thread-safe, but callers
 * must not append to the same scope from two threads or processes at once.
 */
public final class AscMhlWriter {
    private AscMhlWriter() {
    }

    /**
     * Loads the history of {@code request.scopeRoot()} (checking the chain), then writes the next
     * generation.
     *
     * @param request what to record
     * @return the manifest written and the verification counts
     * @throws MhlException if the existing history is damaged (nothing is written) or the manifest
     *         name is already taken
     * @throws IOException if writing fails
     * @throws IllegalArgumentException for an invalid or duplicate path, or a file without any ASC MHL hash
     */
    public static GenerationResult write(GenerationRequest request) throws IOException {
        return GenerationWriter.write(request);
    }

    /**
     * Writes the next generation on top of an already loaded history (which must be current).
     *
     * @see #write(GenerationRequest)
     */
    public static GenerationResult write(AscMhlHistory history, GenerationRequest request) throws IOException {
        return GenerationWriter.write(history, request);
    }
}
