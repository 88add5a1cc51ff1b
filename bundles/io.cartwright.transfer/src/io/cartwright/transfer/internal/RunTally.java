/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.cartwright.transfer.Problem;

/** The counts and problems of one run, filled by the workers. Thread-safe. */
final class RunTally {

    final AtomicInteger filesCopied = new AtomicInteger();
    final AtomicInteger filesSkippedVerified = new AtomicInteger();
    final AtomicInteger filesFailed = new AtomicInteger();
    final AtomicLong bytesCopied = new AtomicLong();
    final AtomicLong bytesResumed = new AtomicLong();
    private final ConcurrentLinkedQueue<Problem> failures = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Problem> warnings = new ConcurrentLinkedQueue<>();

    void failure(Problem p) {
        failures.add(p);
    }

    void warning(Problem p) {
        warnings.add(p);
    }

    /** The failures by path: files complete in parallel, but a summary reads the same every time. */
    List<Problem> failures() {
        return byPath(failures);
    }

    /** The warnings in the order they were reported to the listener. */
    List<Problem> warnings() {
        return List.copyOf(warnings);
    }

    private static List<Problem> byPath(Collection<Problem> problems) {
        return problems.stream().sorted(Comparator.comparing(Problem::path)).toList(); // stable
    }
}
