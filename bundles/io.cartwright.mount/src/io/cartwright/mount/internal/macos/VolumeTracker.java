/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.internal.macos;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.cartwright.mount.MountedVolume;
import io.cartwright.mount.spi.MountSink;

/**
 * Turns DiskArbitration callbacks (disk appeared, description changed, disk disappeared) into
 * mount and unmount events. DiskArbitration reports disks, not mounts: a disk appears before it is
 * mounted and its description gains {@code DAVolumePath} when mounted. Each mount appearance gets a
 * key unique within this tracker's session ({@code macos:<session>:<bsd name>:<n>}); macOS exposes no
 * per-mount id, so keys are not stable across processes (documented in docs/devices.md).
 * Thread-safe.
 */
public final class VolumeTracker {

    private final MountSink sink;
    private final String session;
    private final Map<String, MountedVolume> mounted = new HashMap<>();
    private long counter;

    public VolumeTracker(MountSink sink, String session) {
        this.sink = sink;
        this.session = session;
    }

    /** A disk appeared or its description changed; {@code description} is the whole new description. */
    public void described(Map<String, ?> description) {
        String bsd = DiskDescription.bsdName(description);
        if (bsd.isEmpty()) {
            return;
        }
        MountedVolume gone = null;
        MountedVolume added = null;
        synchronized (this) {
            MountedVolume before = mounted.get(bsd);
            Optional<Path> now = DiskDescription.mountPoint(description);
            if (before != null && now.isPresent() && before.mountPoint().equals(now.get())) {
                return; // still mounted at the same place: a change of label or free space, not a re-mount
            }
            if (before != null) {
                mounted.remove(bsd);
                gone = before;
            }
            if (now.isPresent()) {
                String key = "macos:" + session + ":" + bsd + ":" + (++counter);
                Optional<MountedVolume> v = DiskDescription.toVolume(description, key);
                if (v.isPresent()) {
                    mounted.put(bsd, v.get());
                    added = v.get();
                }
            }
        }
        if (gone != null) {
            sink.unmounted(gone);
        }
        if (added != null) {
            sink.mounted(added);
        }
    }

    /** The disk disappeared (ejected, unplugged). */
    public void disappeared(String bsdName) {
        MountedVolume gone;
        synchronized (this) {
            gone = mounted.remove(bsdName);
        }
        if (gone != null) {
            sink.unmounted(gone);
        }
    }
}
