/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.linux.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;

import io.cartwright.mount.FilesystemFacts;
import io.cartwright.mount.MountedVolume;
import io.cartwright.mount.spi.MountProvider;
import io.cartwright.mount.spi.MountSink;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Linux mounts, pushed: one daemon thread blocks in {@code poll(2)} on an open
 * {@code /proc/self/mountinfo} (the kernel flags POLLPRI|POLLERR when the mount table changes) and a
 * wake-up pipe; on each change it re-reads the table and reports the difference. No timer, no sleep
 * loop. Volume facts come from sysfs and the device's superblock ({@link VolumeReader}).
 */
@Component(service = MountProvider.class)
public final class LinuxMountProvider implements MountProvider {

    private static final System.Logger LOG = System.getLogger(LinuxMountProvider.class.getName());

    private final Path proc;
    private final Path mountInfo;
    private final Sysfs sysfs;
    private final FuseSources fuse;
    private final Path home;

    // Set by start(); null before it.
    private @Nullable LibC libc;
    private @Nullable VolumeReader reader;
    private @Nullable MountSink sink;
    private @Nullable Thread thread;
    private int mountInfoFd = -1;
    private int wakeRead = -1;
    private int wakeWrite = -1;
    /** Tracked mounts by mountinfo line key; only touched by start() and then the watcher thread. */
    private Map<String, Tracked> current = new LinkedHashMap<>();

    private record Tracked(MountInfo.Entry entry, MountedVolume volume) {
    }

    @Activate
    public LinuxMountProvider() {
        this(Path.of("/proc"), Path.of("/sys"), Path.of("/run/udev/data"), Path.of(System.getProperty("user.home", "/")));
    }

    /** For tests: other roots for procfs, sysfs and the udev database. */
    LinuxMountProvider(Path proc, Path sys, Path udevData, Path home) {
        this.proc = proc;
        this.mountInfo = proc.resolve("self/mountinfo");
        this.sysfs = new Sysfs(sys, udevData);
        this.fuse = new FuseSources(proc);
        this.home = home;
    }

    @Override
    public String name() {
        return "linux";
    }

    @Override
    public synchronized void start(MountSink sink) {
        if (!Platform.isLinux()) {
            throw new IllegalStateException("the Linux mount provider runs on Linux only");
        }
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        LibC c;
        try {
            c = LibC.load();
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            throw new IllegalStateException("JNA cannot reach libc: " + e.getMessage(), e);
        }
        this.libc = c;
        this.sink = sink;
        this.reader = new VolumeReader(sysfs, fuse, new MountKeys(c, proc), new SystemVolumes(swaps(), home));
        try {
            mountInfoFd = c.open(mountInfo.toString(), LibC.O_RDONLY | LibC.O_CLOEXEC);
            int[] pipe = new int[2];
            c.pipe(pipe);
            wakeRead = pipe[0];
            wakeWrite = pipe[1];
        } catch (LastErrorException e) {
            closeFds();
            throw new IllegalStateException("cannot watch " + mountInfo + ": errno " + e.getErrorCode(), e);
        }
        current = new LinkedHashMap<>();
        rescan(); // the initial volumes, reported before start returns
        Thread watcher = Thread.ofPlatform().daemon().name("cartwright-mountinfo").unstarted(this::watch);
        thread = watcher;
        watcher.start();
    }

    @Override
    public void stop() {
        Thread t;
        synchronized (this) {
            t = thread;
            if (t == null) {
                return;
            }
            try {
                started(libc).write(wakeWrite, new byte[] {1}, new NativeLong(1));
            } catch (LastErrorException e) {
                t.interrupt();
            }
        }
        try {
            t.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            thread = null;
            closeFds();
        }
    }

    @Override
    public Optional<FilesystemFacts> probe(String deviceNode) {
        VolumeReader r;
        synchronized (this) {
            r = reader;
        }
        if (r == null) {
            r = new VolumeReader(sysfs, fuse, new MountKeys(null, proc), new SystemVolumes(List.of(), home));
        }
        return r.probe(deviceNode);
    }

