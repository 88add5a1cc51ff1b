/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.Nullable;

/**
 * A run's files in plan order, split in two by size so the readers can take them from two ends:
 * clips, which are bound by the drives' bandwidth, and sidecars no larger than one read buffer, which
 * are bound by latency (opening, journal commits, fsyncs). A reader of its own for the small ones
 * hides that latency behind the clips. Thread-safe; each file is handed out once.
 */
final class FileQueue {

    private final List<FileWork> large;
    private final List<FileWork> small;
    private final AtomicInteger nextLarge = new AtomicInteger();
    private final AtomicInteger nextSmall = new AtomicInteger();

    /** @param smallLimit the largest size, in bytes, that counts as small (one read of the card) */
    FileQueue(List<FileWork> work, long smallLimit) {
        this.large = work.stream().filter(w -> w.file.size() > smallLimit).toList();
        this.small = work.stream().filter(w -> w.file.size() <= smallLimit).toList();
    }

    int largeCount() {
        return large.size();
    }

    int smallCount() {
        return small.size();
    }

    /** The next large file, else the next small one; null when none is left. */
    @Nullable
    FileWork next() {
        FileWork w = take(large, nextLarge);
        return w != null ? w : nextSmall();
    }

    /** The next small file; null when none is left. */
    @Nullable
    FileWork nextSmall() {
        return take(small, nextSmall);
    }

    private static @Nullable FileWork take(List<FileWork> files, AtomicInteger next) {
        if (next.get() >= files.size()) {
            return null; // checked first so the counter does not climb once the list is used up
        }
        int i = next.getAndIncrement();
        return i < files.size() ? files.get(i) : null;
    }
}
