/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.HashValue;

import org.eclipse.jdt.annotation.Nullable;

/**
 * What a run does with one source file, decided by {@link Planner} before any byte moves: which
 * destinations need a copy, which already hold a verified one, and which fail or keep their file by
 * the conflict policy. Mutable only while planning; then handed to one worker.
 */
final class FileWork {

    /** A per-destination decision that needs no reading. */
    record Decision(Destination destination, Path finalPath, String reason) {
    }

    /** A verified copy journalled by another job, taken over for this one. */
    record Adoption(Destination destination, Path finalPath, EarlierCopy earlier) {
    }

    final ScannedFile file;
    final long fileId;
    final int attempts;
    final List<Target> targets = new ArrayList<>();
    final List<Adoption> adopt = new ArrayList<>();
    final List<Decision> failAtPlan = new ArrayList<>();
    final List<Decision> keep = new ArrayList<>();
    /** True when the journal already says done and every copy checked out: nothing to do or write. */
    boolean alreadyDone;
    long checkpointOffset;
    byte @Nullable [] checkpointState;
    /** Hashes of a complete earlier read whose copies may only need verifying; null otherwise. */
    @Nullable
    Map<HashAlgorithm, HashValue> storedSourceHashes;

    FileWork(ScannedFile file, long fileId, int attempts) {
        this.file = file;
        this.fileId = fileId;
        this.attempts = attempts;
    }

    String rel() {
        return file.relativePath();
    }

    /** Bytes this run will write to {@code d} (less a checkpointed prefix that is already there). */
    long bytesToWrite(Destination d) {
        for (Target t : targets) {
            if (t.destination() == d && t.writes()) {
                return file.size() - checkpointOffset;
            }
        }
        return 0;
    }

}