    private void watch() {
        try (Memory fds = new Memory(16)) {
            while (true) {
                fds.clear();
                fds.setInt(0, mountInfoFd);
                fds.setShort(4, LibC.POLLPRI);
                fds.setInt(8, wakeRead);
                fds.setShort(12, LibC.POLLIN);
                try {
                    started(libc).poll(fds, 2, -1);
                } catch (LastErrorException e) {
                    if (e.getErrorCode() == LibC.EINTR) {
                        continue;
                    }
                    LOG.log(Level.ERROR, "poll on " + mountInfo + " failed (errno " + e.getErrorCode()
                            + "); mount changes are no longer seen", e);
                    return;
                }
                short wake = fds.getShort(14);
                short changed = fds.getShort(6);
                if (wake != 0 || (changed & LibC.POLLNVAL) != 0) {
                    return;
                }
                if ((changed & (LibC.POLLPRI | LibC.POLLERR)) != 0) {
                    try {
                        rescan();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "reading the mount table failed; will retry on the next change", e);
                    }
                }
            }
        }
    }

    /** Re-reads the mount table and reports what changed since the last read. */
    private void rescan() {
        List<MountInfo.Entry> entries;
        try {
            entries = MountInfo.parse(MountInfo.text(Files.readAllBytes(mountInfo)));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot read " + mountInfo, e);
            return;
        }
        Map<String, MountInfo.Entry> now = new LinkedHashMap<>();
        for (MountInfo.Entry e : entries) {
            if (!VolumeReader.skipped(e)) {
                now.put(e.lineKey(), e);
            }
        }
        List<MountedVolume> gone = new ArrayList<>();
        Map<String, Tracked> next = new LinkedHashMap<>();
        for (Map.Entry<String, Tracked> t : current.entrySet()) {
            MountInfo.Entry e = now.get(t.getKey());
            Tracked tracked = t.getValue();
            // Same line, but a different mount underneath (unmounted and mounted again between two
            // reads, the kernel reusing the id): the key tells.
            if (e != null && !tracked.volume().key().equals(started(reader).key(e, tracked.volume().classification()
                    == io.cartwright.mount.Classification.SYSTEM))) {
                e = null;
            }
            if (e == null) {
                gone.add(tracked.volume());
            } else {
                next.put(t.getKey(), tracked);
            }
        }
        List<MountedVolume> added = new ArrayList<>();
        Map<String, Boolean> systemCache = new HashMap<>();
        for (Map.Entry<String, MountInfo.Entry> n : now.entrySet()) {
            if (next.containsKey(n.getKey())) {
                continue;
            }
            MountInfo.Entry e = n.getValue();
            boolean system = systemCache.computeIfAbsent(n.getKey(), k -> started(reader).isSystem(e, now.values()));
            MountedVolume v = started(reader).read(e, started(reader).key(e, system), system);
            next.put(n.getKey(), new Tracked(e, v));
            added.add(v);
        }
        current = next;
        MountSink to = started(sink);
        gone.forEach(to::unmounted);
        added.forEach(to::mounted);
    }

    /** {@code part} of a started provider. */
    private static <T> T started(@Nullable T part) {
        if (part == null) {
            throw new IllegalStateException("the Linux mount provider is not started");
        }
        return part;
    }

    private List<String> swaps() {
        try {
            return Files.readAllLines(proc.resolve("swaps"));
        } catch (IOException e) {
            return List.of();
        }
    }

    private void closeFds() {
        LibC c = libc;
        for (int fd : new int[] {mountInfoFd, wakeRead, wakeWrite}) {
            if (fd >= 0 && c != null) {
                try {
                    c.close(fd);
                } catch (LastErrorException ignored) {
                    // nothing left to release
                }
            }
        }
        mountInfoFd = -1;
        wakeRead = -1;
        wakeWrite = -1;
    }
}
