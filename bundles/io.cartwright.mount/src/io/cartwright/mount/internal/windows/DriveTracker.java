/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.internal.windows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cartwright.mount.MountedVolume;
import io.cartwright.mount.spi.MountSink;

/**
 * Compares a full scan of the drive letters with the previous one and reports the differences.
 * The provider rescans on every {@code WM_DEVICECHANGE} volume arrival or removal, so a missed or
 * coalesced notification cannot leave the table wrong. Keys are
 * {@code windows:<session>:<volume guid or letter>:<n>}: Windows has no per-mount id, so keys are
 * unique within one process only (documented in docs/devices.md). Thread-safe.
 */
public final class DriveTracker {

    private final MountSink sink;
    private final String session;
    private final String systemDrive;
    private final Map<String, Entry> mounted = new HashMap<>();
    private long counter;

    private record Entry(DriveFacts facts, MountedVolume volume) {
    }

    public DriveTracker(MountSink sink, String session, String systemDrive) {
        this.sink = sink;
        this.session = session;
        this.systemDrive = systemDrive;
    }

    /** The drives present now (one entry per drive letter with a mounted filesystem). */
    public void scanned(List<DriveFacts> drives) {
        List<MountedVolume> gone = new ArrayList<>();
        List<MountedVolume> added = new ArrayList<>();
        synchronized (this) {
            Map<String, DriveFacts> now = new HashMap<>();
            for (DriveFacts d : drives) {
                now.put(d.root().toUpperCase(Locale.ROOT), d);
            }
            for (var it = mounted.entrySet().iterator(); it.hasNext();) {
                var e = it.next();
                DriveFacts current = now.get(e.getKey());
                if (current == null || !current.sameVolume(e.getValue().facts())) {
                    gone.add(e.getValue().volume());
                    it.remove();
                }
            }
            for (var e : now.entrySet()) {
                if (!mounted.containsKey(e.getKey())) {
                    DriveFacts d = e.getValue();
                    String id = d.volumeGuidPath().isEmpty() ? e.getKey() : d.volumeGuidPath();
                    MountedVolume v = d.toVolume("windows:" + session + ":" + id + ":" + (++counter), systemDrive);
                    mounted.put(e.getKey(), new Entry(d, v));
                    added.add(v);
                }
            }
        }
        gone.forEach(sink::unmounted);
        added.forEach(sink::mounted);
    }
}
