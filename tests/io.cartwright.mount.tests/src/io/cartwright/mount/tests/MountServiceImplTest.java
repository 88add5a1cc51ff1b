/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cartwright.mount.Classification;
import io.cartwright.mount.MountEvent;
import io.cartwright.mount.MountService;
import io.cartwright.mount.MountedVolume;
import io.cartwright.mount.internal.MountServiceImpl;

/** The mount service as a plain object: providers come and go, listeners see a consistent stream. */
class MountServiceImplTest {

    private final MountServiceImpl service = new MountServiceImpl();
    private final BlockingQueue<MountEvent> events = new LinkedBlockingQueue<>();

    @AfterEach
    void deactivate() {
        service.deactivate();
    }

    private MountEvent next() throws InterruptedException {
        MountEvent e = events.poll(5, TimeUnit.SECONDS);
        assertNotNull(e, "an event arrives");
        return e;
    }

    @Test
    void withoutProvidersNothingIsLive() {
        assertFalse(service.live());
        assertTrue(service.volumes().isEmpty());
    }

    @Test
    void aNewListenerFirstGetsTheVolumesMountedNowThenChanges() throws Exception {
        FakeProvider p = new FakeProvider();
        p.initial.add(FakeProvider.card("sdb1", "/media/A001"));
        service.addProvider(p);
        assertTrue(service.live());
        assertEquals(1, service.volumes().size());

        MountService.Registration r = service.addListener(events::add);
        MountEvent first = next();
        assertEquals(MountEvent.Kind.MOUNTED, first.kind());
        assertTrue(first.initial());
        assertEquals(Path.of("/media/A001"), first.volume().mountPoint());

        p.sink.mounted(FakeProvider.card("sdc1", "/media/A002"));
        MountEvent second = next();
        assertEquals("sdc1", second.volume().key());
        assertFalse(second.initial());

        p.sink.unmounted(FakeProvider.card("sdb1", "/media/A001"));
        MountEvent third = next();
        assertEquals(MountEvent.Kind.UNMOUNTED, third.kind());
        assertEquals(Path.of("/media/A001"), third.volume().mountPoint());
        assertEquals(1, service.volumes().size());

        r.close();
        p.sink.unmounted(FakeProvider.card("sdc1", "/media/A002"));
        assertNull(events.poll(300, TimeUnit.MILLISECONDS), "no events after the registration is closed");
    }

    @Test
    void anUnmountOfAnUnknownVolumeIsNotReported() throws Exception {
        FakeProvider p = new FakeProvider();
        service.addProvider(p);
        service.addListener(events::add);
        p.sink.unmounted(FakeProvider.card("sdz1", "/media/X"));
        assertNull(events.poll(300, TimeUnit.MILLISECONDS));
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() throws Exception {
        FakeProvider p = new FakeProvider();
        service.addProvider(p);
        service.addListener(e -> {
            throw new IllegalStateException("listener bug");
        });
        service.addListener(events::add);
        p.sink.mounted(FakeProvider.card("sdb1", "/media/A001"));
        assertEquals("sdb1", next().volume().key());
        p.sink.mounted(FakeProvider.card("sdc1", "/media/A002"));
        assertEquals("sdc1", next().volume().key());
    }

    @Test
    void aRemovedProviderIsStoppedAndItsVolumesAreNoLongerListedWithoutFakeUnmounts() throws Exception {
        FakeProvider p = new FakeProvider();
        p.initial.add(FakeProvider.card("sdb1", "/media/A001"));
        service.addProvider(p);
        service.addListener(events::add);
        next();
        service.removeProvider(p);
        assertTrue(p.stopped);
        assertTrue(service.volumes().isEmpty());
        assertFalse(service.live());
        assertNull(events.poll(300, TimeUnit.MILLISECONDS), "the card was not unmounted; nobody is told it was");
    }

    @Test
    void aProviderThatCannotStartIsSkipped() {
        FakeProvider p = new FakeProvider();
        p.failOnStart = true;
        service.addProvider(p);
        assertFalse(service.live());
    }

    @Test
    void theVolumeHoldingASystemPathIsSystemButADeeperMountWins() throws Exception {
        FakeProvider p = new FakeProvider();
        p.initial.add(FakeProvider.card("outer", "/srv/shuttle"));
        p.initial.add(FakeProvider.card("inner", "/srv/shuttle/card"));
        service.addProvider(p);
        service.addSystemPath(Path.of("/srv/shuttle/cartwright/cartwright.db"));
        MountedVolume outer = service.volumes().stream().filter(v -> v.key().equals("outer")).findFirst().orElseThrow();
        MountedVolume inner = service.volumes().stream().filter(v -> v.key().equals("inner")).findFirst().orElseThrow();
        assertEquals(Classification.SYSTEM, outer.classification(), "the database lives there");
        assertEquals(Classification.REMOVABLE, inner.classification());

        service.addSystemPath(Path.of("/srv/shuttle/card/DCIM/db.sqlite"));
        service.addListener(events::add);
        for (int i = 0; i < 2; i++) {
            assertEquals(Classification.SYSTEM, next().volume().classification(), "listeners see the overlay too");
        }
    }

    @Test
    void volumeOfFindsTheDeepestMountHoldingAPath() {
        FakeProvider p = new FakeProvider();
        p.initial.add(FakeProvider.card("outer", "/srv/shuttle"));
        p.initial.add(FakeProvider.card("inner", "/srv/shuttle/card"));
        service.addProvider(p);
        assertEquals("inner", service.volumeOf(Path.of("/srv/shuttle/card/DCIM/100CANON")).orElseThrow().key());
        assertEquals("outer", service.volumeOf(Path.of("/srv/shuttle/other")).orElseThrow().key());
        assertTrue(service.volumeOf(Path.of("/elsewhere")).isEmpty());
    }

    @Test
    void probeAsksTheProviders() {
        service.addProvider(new FakeProvider());
        assertEquals("1234-ABCD", service.probe("/dev/fake1").orElseThrow().id());
        assertTrue(service.probe("/dev/none").isEmpty());
    }
}
