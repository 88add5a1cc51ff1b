/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.LinkedBlockingQueue;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.cartwright.core.DataLocations;
import io.cartwright.mount.Classification;
import io.cartwright.mount.FilesystemFacts;
import io.cartwright.mount.MountEvent;
import io.cartwright.mount.MountListener;
import io.cartwright.mount.MountService;
import io.cartwright.mount.MountedVolume;
import io.cartwright.mount.spi.MountProvider;
import io.cartwright.mount.spi.MountSink;

/**
 * Collects the {@link MountProvider}s present (DS whiteboard, dynamic) into one live volume table
 * and hands events to listeners on one event thread, in order. The system-path overlay
 * ({@link #addSystemPath}) is applied here, so providers need not know where the database lives.
 */
@Component(service = MountService.class)
public final class MountServiceImpl implements MountService {

    private static final System.Logger LOG = System.getLogger(MountServiceImpl.class.getName());

    private final Object lock = new Object();
    /** Per provider, its volumes by key, in the order they were reported. */
    private final Map<MountProvider, Map<String, MountedVolume>> tables = new IdentityHashMap<>();
    private final Set<Path> systemPaths = new CopyOnWriteArraySet<>();
    private final List<Subscription> listeners = new ArrayList<>();
    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final Thread dispatcher;
    private volatile boolean closed;

    @Activate
    public MountServiceImpl() {
        addSystemPath(DataLocations.fromEnvironment().database());
        dispatcher = Thread.ofPlatform().daemon().name("cartwright-mount-events").unstarted(this::dispatch);
        dispatcher.start();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addProvider(MountProvider provider) {
        synchronized (lock) {
            if (closed || tables.containsKey(provider)) {
                return;
            }
            tables.put(provider, new LinkedHashMap<>());
        }
        try {
            provider.start(new ProviderSink(provider));
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "mount provider " + safeName(provider) + " could not start; volumes it would report are not seen", e);
            synchronized (lock) {
                tables.remove(provider);
            }
        }
    }

    public void removeProvider(MountProvider provider) {
        synchronized (lock) {
            if (!tables.containsKey(provider)) {
                return;
            }
        }
        try {
            provider.stop();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "mount provider " + safeName(provider) + " failed to stop", e);
        }
        synchronized (lock) {
            // The volumes are still mounted; they are only no longer reported. No event is sent, so
            // nobody records an unmount that did not happen.
            tables.remove(provider);
        }
    }

    @Deactivate
    public void deactivate() {
        List<MountProvider> providers;
        synchronized (lock) {
            closed = true;
            providers = new ArrayList<>(tables.keySet());
        }
        providers.forEach(this::removeProvider);
        dispatcher.interrupt();
    }

    @Override
    public List<MountedVolume> volumes() {
        synchronized (lock) {
            List<MountedVolume> raw = rawVolumes();
            List<MountedVolume> out = new ArrayList<>(raw.size());
            for (MountedVolume v : raw) {
                out.add(overlay(v, raw));
            }
            return List.copyOf(out);
        }
    }

    @Override
    public Optional<MountedVolume> volumeOf(Path path) {
        Path p = real(path);
        return volumes().stream().filter(v -> p.startsWith(v.mountPoint()))
                .max(Comparator.comparingInt(v -> v.mountPoint().getNameCount()));
    }

    @Override
    public Registration addListener(MountListener listener) {
        Subscription s = new Subscription(listener);
        synchronized (lock) {
            List<MountedVolume> raw = rawVolumes();
            Instant now = Instant.now();
            for (MountedVolume v : raw) {
                MountEvent e = new MountEvent(MountEvent.Kind.MOUNTED, overlay(v, raw), now, true);
                queue.add(() -> s.deliver(e));
            }
            listeners.add(s);
        }
        return () -> {
            s.active = false;
            synchronized (lock) {
                listeners.remove(s);
            }
        };
    }

    @Override
    public void addSystemPath(Path path) {
        systemPaths.add(real(path));
    }

    @Override
    public Optional<FilesystemFacts> probe(String deviceNode) {
        List<MountProvider> providers;
        synchronized (lock) {
            providers = new ArrayList<>(tables.keySet());
        }
        for (MountProvider p : providers) {
            try {
                Optional<FilesystemFacts> f = p.probe(deviceNode);
                if (f.isPresent()) {
                    return f;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "probe of " + deviceNode + " by " + safeName(p) + " failed", e);
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean live() {
        synchronized (lock) {
            return !tables.isEmpty();
        }
    }

    /** Must hold {@link #lock}. */
    private List<MountedVolume> rawVolumes() {
        List<MountedVolume> all = new ArrayList<>();
        tables.values().forEach(t -> all.addAll(t.values()));
        return all;
    }

    /**
     * The volume as callers see it: {@link Classification#SYSTEM} if it is the deepest mount holding
     * one of the system paths.
     */
    private MountedVolume overlay(MountedVolume v, List<MountedVolume> all) {
        if (v.classification() == Classification.SYSTEM) {
            return v;
        }
        for (Path p : systemPaths) {
            if (!p.startsWith(v.mountPoint())) {
                continue;
            }
            boolean deeper = all.stream().anyMatch(o -> o != v && o.mountPoint().getNameCount() > v.mountPoint().getNameCount()
                    && o.mountPoint().startsWith(v.mountPoint()) && p.startsWith(o.mountPoint()));
            if (!deeper) {
                return v.withClassification(Classification.SYSTEM);
            }
        }
        return v;
    }

    private void publish(MountEvent.Kind kind, MountedVolume raw, MountProvider provider) {
        synchronized (lock) {
            Map<String, MountedVolume> table = tables.get(provider);
            if (table == null) {
                return; // provider removed meanwhile
            }
            List<MountedVolume> before = rawVolumes();
            if (kind == MountEvent.Kind.MOUNTED) {
                table.put(raw.key(), raw);
            } else {
                MountedVolume known = table.remove(raw.key());
                if (known == null) {
                    return; // never reported: nothing to take back
                }
                raw = known;
            }
            MountedVolume seen = overlay(raw, kind == MountEvent.Kind.MOUNTED ? rawVolumes() : before);
            MountEvent e = new MountEvent(kind, seen, Instant.now(), false);
            for (Subscription s : List.copyOf(listeners)) {
                queue.add(() -> s.deliver(e));
            }
        }
    }

    private void dispatch() {
        while (true) {
            Runnable r;
            try {
                r = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            r.run();
        }
    }

    private static Path real(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            // Not there (yet): its nearest existing ancestor decides which filesystem will hold it.
            Path parent = abs.getParent();
            return parent == null ? abs : real(parent).resolve(abs.getFileName());
        }
    }

    private static String safeName(MountProvider p) {
        try {
            return p.name();
        } catch (RuntimeException e) {
            return p.getClass().getName();
        }
    }

    private final class ProviderSink implements MountSink {
        private final MountProvider provider;

        ProviderSink(MountProvider provider) {
            this.provider = provider;
        }

        @Override
        public void mounted(MountedVolume volume) {
            publish(MountEvent.Kind.MOUNTED, volume, provider);
        }

        @Override
        public void unmounted(MountedVolume volume) {
            publish(MountEvent.Kind.UNMOUNTED, volume, provider);
        }
    }

    private static final class Subscription {
        private final MountListener listener;
        volatile boolean active = true;

        Subscription(MountListener listener) {
            this.listener = listener;
        }

        void deliver(MountEvent e) {
            if (!active) {
                return;
            }
            try {
                listener.mountChanged(e);
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, "mount listener " + listener.getClass().getName() + " failed on " + e.kind(), ex);
            }
        }
    }
}
