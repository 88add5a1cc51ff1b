/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.device.tests;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.cartwright.mount.Bus;
import io.cartwright.mount.Classification;
import io.cartwright.mount.FilesystemFacts;
import io.cartwright.mount.MountEvent;
import io.cartwright.mount.MountListener;
import io.cartwright.mount.MountService;
import io.cartwright.mount.MountedVolume;

/** A mount service the test drives: events are delivered on the calling thread. */
final class FakeMounts implements MountService {

    final Map<String, MountedVolume> volumes = new LinkedHashMap<>();
    final List<MountListener> listeners = new CopyOnWriteArrayList<>();
    final List<Path> systemPaths = new CopyOnWriteArrayList<>();
    boolean live = true;

    static MountedVolume card(String key, String mountPoint, String fsId, String label, long capacity) {
        return MountedVolume.builder(key, Path.of(mountPoint)).deviceNode("/dev/" + key).fsType("exfat").fsId(fsId).label(label)
                .capacity(capacity).removable(true).bus(Bus.USB).vendor("Generic").model("STORAGE DEVICE")
                .hardwareSerial("000000000819", false).classification(Classification.REMOVABLE).build();
    }

    void mount(MountedVolume v) {
        volumes.put(v.key(), v);
        MountEvent e = new MountEvent(MountEvent.Kind.MOUNTED, v, Instant.now(), false);
        listeners.forEach(l -> l.mountChanged(e));
    }

    void unmount(MountedVolume v) {
        volumes.remove(v.key());
        MountEvent e = new MountEvent(MountEvent.Kind.UNMOUNTED, v, Instant.now(), false);
        listeners.forEach(l -> l.mountChanged(e));
    }

    @Override
    public List<MountedVolume> volumes() {
        return live ? List.copyOf(volumes.values()) : List.of();
    }

    @Override
    public Optional<MountedVolume> volumeOf(Path path) {
        return volumes().stream().filter(v -> path.startsWith(v.mountPoint()))
                .max(Comparator.comparingInt(v -> v.mountPoint().getNameCount()));
    }

    @Override
    public Registration addListener(MountListener listener) {
        for (MountedVolume v : new ArrayList<>(volumes.values())) {
            listener.mountChanged(new MountEvent(MountEvent.Kind.MOUNTED, v, Instant.now(), true));
        }
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void addSystemPath(Path path) {
        systemPaths.add(path);
    }

    @Override
    public Optional<FilesystemFacts> probe(String deviceNode) {
        return Optional.empty();
    }

    @Override
    public boolean live() {
        return live;
    }
}
