/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl;

import java.io.IOException;
import java.nio.file.Path;

import io.cartwright.mhl.internal.Verifier;

/**
 * Checks a scope folder against its ASC MHL history without writing anything (the reference's
 * {@code ascmhl-debug verify}). The chain is checked first; problems there are reported, and files are
 * still compared against the manifests that could be read. Every file under the scope (minus the
 * ignore patterns) is hashed once, with the first format of {@link AscMhl#VERIFICATION_PRIORITY} that
 * the history has for it. Directory hashes are not checked. Stateless and thread-safe.
 */
public final class AscMhlVerifier {
    private AscMhlVerifier() {
    }

    /**
     * Verifies {@code scopeRoot}.
     *
     * @param scopeRoot the scope folder (containing {@code ascmhl/})
     * @return the report; {@link VerifyReport#ok()} is false if anything is wrong, including a missing history
     * @throws IOException if the scope folder cannot be walked
     */
    public static VerifyReport verify(Path scopeRoot) throws IOException {
        return Verifier.verify(scopeRoot);
    }
}
