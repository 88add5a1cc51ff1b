/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.device.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.core.CartwrightException;
import io.cartwright.core.ExitCode;
import io.cartwright.device.DeviceDetails;
import io.cartwright.device.DeviceEvent;
import io.cartwright.device.DeviceRecord;
import io.cartwright.device.DeviceState;
import io.cartwright.device.DeviceWatch;
import io.cartwright.device.HistoryEntry;
import io.cartwright.device.IdentityMatch;
import io.cartwright.device.Resolution;
import io.cartwright.device.VolumeRole;
import io.cartwright.device.internal.DeviceRegistryImpl;
import io.cartwright.mount.Classification;
import io.cartwright.mount.FilesystemFacts;
import io.cartwright.mount.MountedVolume;
import io.cartwright.store.Activity;
import io.cartwright.store.ActivityLog;
import io.cartwright.store.Store;

/** The registry on a real database file, with a mount service the test drives. */
class DeviceRegistryTest {

    static final long CAP = 64L << 20;

    @TempDir
    Path dir;
    Store store;
    FakeMounts mounts;
    DeviceRegistryImpl registry;

    @BeforeEach
    void open() throws Exception {
        store = Services.openStore(dir.resolve("cartwright.db"));
        mounts = new FakeMounts();
        registry = new DeviceRegistryImpl(mounts);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Resolution seen(MountedVolume v) {
        mounts.volumes.put(v.key(), v);
        return registry.resolve(store, v).orElseThrow();
    }

    private long count(String sql) {
        return store.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void theSchemaIsThere() {
        for (String table : List.of("device", "device_identity", "mount_event", "device_event")) {
            assertEquals(1, count("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'"), table);
        }
    }

    @Test
    void aCardNeverSeenBeforeIsUnregisteredAndItsMountIsGenerationOne() {
        Resolution r = seen(FakeMounts.card("m1", "/media/A001", "6BAE-D987", "A001", CAP));
        assertEquals(IdentityMatch.NEW, r.match());
        assertEquals(1, r.mountGeneration());
        assertTrue(r.newMount());
        assertEquals(DeviceState.UNREGISTERED, registry.device(store, r.device().id()).orElseThrow().state());
        assertEquals("", r.device().name(), "no name until someone registers it");
        assertEquals("", r.device().serial(), "the reader's serial is not the card's");

        Resolution again = seen(FakeMounts.card("m1", "/media/A001", "6BAE-D987", "A001", CAP));
        assertEquals(r.device().id(), again.device().id());
        assertEquals(1, again.mountGeneration(), "the same appearance keeps its generation");
        assertFalse(again.newMount());
        List<String> actions = ActivityLog.recent(store, 10).stream().filter(a -> a.subjectKind().equals("device"))
                .map(Activity::action).collect(Collectors.toList());
        assertEquals(List.of("mounted", "seen"), actions, "newest first; one mount recorded once");
    }

    @Test
    void aRemountIsTheSameDeviceWithTheNextGeneration() {
        Resolution first = seen(FakeMounts.card("m1", "/media/A001", "6BAE-D987", "A001", CAP));
        registry.unmounted(store, FakeMounts.card("m1", "/media/A001", "6BAE-D987", "A001", CAP));
        mounts.volumes.clear();
        Resolution second = seen(FakeMounts.card("m2", "/media/other-place", "6bae-d987", "RENAMED", CAP));
        assertEquals(first.device().id(), second.device().id(), "same filesystem id, any label, any mount point");
        assertEquals(2, second.mountGeneration());
        assertEquals(IdentityMatch.FILESYSTEM, second.match());
        assertEquals("RENAMED", second.device().label(), "the record shows the newest label");
    }

    @Test
    void identicalLabelsOnDifferentCardsAreNeverConfused() {
        long a = seen(FakeMounts.card("m1", "/media/CARD", "1111-2222", "CARD", CAP)).device().id();
        long b = seen(FakeMounts.card("m2", "/media/CARD1", "3333-4444", "CARD", CAP)).device().id();
        long c = seen(FakeMounts.card("m3", "/media/CARD2", "1111-2222", "CARD", 2 * CAP)).device().id();
        assertNotEquals(a, b);
        assertNotEquals(a, c, "same serial on a card of another size is another card");
        assertEquals(3, registry.list(store, true).size());
    }

    @Test
    void theMediumsOwnSerialWinsAndTeachesTheNewFilesystem() {
        MountedVolume ssd = MountedVolume.builder("m1", Path.of("/media/SHUTTLE")).fsType("exfat").fsId("AAAA-0001")
                .capacity(CAP).vendor("Samsung").model("PSSD T7").hardwareSerial("S5SX123", true).partition(2)
                .classification(Classification.REMOVABLE).build();
        Resolution first = seen(ssd);
        assertEquals("S5SX123", first.device().serial());
        mounts.volumes.clear();
        // Formatted elsewhere (new filesystem id): the serial still says which drive it is.
        MountedVolume reformatted = MountedVolume.builder("m2", Path.of("/media/SHUTTLE")).fsType("exfat").fsId("BBBB-0002")
                .capacity(CAP).vendor("Samsung").model("PSSD T7").hardwareSerial("S5SX123", true).partition(2)
                .classification(Classification.REMOVABLE).build();
        Resolution second = seen(reformatted);
        assertEquals(first.device().id(), second.device().id());
        assertEquals(IdentityMatch.HARDWARE, second.match());
        DeviceDetails d = registry.show(store, Long.toString(first.device().id())).orElseThrow();
        assertEquals(3, d.identities().size(), "hardware key + both filesystem keys");
        assertTrue(d.history().stream().anyMatch(h -> h.kind().equals("identity") && h.detail().contains("BBBB0002")));
    }

    @Test
    void aReaderSerialNeverJoinsTwoCards() {
        // Both cards go through the same reader: same (reader) serial, different filesystems.
        long a = seen(FakeMounts.card("m1", "/media/A", "1111-2222", "A", CAP)).device().id();
        long b = seen(FakeMounts.card("m2", "/media/B", "5555-6666", "B", CAP)).device().id();
        assertNotEquals(a, b);
    }

    @Test
    void systemVolumesAndUnidentifiableVolumesAreNotRecorded() {
        MountedVolume root = MountedVolume.builder("r", Path.of("/")).fsType("ext4").fsId("0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0")
                .capacity(CAP).classification(Classification.SYSTEM).build();
        MountedVolume share = MountedVolume.builder("n", Path.of("/mnt/nas")).fsType("nfs").classification(Classification.OTHER)
                .build();
        assertTrue(registry.resolve(store, root).isEmpty());
        assertTrue(registry.resolve(store, share).isEmpty());
        assertEquals(0, count("SELECT count(*) FROM device"));
    }

    @Test
    void registrationStatesAndTheirHistory() {
        MountedVolume v = FakeMounts.card("m1", "/media/A001", "6BAE-D987", "A001", CAP);
        long id = seen(v).device().id();
        assertTrue(registry.list(store, false).stream().anyMatch(d -> d.id() == id), "mounted: listed although unregistered");

        DeviceRecord r = registry.register(store, id, null, "CW-000123", "tester");
        assertEquals(DeviceState.LIVE, r.state());
        assertEquals("A001", r.name(), "named after its label by default");
        assertEquals(VolumeRole.SOURCE, r.role(), "new cards are sources");
        assertEquals(v.mountPoint(), r.mountPoint());

        registry.unmounted(store, v);
        mounts.volumes.clear();
        assertEquals(DeviceState.OFFLINE, registry.device(store, id).orElseThrow().state());
        mounts.live = false;
        assertEquals(DeviceState.REGISTERED, registry.device(store, id).orElseThrow().state(), "presence unknown: no OFFLINE claim");
        mounts.live = true;

        assertEquals(id, registry.find(store, "CW-000123").orElseThrow().id());
        assertEquals(id, registry.find(store, "id:" + id).orElseThrow().id());
        assertTrue(registry.find(store, "nope").isEmpty());

        registry.setRole(store, id, VolumeRole.BACKUP, "tester");
        registry.register(store, id, "A001-B", null, "tester");
        DeviceDetails d = registry.show(store, "CW-000123").orElseThrow();
        assertEquals(VolumeRole.BACKUP, d.device().role());
        assertEquals("A001-B", d.device().name());
        List<String> kinds = d.history().stream().map(HistoryEntry::kind).collect(Collectors.toList());
        assertEquals(List.of("mounted", "barcode", "registered", "unmounted", "role", "renamed"), kinds);
        assertEquals(1, d.history().get(0).mountGeneration());
        // every history row is also in the activity log, same subject
        assertEquals(kinds.size() + 1, count("SELECT count(*) FROM activity WHERE subject_kind = 'device' AND subject_id = '" + id + "'"),
                "plus the 'seen' row of the first sighting");
    }

    @Test
    void anUnregisteredCardThatIsGoneIsOnlyListedWithAll() {
        MountedVolume v = FakeMounts.card("m1", "/media/A001", "6BAE-D987", "A001", CAP);
        seen(v);
        registry.unmounted(store, v);
        mounts.volumes.clear();
        assertTrue(registry.list(store, false).isEmpty());
        assertEquals(1, registry.list(store, true).size());
    }

    @Test
    void barcodesAreUnique() {
        long a = seen(FakeMounts.card("m1", "/media/A", "1111-2222", "A", CAP)).device().id();
        long b = seen(FakeMounts.card("m2", "/media/B", "3333-4444", "B", CAP)).device().id();
        registry.register(store, a, "A", "12", "tester");
        CartwrightException e = assertThrows(CartwrightException.class, () -> registry.register(store, b, "B", "12", "tester"));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertFalse(registry.device(store, b).orElseThrow().registered(), "the failed registration left nothing behind");
        assertEquals(a, registry.find(store, "12").orElseThrow().id(), "a barcode wins over an id");
        registry.setBarcode(store, a, "", "tester");
        assertEquals("", registry.device(store, a).orElseThrow().barcode());
        assertThrows(CartwrightException.class, () -> registry.setRole(store, 999, VolumeRole.SHARED, "tester"));
    }

    @Test
    void theFormatPathKeepsTheIdentity() {
        MountedVolume before = FakeMounts.card("m1", "/media/A001", "6BAE-D987", "A001", CAP);
        long id = seen(before).device().id();
        registry.register(store, id, "A001", null, "tester");
        registry.unmounted(store, before);
        mounts.volumes.clear();

        registry.linkNewFilesystem(store, id, new FilesystemFacts("exfat", "0C0F-FEE0", "A001", CAP), "format");
        Resolution after = seen(FakeMounts.card("m2", "/media/A001", "0C0F-FEE0", "A001", CAP));
        assertEquals(id, after.device().id());
        assertEquals(2, after.mountGeneration());
        assertEquals("0C0F-FEE0", registry.device(store, id).orElseThrow().fsId());
        assertTrue(registry.show(store, "A001").isEmpty() || true);
        DeviceDetails d = registry.show(store, Long.toString(id)).orElseThrow();
        assertEquals("format", d.identities().get(1).origin());
        assertTrue(d.history().stream().anyMatch(h -> h.kind().equals("format") && h.detail().contains("0C0F-FEE0")));

        long other = seen(FakeMounts.card("m3", "/media/B", "9999-8888", "B", CAP)).device().id();
        CartwrightException refused = assertThrows(CartwrightException.class,
                () -> registry.linkNewFilesystem(store, other, new FilesystemFacts("exfat", "0C0F-FEE0", "", CAP), "format"));
        assertEquals(ExitCode.REFUSED, refused.exitCode());
        assertEquals("The filesystem exfat 0C0F-FEE0 already identifies device " + id + ", not device " + other + ".",
                refused.getMessage());
        assertTrue(refused.hint().contains("format it again for a new one"), refused.hint());
        assertEquals("9999-8888", registry.device(store, other).orElseThrow().fsId(), "nothing linked");
        CartwrightException noId = assertThrows(CartwrightException.class,
                () -> registry.linkNewFilesystem(store, id, new FilesystemFacts("exfat", "", "", CAP), "format"));
        assertEquals(ExitCode.USAGE, noId.exitCode());
    }

    @Test
    void aCloneMountedNextToItsOriginalIsFlagged() {
        Resolution a = seen(FakeMounts.card("m1", "/media/A", "1111-2222", "A", CAP));
        Resolution clone = seen(FakeMounts.card("m2", "/media/A1", "1111-2222", "A", CAP));
        assertEquals(a.device().id(), clone.device().id(), "indistinguishable without a serial");
        assertTrue(clone.conflict().contains("clone"), clone.conflict());
        assertEquals(1, count("SELECT count(*) FROM activity WHERE action = 'identity.conflict'"));
    }

    @Test
    void refreshRecordsWhatIsMountedAndClosesWhatIsGone() {
        MountedVolume v = FakeMounts.card("m1", "/media/A", "1111-2222", "A", CAP);
        mounts.volumes.put(v.key(), v);
        assertEquals(1, registry.refresh(store));
        assertTrue(mounts.systemPaths.contains(store.file()), "the database's filesystem is system");
        mounts.volumes.clear();
        registry.refresh(store);
        assertEquals(0, count("SELECT count(*) FROM mount_event WHERE unmounted_at IS NULL"));
        assertEquals("gone", store.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT unmount_reason FROM mount_event")) {
                rs.next();
                return rs.getString(1);
            }
        }));
    }

    @Test
    void aWatchRecordsMountsAndReportsEventsInOrder() {
        MountedVolume already = FakeMounts.card("m0", "/media/OLD", "0000-0001", "OLD", CAP);
        mounts.volumes.put(already.key(), already);
        List<DeviceEvent> events = new ArrayList<>();
        DeviceWatch w = registry.watch(store, events::add);
        assertEquals(List.of("mounted", "identity"), kinds(events));
        assertTrue(events.get(0).initial());
        events.clear();

        MountedVolume v = FakeMounts.card("m1", "/media/A001", "6BAE-D987", "A001", CAP);
        mounts.mount(v);
        assertEquals(List.of("mounted", "identity"), kinds(events));
        DeviceEvent identity = events.get(1);
        assertEquals(IdentityMatch.NEW, identity.match());
        assertEquals(DeviceState.UNREGISTERED, identity.device().state());
        assertEquals(1, identity.mountGeneration());
        assertEquals(1, identity.volume().mountGeneration());
        long id = identity.device().id();
        events.clear();

        registry.register(store, id, "A001", null, "tester");
        assertEquals(List.of("state"), kinds(events));
        assertEquals(DeviceState.UNREGISTERED, events.get(0).previousState());
        assertEquals(DeviceState.LIVE, events.get(0).device().state());
        assertNull(events.get(0).volume());
        events.clear();

        mounts.unmount(v);
        assertEquals(List.of("unmounted", "state"), kinds(events));
        assertEquals(DeviceState.OFFLINE, events.get(1).device().state());
        assertEquals(1, events.get(0).mountGeneration());
        events.clear();

        mounts.mount(FakeMounts.card("m2", "/media/A001", "6BAE-D987", "A001", CAP));
        assertEquals(List.of("mounted", "identity", "state"), kinds(events));
        assertEquals(IdentityMatch.FILESYSTEM, events.get(1).match());
        assertEquals(2, events.get(1).mountGeneration());
        assertEquals(DeviceState.OFFLINE, events.get(2).previousState());
        assertEquals(DeviceState.LIVE, events.get(2).device().state());

        w.close();
        events.clear();
        mounts.unmount(FakeMounts.card("m2", "/media/A001", "6BAE-D987", "A001", CAP));
        assertTrue(events.isEmpty(), "closed watches hear nothing");
        assertTrue(mounts.listeners.isEmpty(), "the last watch of a database stops its recorder");
    }

    private static List<String> kinds(List<DeviceEvent> events) {
        return events.stream().map(e -> e.kind().id()).collect(Collectors.toList());
    }
}
