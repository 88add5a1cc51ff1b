/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.cartwright.transfer.Problem;

/**
 * The folders of one destination that received a published copy and are not fsynced yet. A folder
 * fsync makes a rename durable; doing one per file made small files (sidecars, sound takes) wait a
 * device flush each. They are batched instead: at most every second, and always before the run ends,
 * so no job is reported done, and no ASC MHL sealed, before every final name is durable. A power cut
 * in between can lose only names the journal already lists as verified; the next run notices the
 * missing final name and copies that file again. Thread-safe.
 */
final class FolderSyncs {

    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final Set<Path> pending = ConcurrentHashMap.newKeySet();
    private final AtomicLong lastSync = new AtomicLong(System.nanoTime());

    /**
     * Notes a new entry in {@code folder}; fsyncs the batch if the last one is a second old. Returns
     * false if a folder could not be fsynced (the caller warns once).
     */
    boolean changed(Path folder) {
        pending.add(folder);
        long last = lastSync.get();
        long now = System.nanoTime();
        if (now - last >= INTERVAL_NANOS && lastSync.compareAndSet(last, now)) {
            return syncAll();
        }
        return true;
    }

    /** Fsyncs every pending folder; false if one could not be (Windows, some FUSE filesystems). */
    boolean syncAll() {
        lastSync.set(System.nanoTime());
        List<Path> batch = new ArrayList<>(pending);
        boolean ok = true;
        for (Path folder : batch) {
            pending.remove(folder); // removed before the fsync: a later entry re-adds it
            ok &= Publisher.syncFolder(folder);
        }
        return ok;
    }

    /** Warns, once per destination and run, that its folders cannot be fsynced. */
    static void warnOnce(RunContext ctx, Destination d) {
        if (d.firstTime("folder-sync")) {
            ctx.warn(new Problem(d.root().toString(), "Folders on this destination cannot be fsynced; after a power "
                    + "cut right after the offload a file's final name could be missing (its data is fsynced)."));
        }
    }
}
