/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.device.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.cartwright.core.CartwrightException;
import io.cartwright.core.ExitCode;
import io.cartwright.device.DeviceDetails;
import io.cartwright.device.DeviceEvent;
import io.cartwright.device.DeviceHistory;
import io.cartwright.device.DeviceListener;
import io.cartwright.device.DeviceRecord;
import io.cartwright.device.DeviceRegistry;
import io.cartwright.device.DeviceState;
import io.cartwright.device.DeviceWatch;
import io.cartwright.device.IdentityMatch;
import io.cartwright.device.IdentityRecipe;
import io.cartwright.device.Resolution;
import io.cartwright.device.VolumeRole;
import io.cartwright.mount.Classification;
import io.cartwright.mount.FilesystemFacts;
import io.cartwright.mount.MountService;
import io.cartwright.mount.MountedVolume;
import io.cartwright.store.Activity;
import io.cartwright.store.ActivityLog;
import io.cartwright.store.Store;
import io.cartwright.store.StoreException;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The registry on SQLite (schema v3): identity resolution, registration, roles, the format link, and
 * one {@link StoreWatcher} per database recording mounts while any watch of it is open.
 */
@Component(service = DeviceRegistry.class)
public final class DeviceRegistryImpl implements DeviceRegistry {

    static final String ACTOR = "device";

    private final MountService mounts;
    private final Map<Path, StoreWatcher> watchers = new HashMap<>();

    @Activate
    public DeviceRegistryImpl(@Reference MountService mounts) {
        this.mounts = mounts;
    }

    @Deactivate
    void deactivate() {
        List<StoreWatcher> all;
        synchronized (watchers) {
            all = new ArrayList<>(watchers.values());
            watchers.clear();
        }
        all.forEach(StoreWatcher::stop);
    }

    MountService mounts() {
        return mounts;
    }

    // ---- identity resolution -------------------------------------------------------------------

    @Override
    public Optional<Resolution> resolve(Store store, MountedVolume volume) {
        if (volume.classification() == Classification.SYSTEM) {
            return Optional.empty();
        }
        Optional<String> hw = IdentityRecipe.hardwareKey(volume);
        Optional<String> fs = IdentityRecipe.filesystemKey(volume.filesystem());
        if (hw.isEmpty() && fs.isEmpty()) {
            return Optional.empty();
        }
        Set<String> liveKeys = liveKeys();
        try {
            return Optional.of(store.write(c -> resolveIn(c, volume, hw, fs, liveKeys)));
        } catch (StoreException e) {
            if (!isConstraint(e)) {
                throw e;
            }
            // Another process recorded the same appearance (or created the device) between our read
            // and our write: read again, the row is there now.
            return Optional.of(store.write(c -> resolveIn(c, volume, hw, fs, liveKeys)));
        }
    }

