/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** End-of-job work per copy root: separate roots at the same time, nested ones in turn, every outcome kept. */
class PerRootTest {

    @Test
    void separateRootsAreWorkedOnAtTheSameTime() {
        List<Path> roots = List.of(Path.of("/mnt/a/card"), Path.of("/mnt/b/card"), Path.of("/mnt/c/card"));
        // Each piece of work waits until all three have started: one after the other, this times out.
        CyclicBarrier allStarted = new CyclicBarrier(3);
        List<PerRoot.Outcome<String>> outcomes = PerRoot.run(roots, i -> {
            try {
                allStarted.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IOException("not all roots at once: " + e, e);
            }
            return "sealed " + roots.get(i);
        });
        assertEquals(List.of("sealed /mnt/a/card", "sealed /mnt/b/card", "sealed /mnt/c/card"),
                outcomes.stream().map(PerRoot.Outcome::value).toList(), "in the roots' order: " + outcomes);
        outcomes.forEach(o -> assertNull(o.failure()));
    }

    @Test
    void rootsInsideOneAnotherOrGivenTwiceGoInTurn() {
        for (List<Path> roots : List.of(List.of(Path.of("/mnt/a/card"), Path.of("/mnt/a/card/backup/card")),
                List.of(Path.of("/mnt/a/card/backup/card"), Path.of("/mnt/a/card")),
                List.of(Path.of("/mnt/a/card"), Path.of("/mnt/b/card"), Path.of("/mnt/a/../a/card")))) {
            AtomicInteger running = new AtomicInteger();
            AtomicInteger mostAtOnce = new AtomicInteger();
            StringBuilder order = new StringBuilder();
            List<PerRoot.Outcome<Integer>> outcomes = PerRoot.run(roots, i -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                synchronized (order) {
                    order.append(i);
                }
                running.decrementAndGet();
                return i;
            });
            assertEquals(1, mostAtOnce.get(), "one at a time for " + roots);
            assertEquals("012".substring(0, roots.size()), order.toString(), "in the roots' order");
            assertEquals(roots.size(), outcomes.size());
        }
    }

    @Test
    void aFailedRootDoesNotStopTheOthers() {
        List<Path> roots = List.of(Path.of("/mnt/a/card"), Path.of("/mnt/b/card"), Path.of("/mnt/c/card"));
        List<PerRoot.Outcome<String>> outcomes = PerRoot.run(roots, i -> switch (i) {
            case 0 -> throw new IOException("No space left on device");
            case 1 -> throw new IllegalStateException("chain changed");
            default -> "sealed";
        });
        assertEquals("No space left on device", outcomes.get(0).failure().getMessage());
        assertNull(outcomes.get(0).value());
        assertEquals("chain changed", outcomes.get(1).failure().getMessage());
        assertEquals("sealed", outcomes.get(2).value());
        assertNull(outcomes.get(2).failure());
    }

    @Test
    void anErrorIsRethrownOnceEveryRootIsDone() {
        List<Path> roots = List.of(Path.of("/mnt/a/card"), Path.of("/mnt/b/card"));
        AtomicInteger finished = new AtomicInteger();
        AssertionError e = assertThrows(AssertionError.class, () -> PerRoot.run(roots, i -> {
            if (i == 1) {
                throw new AssertionError("broken");
            }
            try {
                Thread.sleep(100); // the other root is still being written when the error happens
            } catch (InterruptedException ie) {
                throw new IOException(ie);
            }
            finished.incrementAndGet();
            return "sealed";
        }));
        assertEquals("broken", e.getMessage());
        assertEquals(1, finished.get(), "the first root's work was waited for");
    }
}
