/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.device.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.cartwright.device.DeviceIdentity;
import io.cartwright.device.DeviceRecord;
import io.cartwright.device.DeviceState;
import io.cartwright.device.HistoryEntry;
import io.cartwright.device.VolumeRole;
import io.cartwright.mount.Bus;
import io.cartwright.mount.MountedVolume;

import org.eclipse.jdt.annotation.Nullable;

/** The SQL of the registry (tables of schema v3), on a connection the caller holds. */
final class DeviceRows {

    private static final String COLUMNS = "id, name, registered_at, role, barcode, vendor, model, serial, bus, removable, "
            + "fs_type, fs_id, label, capacity, mount_generation, first_seen, last_seen";

    /** An open (or closed) mount row. */
    record Mount(long id, long device, long generation, boolean open) {
    }

    private DeviceRows() {
    }

    static Optional<DeviceRecord> byId(Connection c, long id) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM device WHERE id = ?", id);
    }

    static Optional<DeviceRecord> byBarcode(Connection c, String barcode) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM device WHERE barcode = ?", barcode);
    }

    static List<DeviceRecord> all(Connection c) throws SQLException {
        List<DeviceRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM device ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(record(rs));
            }
        }
        return out;
    }

    private static Optional<DeviceRecord> one(Connection c, String sql, Object arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(record(rs)) : Optional.empty();
            }
        }
    }

    /** The record as stored; its state is filled in by the caller from the live mounts. */
    private static DeviceRecord record(ResultSet rs) throws SQLException {
        String registered = rs.getString("registered_at");
        return new DeviceRecord(rs.getLong("id"), rs.getString("name"),
                registered == null ? DeviceState.UNREGISTERED : DeviceState.REGISTERED, VolumeRole.parse(rs.getString("role")),
                nz(rs.getString("barcode")), rs.getString("vendor"), rs.getString("model"), rs.getString("serial"),
                bus(rs.getString("bus")), rs.getInt("removable") == 1, rs.getString("fs_type"), rs.getString("fs_id"),
                rs.getString("label"), rs.getLong("capacity"), rs.getLong("mount_generation"),
                Instant.parse(rs.getString("first_seen")), Instant.parse(rs.getString("last_seen")),
                registered == null ? null : Instant.parse(registered), null);
    }

    /** The device a key belongs to, if any. */
    static Optional<Long> deviceOfKey(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT device FROM device_identity WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    static Optional<Long> identityId(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM device_identity WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    static Optional<Mount> mountByKey(Connection c, String mountKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, device, generation, unmounted_at IS NULL FROM mount_event WHERE mount_key = ?")) {
            ps.setString(1, mountKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Mount(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4) == 1))
                        : Optional.empty();
            }
        }
    }

    /** Mount keys of all mount rows still open, with their device. */
    static List<String[]> openMounts(Connection c) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT mount_key, device, generation, mount_point FROM mount_event WHERE unmounted_at IS NULL");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        return out;
    }

    static long insertDevice(Connection c, MountedVolume v, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO device(vendor, model, serial, bus, removable, fs_type, fs_id, "
                + "label, capacity, first_seen, last_seen) VALUES (?,?,?,?,?,?,?,?,?,?,?)", PreparedStatement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, v.vendor());
            ps.setString(2, v.model());
            ps.setString(3, v.serialIdentifiesMedium() ? v.hardwareSerial() : "");
            ps.setString(4, v.bus().name().toLowerCase(Locale.ROOT));
            ps.setInt(5, v.removable() ? 1 : 0);
            ps.setString(6, v.fsType());
            ps.setString(7, v.fsId());
            ps.setString(8, v.label());
            ps.setLong(9, v.capacity());
            ps.setString(10, now.toString());
            ps.setString(11, now.toString());
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The newest facts of a mount onto the device, and the next generation; returns that generation. */
    static long mountedFacts(Connection c, long device, MountedVolume v, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE device SET vendor = ?, model = ?, "
                + "serial = CASE WHEN ? = '' THEN serial ELSE ? END, bus = ?, removable = ?, fs_type = ?, fs_id = ?, label = ?, "
                + "capacity = CASE WHEN ? > 0 THEN ? ELSE capacity END, mount_generation = mount_generation + 1, last_seen = ? "
                + "WHERE id = ?")) {
            String serial = v.serialIdentifiesMedium() ? v.hardwareSerial() : "";
            ps.setString(1, v.vendor());
            ps.setString(2, v.model());
            ps.setString(3, serial);
            ps.setString(4, serial);
            ps.setString(5, v.bus().name().toLowerCase(Locale.ROOT));
            ps.setInt(6, v.removable() ? 1 : 0);
            ps.setString(7, v.fsType());
            ps.setString(8, v.fsId());
            ps.setString(9, v.label());
            ps.setLong(10, v.capacity());
            ps.setLong(11, v.capacity());
            ps.setString(12, now.toString());
            ps.setLong(13, device);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT mount_generation FROM device WHERE id = ?")) {
            ps.setLong(1, device);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long insertIdentity(Connection c, long device, String key, boolean hardware, String origin,
            @Nullable MountedVolume v,
            String fsType, String fsId, String label, long capacity, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO device_identity(device, key, kind, origin, serial, vendor, "
                + "model, fs_type, fs_id, label, capacity, first_seen, last_seen) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                PreparedStatement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, device);
            ps.setString(2, key);
            ps.setString(3, hardware ? "hardware" : "filesystem");
            ps.setString(4, origin);
            ps.setString(5, hardware && v != null ? v.hardwareSerial() : "");
            ps.setString(6, hardware && v != null ? v.vendor() : "");
            ps.setString(7, hardware && v != null ? v.model() : "");
            ps.setString(8, hardware ? "" : fsType);
            ps.setString(9, hardware ? "" : fsId);
            ps.setString(10, label);
            ps.setLong(11, capacity);
            ps.setString(12, now.toString());
            ps.setString(13, now.toString());
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void touchIdentity(Connection c, String key, String label, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE device_identity SET last_seen = ?, label = ? WHERE key = ?")) {
            ps.setString(1, now.toString());
            ps.setString(2, label);
            ps.setString(3, key);
            ps.executeUpdate();
        }
    }

    static void insertMount(Connection c, long device, long generation, MountedVolume v, @Nullable Long identity,
            String matchedBy,
            Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mount_event(device, generation, mount_key, identity, "
                + "matched_by, mount_point, device_node, read_only, mounted_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, device);
            ps.setLong(2, generation);
            ps.setString(3, v.key());
            ps.setObject(4, identity);
            ps.setString(5, matchedBy);
            ps.setString(6, v.mountPoint().toString());
            ps.setString(7, v.deviceNode());
            ps.setInt(8, v.readOnly() ? 1 : 0);
            ps.setString(9, now.toString());
            ps.executeUpdate();
        }
    }

    /** Closes the mount row of {@code mountKey}; returns it as it was, if it was open. */
    static Optional<Mount> closeMount(Connection c, String mountKey, String reason, Instant now) throws SQLException {
        Optional<Mount> m = mountByKey(c, mountKey);
        if (m.isEmpty() || !m.get().open()) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE mount_event SET unmounted_at = ?, unmount_reason = ? WHERE id = ?")) {
            ps.setString(1, now.toString());
            ps.setString(2, reason);
            ps.setLong(3, m.get().id());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE device SET last_seen = ? WHERE id = ?")) {
            ps.setString(1, now.toString());
            ps.setLong(2, m.get().device());
            ps.executeUpdate();
        }
        return m;
    }

    static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    static List<DeviceIdentity> identities(Connection c, long device) throws SQLException {
        List<DeviceIdentity> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key, kind, origin, serial, vendor, model, fs_type, fs_id, label, "
                + "capacity, first_seen, last_seen FROM device_identity WHERE device = ? ORDER BY id")) {
            ps.setLong(1, device);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DeviceIdentity(rs.getString(1), rs.getString(2).equals("hardware"), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getLong(10), Instant.parse(rs.getString(11)), Instant.parse(rs.getString(12))));
                }
            }
        }
        return out;
    }

    /** Mounts, unmounts and device events of one device, oldest first. */
    static List<HistoryEntry> history(Connection c, long device) throws SQLException {
        List<HistoryEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT generation, mount_point, device_node, matched_by, mounted_at, "
                + "unmounted_at, unmount_reason FROM mount_event WHERE device = ? ORDER BY id")) {
            ps.setLong(1, device);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long gen = rs.getLong(1);
                    String where = rs.getString(2) + (rs.getString(3).isEmpty() ? "" : " (" + rs.getString(3) + ")");
                    out.add(new HistoryEntry(Instant.parse(rs.getString(5)), "mounted", gen,
                            "at " + where + ", recognised by " + rs.getString(4), "device"));
                    String un = rs.getString(6);
                    if (un != null) {
                        String reason = rs.getString(7);
                        out.add(new HistoryEntry(Instant.parse(un), "unmounted", gen,
                                "from " + rs.getString(2) + (reason.isEmpty() ? "" : " (" + reason + ")"), "device"));
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT at, kind, detail, actor FROM device_event WHERE device = ? ORDER BY id")) {
            ps.setLong(1, device);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HistoryEntry(Instant.parse(rs.getString(1)), rs.getString(2), 0, rs.getString(3), rs.getString(4)));
                }
            }
        }
        out.sort((a, b) -> a.at().compareTo(b.at()));
        return out;
    }

    private static Bus bus(String s) {
        try {
            return Bus.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Bus.UNKNOWN;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