    private Resolution resolveIn(Connection c, MountedVolume v, Optional<String> hw, Optional<String> fs, Set<String> liveKeys)
            throws SQLException {
        Instant now = Instant.now();
        Optional<DeviceRows.Mount> known = DeviceRows.mountByKey(c, v.key());
        if (known.isPresent()) {
            DeviceRecord d = DeviceRows.byId(c, known.get().device()).orElseThrow();
            IdentityMatch how = hw.isPresent() && DeviceRows.deviceOfKey(c, hw.get()).orElse(-1L) == d.id() ? IdentityMatch.HARDWARE
                    : IdentityMatch.FILESYSTEM;
            return new Resolution(d, known.get().generation(), how, false, "");
        }
        Optional<Long> byHw = hw.isPresent() ? DeviceRows.deviceOfKey(c, hw.get()) : Optional.empty();
        Optional<Long> byFs = fs.isPresent() ? DeviceRows.deviceOfKey(c, fs.get()) : Optional.empty();
        String conflict = "";
        long device;
        IdentityMatch match;
        if (byHw.isPresent()) {
            device = byHw.get();
            match = IdentityMatch.HARDWARE;
            if (byFs.isPresent() && !byFs.get().equals(device)) {
                // Hardware first: the filesystem key stays with the other device (a clone of its card).
                conflict = "the filesystem " + v.fsType() + " " + v.fsId() + " is also known as device " + byFs.get()
                        + "; the hardware serial decides";
            }
        } else if (byFs.isPresent()) {
            device = byFs.get();
            match = IdentityMatch.FILESYSTEM;
        } else {
            device = DeviceRows.insertDevice(c, v, now);
            match = IdentityMatch.NEW;
            ActivityLog.append(c, new Activity(now, ACTOR, "device", Long.toString(device), "seen",
                    "new unregistered device: " + describe(v)));
        }
        Long identity = null;
        if (hw.isPresent()) {
            identity = learn(c, device, hw.get(), true, v, match, now);
        }
        if (fs.isPresent() && (byFs.isEmpty() || byFs.get() == device)) {
            Long fsIdentity = learn(c, device, fs.get(), false, v, match, now);
            if (match != IdentityMatch.HARDWARE) {
                identity = fsIdentity;
            }
        }
        if (match == IdentityMatch.FILESYSTEM && conflict.isEmpty()) {
            // A byte-for-byte clone mounted alongside the original has the same synthetic id.
            for (String[] open : DeviceRows.openMounts(c)) {
                if (Long.parseLong(open[1]) == device && liveKeys.contains(open[0]) && !open[0].equals(v.key())) {
                    conflict = "another mounted volume (" + open[3] + ") has the same filesystem identity; it may be a "
                            + "clone of this card";
                }
            }
        }
        long generation = DeviceRows.mountedFacts(c, device, v, now);
        DeviceRows.insertMount(c, device, generation, v, identity, match.id(), now);
        ActivityLog.append(c, new Activity(now, ACTOR, "device", Long.toString(device), "mounted",
                "generation " + generation + " at " + v.mountPoint() + (v.deviceNode().isEmpty() ? "" : " (" + v.deviceNode() + ")")
                        + ", recognised by " + match.id()));
        if (!conflict.isEmpty()) {
            ActivityLog.append(c, new Activity(now, ACTOR, "device", Long.toString(device), "identity.conflict", conflict));
        }
        DeviceRecord d = DeviceRows.byId(c, device).orElseThrow();
        return new Resolution(d, generation, match, true, conflict);
    }

    /** Adds the key to the device if it is new; returns its identity row id. */
    private static Long learn(Connection c, long device, String key, boolean hardware, MountedVolume v, IdentityMatch match,
            Instant now) throws SQLException {
        Optional<Long> id = DeviceRows.identityId(c, key);
        if (id.isPresent()) {
            DeviceRows.touchIdentity(c, key, v.label(), now);
            return id.get();
        }
        long row = DeviceRows.insertIdentity(c, device, key, hardware, "mount", v, v.fsType(), v.fsId(), v.label(), v.capacity(), now);
        if (match != IdentityMatch.NEW) {
            DeviceHistory.append(c, device, "identity", "learned " + key, ACTOR);
        }
        return row;
    }

    @Override
    public void unmounted(Store store, MountedVolume volume) {
        store.write(c -> {
            Instant now = Instant.now();
            Optional<DeviceRows.Mount> m = DeviceRows.closeMount(c, volume.key(), "", now);
            if (m.isPresent()) {
                ActivityLog.append(c, new Activity(now, ACTOR, "device", Long.toString(m.get().device()), "unmounted",
                        "generation " + m.get().generation() + " from " + volume.mountPoint()));
            }
            return null;
        });
    }

    /** Id of the device a volume's mount was recorded for, if its row is open. */
    Optional<Long> recordedDevice(Store store, MountedVolume v) {
        return store.read(c -> DeviceRows.mountByKey(c, v.key()).map(DeviceRows.Mount::device));
    }

    @Override
    public Optional<DeviceRecord> lookup(Store store, MountedVolume volume) {
        if (volume.classification() == Classification.SYSTEM) {
            return Optional.empty();
        }
        Optional<Long> id = store.read(c -> lookupIn(c, volume));
        return id.flatMap(i -> device(store, i));
    }

