/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

/** Waiting for threads whose work must not be left half done. */
final class Threads {

    private Threads() {
    }

    /**
     * Waits until {@code thread} has ended, even when the caller is interrupted meanwhile (the thread
     * may be writing a file or using a buffer the caller owns); the interrupt is kept for the caller.
     */
    static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
