/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.device.internal;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.cartwright.device.DeviceEvent;
import io.cartwright.device.DeviceListener;
import io.cartwright.device.DeviceRecord;
import io.cartwright.device.DeviceState;
import io.cartwright.device.DeviceWatch;
import io.cartwright.device.Resolution;
import io.cartwright.mount.Classification;
import io.cartwright.mount.MountEvent;
import io.cartwright.mount.MountService;
import io.cartwright.mount.MountedVolume;
import io.cartwright.store.Store;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Records the mounts and unmounts of one database while at least one watch of it is open, and turns
 * each into {@link DeviceEvent}s for the watches. Runs on the mount service's event thread.
 */
final class StoreWatcher {

    private static final System.Logger LOG = System.getLogger(StoreWatcher.class.getName());

    private final DeviceRegistryImpl registry;
    private final Store store;
    private final List<DeviceListener> listeners = new CopyOnWriteArrayList<>();
    /** The mounted volumes reported so far, by mount key, with their mounted and identity events. */
    private final Map<String, List<DeviceEvent>> announced = new LinkedHashMap<>();
    private final MountService.Registration registration;
    private volatile boolean running = true;

    StoreWatcher(DeviceRegistryImpl registry, Store store) {
        this.registry = registry;
        this.store = store;
        MountService mounts = registry.mounts();
        mounts.addSystemPath(store.file());
        if (mounts.live()) {
            // Mounts recorded by an earlier run that are gone now; the ones still mounted come back as
            // initial events below and keep their generation.
            registry.closeGone(store, mounts.volumes());
        }
        this.registration = mounts.addListener(this::mountChanged);
    }

    Store store() {
        return store;
    }

    boolean running() {
        return running;
    }

    /**
     * Adds a listener: it first hears the volumes this recorder has announced and that are still
     * mounted (as initial events, with the device's current state), then everything new. Volumes
     * whose events are still queued at the mount service reach it through the normal path, so every
     * mount is reported to it exactly once.
     */
    DeviceWatch add(DeviceListener listener) {
        synchronized (this) {
            for (List<DeviceEvent> events : announced.values()) {
                for (DeviceEvent e : events) {
                    DeviceRecord then = e.device();
                    DeviceRecord now = then == null ? null : registry.device(store, then.id()).orElse(then);
                    deliver(listener, new DeviceEvent(e.kind(), e.at(), e.volume(), now, e.mountGeneration(), e.match(),
                            e.previousState(), true, e.detail()));
                }
            }
            listeners.add(listener);
        }
        return () -> {
            listeners.remove(listener);
            if (listeners.isEmpty()) {
                stop();
            }
        };
    }

    void stop() {
        if (running) {
            running = false;
            registration.close();
            registry.watcherStopped(this);
        }
    }

    synchronized void emit(DeviceEvent e) {
        for (DeviceListener l : listeners) {
            deliver(l, e);
        }
    }

    private static void deliver(DeviceListener l, DeviceEvent e) {
        try {
            l.deviceEvent(e);
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "device listener failed on " + e.kind(), ex);
        }
    }

    private synchronized void mountChanged(MountEvent e) {
        if (!running) {
            return;
        }
        MountedVolume v = e.volume();
        if (v.classification() == Classification.SYSTEM) {
            return;
        }
        try {
            if (e.kind() == MountEvent.Kind.MOUNTED) {
                mounted(v, e.initial());
            } else {
                unmounted(v);
            }
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "recording the " + e.kind() + " of " + v.mountPoint() + " failed", ex);
        }
    }

    private void mounted(MountedVolume v, boolean initial) {
        Instant now = Instant.now();
        Optional<DeviceRecord> before = registry.lookup(store, v);
        Optional<Resolution> r = registry.resolve(store, v);
        if (r.isEmpty()) {
            announce(v, new DeviceEvent(DeviceEvent.Kind.MOUNTED, now, v, null, 0, null, null, initial, ""),
                    new DeviceEvent(DeviceEvent.Kind.IDENTITY, now, v, null, 0, null, null, initial,
                            "cannot be identified: no medium serial and no filesystem id"));
            return;
        }
        Resolution res = r.get();
        MountedVolume withGeneration = v.withMountGeneration(res.mountGeneration());
        DeviceRecord after = DeviceRegistryImpl.withState(res.device(), presence());
        announce(v, new DeviceEvent(DeviceEvent.Kind.MOUNTED, now, withGeneration, after, res.mountGeneration(), null, null,
                initial, ""), new DeviceEvent(DeviceEvent.Kind.IDENTITY, now, withGeneration, after, res.mountGeneration(),
                        res.match(), null, initial, res.conflict()));
        // The mount service lists this volume already, so the state before it is worked out here:
        // live only through another volume of the same device.
        DeviceState previous = before.map(d -> !d.registered() ? DeviceState.UNREGISTERED
                : d.mountPoint() != null && !v.mountPoint().equals(d.mountPoint()) ? DeviceState.LIVE
                : d.state() == DeviceState.REGISTERED ? DeviceState.REGISTERED : DeviceState.OFFLINE).orElse(null);
        if (previous != null && previous != after.state()) {
            emit(new DeviceEvent(DeviceEvent.Kind.STATE, now, withGeneration, after, res.mountGeneration(), null, previous,
                    initial, ""));
        }
    }

    /** Emits a mount's events and keeps them for listeners added later. */
    private void announce(MountedVolume v, DeviceEvent mounted, DeviceEvent identity) {
        announced.put(v.key(), List.of(mounted, identity));
        emit(mounted);
        emit(identity);
    }

    private void unmounted(MountedVolume v) {
        announced.remove(v.key());
        Instant now = Instant.now();
        Optional<Long> id = registry.recordedDevice(store, v);
        registry.unmounted(store, v);
        Optional<DeviceRecord> after = id.flatMap(i -> registry.device(store, i));
        long generation = store.read(c -> DeviceRows.mountByKey(c, v.key()).map(DeviceRows.Mount::generation).orElse(0L));
        MountedVolume withGeneration = v.withMountGeneration(generation);
        emit(new DeviceEvent(DeviceEvent.Kind.UNMOUNTED, now, withGeneration, after.isPresent() ? after.get() : null,
                generation, null, null, false, ""));
        if (after.isPresent() && after.get().registered() && after.get().state() != DeviceState.LIVE) {
            emit(new DeviceEvent(DeviceEvent.Kind.STATE, now, withGeneration, after.get(), generation, null, DeviceState.LIVE, false,
                    ""));
        }
    }

    private @Nullable Map<Long, Path> presence() {
        return registry.presence(store);
    }
}