    private static Optional<Long> lookupIn(Connection c, MountedVolume v) throws SQLException {
        Optional<DeviceRows.Mount> m = DeviceRows.mountByKey(c, v.key());
        if (m.isPresent()) {
            return Optional.of(m.get().device());
        }
        Optional<String> hw = IdentityRecipe.hardwareKey(v);
        if (hw.isPresent()) {
            Optional<Long> d = DeviceRows.deviceOfKey(c, hw.get());
            if (d.isPresent()) {
                return d;
            }
        }
        Optional<String> fs = IdentityRecipe.filesystemKey(v.filesystem());
        return fs.isPresent() ? DeviceRows.deviceOfKey(c, fs.get()) : Optional.empty();
    }

    // ---- reading -------------------------------------------------------------------------------

    @Override
    public Optional<DeviceRecord> device(Store store, long id) {
        Optional<DeviceRecord> d = store.read(c -> DeviceRows.byId(c, id));
        return d.map(r -> withState(r, presence(store)));
    }

    @Override
    public Optional<DeviceRecord> find(Store store, String idOrBarcode) {
        String q = idOrBarcode == null ? "" : idOrBarcode.strip();
        if (q.isEmpty()) {
            return Optional.empty();
        }
        Optional<DeviceRecord> byBarcode = store.read(c -> DeviceRows.byBarcode(c, q));
        if (byBarcode.isPresent()) {
            return byBarcode.map(r -> withState(r, presence(store)));
        }
        String number = q.startsWith("id:") ? q.substring(3) : q.startsWith("#") ? q.substring(1) : q;
        try {
            return device(store, Long.parseLong(number.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<DeviceDetails> show(Store store, String idOrBarcode) {
        return find(store, idOrBarcode).map(d -> store.read(
                c -> new DeviceDetails(d, DeviceRows.identities(c, d.id()), DeviceRows.history(c, d.id()))));
    }

    @Override
    public List<DeviceRecord> list(Store store, boolean all) {
        Map<Long, Path> live = presence(store);
        List<DeviceRecord> out = new ArrayList<>();
        for (DeviceRecord r : store.read(DeviceRows::all)) {
            DeviceRecord s = withState(r, live);
            if (all || s.registered() || s.mountPoint() != null) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Devices mounted now, with their mount point; null when no provider runs (presence unknown).
     */
    @Nullable
    Map<Long, Path> presence(Store store) {
        if (!mounts.live()) {
            return null;
        }
        List<MountedVolume> volumes = mounts.volumes();
        Map<Long, Path> out = new HashMap<>();
        store.read(c -> {
            for (MountedVolume v : volumes) {
                if (v.classification() != Classification.SYSTEM) {
                    lookupIn(c, v).ifPresent(id -> out.putIfAbsent(id, v.mountPoint()));
                }
            }
            return null;
        });
        return out;
    }

    static DeviceRecord withState(DeviceRecord r, @Nullable Map<Long, Path> live) {
        Path at = live == null ? null : live.get(r.id());
        DeviceState s;
        if (!r.registered()) {
            s = DeviceState.UNREGISTERED;
        } else if (live == null) {
            s = DeviceState.REGISTERED;
        } else {
            s = at != null ? DeviceState.LIVE : DeviceState.OFFLINE;
        }
        return r.withPresence(s, at);
    }

    private Set<String> liveKeys() {
        Set<String> keys = new HashSet<>();
        if (mounts.live()) {
            mounts.volumes().forEach(v -> keys.add(v.key()));
        }
        return keys;
    }

    @Override
    public int refresh(Store store) {
        mounts.addSystemPath(store.file());
        if (!mounts.live()) {
            return 0;
        }
        List<MountedVolume> volumes = mounts.volumes();
        closeGone(store, volumes);
        int n = 0;
        for (MountedVolume v : volumes) {
            if (resolve(store, v).isPresent()) {
                n++;
            }
        }
        return n;
    }

    /** Closes the open mount rows whose appearance is no longer mounted; returns the closed keys. */
    List<String> closeGone(Store store, List<MountedVolume> current) {
        Set<String> keys = new HashSet<>();
        current.forEach(v -> keys.add(v.key()));
        return store.write(c -> {
            Instant now = Instant.now();
            List<String> closed = new ArrayList<>();
            for (String[] open : DeviceRows.openMounts(c)) {
                if (!keys.contains(open[0])) {
                    DeviceRows.closeMount(c, open[0], "gone", now);
                    ActivityLog.append(c, new Activity(now, ACTOR, "device", open[1], "unmounted",
                            "generation " + open[2] + " from " + open[3] + " (found gone)"));
                    closed.add(open[0]);
                }
            }
            return closed;
        });
    }

    // ---- changes -------------------------------------------------------------------------------

    @Override
    public DeviceRecord register(Store store, long deviceId, @Nullable String name, @Nullable String barcode,
            String actor) {
        DeviceState before = require(store, deviceId).state();
        store.write(c -> {
            DeviceRecord d = DeviceRows.byId(c, deviceId).orElseThrow(() -> noSuchDevice(deviceId));
            Instant now = Instant.now();
            if (barcode != null) {
                changeBarcode(c, d, barcode, actor);
            }
            if (!d.registered()) {
                String n = name != null && !name.isBlank() ? name.strip() : !d.label().isBlank() ? d.label() : "Device " + d.id();
                DeviceRows.update(c, "UPDATE device SET registered_at = ?, name = ? WHERE id = ?", now.toString(), n, deviceId);
                DeviceHistory.append(c, deviceId, "registered", "as '" + n + "', role " + d.role().id(), actor);
            } else if (name != null && !name.isBlank() && !name.strip().equals(d.name())) {
                DeviceRows.update(c, "UPDATE device SET name = ? WHERE id = ?", name.strip(), deviceId);
                DeviceHistory.append(c, deviceId, "renamed", "'" + d.name() + "' -> '" + name.strip() + "'", actor);
            }
            return null;
        });
        DeviceRecord after = require(store, deviceId);
        if (after.state() != before) {
            notifyState(store, after, before);
        }
        return after;
    }

    @Override
    public DeviceRecord setRole(Store store, long deviceId, VolumeRole role, String actor) {
        store.write(c -> {
            DeviceRecord d = DeviceRows.byId(c, deviceId).orElseThrow(() -> noSuchDevice(deviceId));
            if (d.role() != role) {
                DeviceRows.update(c, "UPDATE device SET role = ? WHERE id = ?", role.id(), deviceId);
                DeviceHistory.append(c, deviceId, "role", d.role().id() + " -> " + role.id(), actor);
            }
            return null;
        });
        return require(store, deviceId);
    }

    @Override
    public DeviceRecord setBarcode(Store store, long deviceId, String barcode, String actor) {
        store.write(c -> {
            DeviceRecord d = DeviceRows.byId(c, deviceId).orElseThrow(() -> noSuchDevice(deviceId));
            changeBarcode(c, d, barcode == null ? "" : barcode, actor);
            return null;
        });
        return require(store, deviceId);
    }

    private static void changeBarcode(Connection c, DeviceRecord d, String barcode, String actor) throws SQLException {
        String b = barcode.strip();
        if (b.equals(d.barcode())) {
            return;
        }
        if (!b.isEmpty()) {
            Optional<DeviceRecord> other = DeviceRows.byBarcode(c, b);
            if (other.isPresent() && other.get().id() != d.id()) {
                throw new CartwrightException(ExitCode.USAGE, "The barcode " + b + " is already on device " + other.get().id()
                        + (other.get().name().isEmpty() ? "" : " (" + other.get().name() + ")") + ".",
                        "Scan the right label, or clear it there first: cartwright devices show " + other.get().id());
            }
        }
        DeviceRows.update(c, "UPDATE device SET barcode = ? WHERE id = ?", b.isEmpty() ? null : b, d.id());
        DeviceHistory.append(c, d.id(), "barcode", (d.barcode().isEmpty() ? "(none)" : d.barcode()) + " -> "
                + (b.isEmpty() ? "(none)" : b), actor);
    }

    @Override
    public DeviceRecord linkNewFilesystem(Store store, long deviceId, FilesystemFacts fs, String actor) {
        String key = IdentityRecipe.filesystemKey(fs).orElseThrow(() -> new CartwrightException(ExitCode.USAGE,
                "The new filesystem has no id to link (" + fs.type() + ", id '" + fs.id() + "').",
                "Format with a filesystem that has a volume serial or UUID (exFAT, FAT32, NTFS, ext4)."));
        store.write(c -> {
            DeviceRecord d = DeviceRows.byId(c, deviceId).orElseThrow(() -> noSuchDevice(deviceId));
            Optional<Long> owner = DeviceRows.deviceOfKey(c, key);
            if (owner.isPresent() && owner.get() != deviceId) {
                // Formatters derive the volume serial from the clock (mkfs.exfat ORs its bits together):
                // two cards formatted in the same moment can get the same one. Linking it would make
                // the two cards one device, so the format is refused and the remedy named.
                throw new CartwrightException(ExitCode.REFUSED, "The filesystem " + fs.type() + " " + fs.id()
                        + " already identifies device " + owner.get() + ", not device " + deviceId + ".",
                        "If device " + deviceId + " was just formatted, its new volume serial repeats device "
                        + owner.get() + "'s (formatters take it from the clock): format it again for a new one. "
                        + "Otherwise check which card was formatted: cartwright devices show " + owner.get());
            }
            if (owner.isEmpty()) {
                Instant now = Instant.now();
                DeviceRows.insertIdentity(c, deviceId, key, false, "format", null, fs.type(), fs.id(), fs.label(), fs.capacity(), now);
                DeviceRows.update(c, "UPDATE device SET fs_type = ?, fs_id = ?, label = ?, capacity = CASE WHEN ? > 0 THEN ? "
                        + "ELSE capacity END WHERE id = ?", fs.type(), fs.id(), fs.label(), fs.capacity(), fs.capacity(), deviceId);
                DeviceHistory.append(c, deviceId, "format", "new filesystem " + fs.type() + " " + fs.id()
                        + (fs.label().isEmpty() ? "" : " '" + fs.label() + "'") + " linked (was " + d.fsType() + " " + d.fsId() + ")",
                        actor);
            }
            return null;
        });
        return require(store, deviceId);
    }

    // ---- watching ------------------------------------------------------------------------------

    @Override
    public DeviceWatch watch(Store store, DeviceListener listener) {
        StoreWatcher w;
        synchronized (watchers) {
            w = watchers.get(store.file());
            if (w == null || !w.running()) {
                w = new StoreWatcher(this, store);
                watchers.put(store.file(), w);
            }
        }
        return w.add(listener);
    }

    void watcherStopped(StoreWatcher w) {
        synchronized (watchers) {
            watchers.remove(w.store().file(), w);
        }
    }

    private void notifyState(Store store, DeviceRecord after, DeviceState before) {
        StoreWatcher w;
        synchronized (watchers) {
            w = watchers.get(store.file());
        }
        if (w != null) {
            w.emit(new DeviceEvent(DeviceEvent.Kind.STATE, Instant.now(), null, after, 0, null, before, false, ""));
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private DeviceRecord require(Store store, long id) {
        return device(store, id).orElseThrow(() -> noSuchDevice(id));
    }

    static CartwrightException noSuchDevice(long id) {
        return new CartwrightException(ExitCode.USAGE, "There is no device " + id + ".",
                "List the devices with: cartwright devices list --all");
    }

    static String describe(MountedVolume v) {
        StringBuilder b = new StringBuilder();
        b.append(v.fsType().isEmpty() ? "unknown filesystem" : v.fsType());
        if (!v.fsId().isEmpty()) {
            b.append(' ').append(v.fsId());
        }
        if (!v.label().isEmpty()) {
            b.append(" '").append(v.label()).append('\'');
        }
        b.append(", ").append(v.bus().name().toLowerCase(java.util.Locale.ROOT));
        if (!v.vendor().isEmpty() || !v.model().isEmpty()) {
            b.append(' ').append((v.vendor() + " " + v.model()).strip());
        }
        return b.toString();
    }

    private static boolean isConstraint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && (s.getErrorCode() == 19 || String.valueOf(s.getMessage()).contains("CONSTRAINT"))) {
                return true;
            }
        }
        return false;
    }
}
