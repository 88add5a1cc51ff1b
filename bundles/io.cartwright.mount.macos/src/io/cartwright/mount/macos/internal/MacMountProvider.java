/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.macos.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import com.sun.jna.Platform;

import io.cartwright.mount.internal.macos.VolumeTracker;
import io.cartwright.mount.spi.MountProvider;
import io.cartwright.mount.spi.MountSink;

import org.eclipse.jdt.annotation.Nullable;

/**
 * macOS mounts, pushed by DiskArbitration: disk appeared / description changed / disappeared
 * callbacks on a CoreFoundation run loop in one daemon thread. This class and
 * {@link DiskArbitrationSession} are the only OS-facing code; the description is mapped to a volume
 * by {@link io.cartwright.mount.internal.macos.DiskDescription} (unit-tested on every OS).
 */
@Component(service = MountProvider.class)
public final class MacMountProvider implements MountProvider {

    private @Nullable DiskArbitrationSession session;

    @Activate
    public MacMountProvider() {
        // state is created in start()
    }

    @Override
    public String name() {
        return "macos";
    }

    @Override
    public synchronized void start(MountSink sink) {
        if (!Platform.isMac()) {
            throw new IllegalStateException("the macOS mount provider runs on macOS only");
        }
        if (session != null) {
            throw new IllegalStateException("already started");
        }
        VolumeTracker tracker = new VolumeTracker(sink, Long.toString(System.currentTimeMillis(), 36));
        DiskArbitrationSession s = new DiskArbitrationSession(tracker);
        s.open();
        session = s;
    }

    @Override
    public void stop() {
        DiskArbitrationSession s;
        synchronized (this) {
            s = session;
            session = null;
        }
        if (s != null) {
            s.close();
        }
    }
}
