/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What an engine read from sources over its lifetime: files opened and bytes read. Lets tests prove
 * that verified files are not read again and that a resumed file skips its checkpointed prefix.
 * Thread-safe.
 */
public final class SourceStats {

    private final AtomicLong filesOpened = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();

    void opened() {
        filesOpened.incrementAndGet();
    }

    void read(long bytes) {
        bytesRead.addAndGet(bytes);
    }

    public long filesOpened() {
        return filesOpened.get();
    }

    public long bytesRead() {
        return bytesRead.get();
    }
}
