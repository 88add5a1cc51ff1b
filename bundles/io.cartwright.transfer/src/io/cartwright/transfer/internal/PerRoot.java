/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Runs one piece of end-of-job work per copy root (its ASC MHL seal) for all roots at the same time:
 * they are separate drives, and one after the other the seals only lengthen the end of every job
 * (tens of milliseconds each for a card of a few hundred files, mostly building the manifest). Roots
 * inside one another go one after the other, in their order, because the outer one's work reads what
 * lies under it.
 */
final class PerRoot {

    /** The work for the root at {@code index}. */
    interface Work<T> {
        T run(int index) throws IOException;
    }

    /** What one root's work returned, or the exception it ended with (then {@code value} is null). */
    record Outcome<T>(@Nullable T value, @Nullable Exception failure) {
    }

    private PerRoot() {
    }

    /** Runs {@code work} for every root and returns the outcomes in the order of {@code roots}. */
    static <T> List<Outcome<T>> run(List<Path> roots, Work<T> work) {
        @SuppressWarnings("unchecked")
        Outcome<T>[] outcomes = new Outcome[roots.size()];
        if (roots.size() < 2 || nested(roots)) {
            for (int i = 0; i < roots.size(); i++) {
                outcomes[i] = attempt(work, i);
            }
            return Arrays.asList(outcomes);
        }
        Error[] errors = new Error[roots.size()];
        List<Thread> others = new ArrayList<>();
        for (int i = 1; i < roots.size(); i++) {
            int index = i;
            others.add(Thread.ofPlatform().name("cartwright-seal-" + index).start(() -> {
                try {
                    outcomes[index] = attempt(work, index);
                } catch (Error e) {
                    errors[index] = e;
                }
            }));
        }
        try {
            outcomes[0] = attempt(work, 0);
        } finally {
            // the other roots' files are being written: never leave them half done
            others.forEach(Threads::joinUninterruptibly);
        }
        for (Error e : errors) {
            if (e != null) {
                throw e;
            }
        }
        return Arrays.asList(outcomes);
    }

    private static <T> Outcome<T> attempt(Work<T> work, int index) {
        try {
            return new Outcome<>(work.run(index), null);
        } catch (IOException | RuntimeException e) {
            return new Outcome<>(null, e);
        }
    }

    /** True if a root is another one (given twice) or lies inside another one. */
    private static boolean nested(List<Path> roots) {
        List<Path> absolute = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        for (int i = 0; i < absolute.size(); i++) {
            for (int j = 0; j < absolute.size(); j++) {
                if (i != j && absolute.get(i).startsWith(absolute.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }
}
