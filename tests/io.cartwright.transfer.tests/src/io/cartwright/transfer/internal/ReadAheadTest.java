/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The read ahead runs beside its caller, hands back what the read returned or threw, and never lets
 * go of a read in flight early: its buffer would go back to the pool while the drive still fills it.
 * In the same package as the class because it is the engine's own plumbing, not API.
 */
class ReadAheadTest {

    private final ReadAhead ahead = new ReadAhead();

    @AfterEach
    void close() {
        Thread.interrupted();
        ahead.close();
    }

    @Test
    void theReadRunsWhileTheCallerWorks() throws Exception {
        CountDownLatch callerWorked = new CountDownLatch(1);
        ahead.start(() -> waitFor(callerWorked) ? 4096 : -2);
        assertTrue(ahead.pending());
        callerWorked.countDown(); // a read run inside start() would still be waiting for this
        assertEquals(4096, ahead.await());
        assertFalse(ahead.pending());
    }

    @Test
    void aFailedReadIsThrownByAwait() {
        ahead.start(() -> {
            throw new IOException("Input/output error");
        });
        IOException e = assertThrows(IOException.class, ahead::await);
        assertEquals("Input/output error", e.getMessage());
        ahead.start(() -> 7); // usable again after a failure
        assertEquals(7, assertDoesNotFail());
    }

    @Test
    void anInterruptedAwaitWaitsForTheReadInFlightThenReportsTheInterrupt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean readOver = new AtomicBoolean();
        ahead.start(() -> {
            waitFor(release);
            readOver.set(true);
            return 1;
        });
        Thread.currentThread().interrupt();
        Thread releaser = Thread.ofPlatform().start(() -> {
            sleep(300);
            release.countDown();
        });
        assertThrows(ClosedByInterruptException.class, ahead::await);
        assertTrue(readOver.get(), "await returned while the read still owned its buffer");
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        releaser.join();
    }

    @Test
    void closeWaitsForTheReadInFlight() throws Exception {
        AtomicBoolean readOver = new AtomicBoolean();
        ahead.start(() -> {
            sleep(300);
            readOver.set(true);
            return 1;
        });
        ahead.close();
        assertTrue(readOver.get(), "close returned while the read still owned its buffer");
        assertFalse(ahead.pending());
    }

    private int assertDoesNotFail() {
        try {
            return ahead.await();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean waitFor(CountDownLatch latch) {
        try {
            return latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
