/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.mount.Bus;
import io.cartwright.mount.Classification;
import io.cartwright.mount.FilesystemFacts;
import io.cartwright.mount.MountedVolume;
import io.cartwright.mount.spi.MountSink;
import io.cartwright.testsupport.LoopImage;

/**
 * The provider against real mounts: loop-attached images mounted through FUSE, as root. The event
 * latency is measured from the moment the mount (or umount) command returned.
 */
@EnabledOnOs(OS.LINUX)
class LinuxMountProviderTest {

    /** The bound: a mount or unmount is reported within 250 ms. */
    static final long LIMIT_MILLIS = 250;

    @TempDir
    Path dir;

    private final LinuxMountProvider provider = new LinuxMountProvider();
    private final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
    private final List<LoopImage> images = new CopyOnWriteArrayList<>();

    record Seen(boolean mounted, MountedVolume volume, long nanos) {
    }

    private final MountSink sink = new MountSink() {
        @Override
        public void mounted(MountedVolume v) {
            seen.add(new Seen(true, v, System.nanoTime()));
        }

        @Override
        public void unmounted(MountedVolume v) {
            seen.add(new Seen(false, v, System.nanoTime()));
        }
    };

    @AfterEach
    void cleanUp() throws Exception {
        provider.stop();
        for (LoopImage i : images) {
            i.close();
        }
    }

    private LoopImage image(String name, String fs, String label) throws Exception {
        LoopImage i = LoopImage.create(dir, name, fs, label, 64);
        images.add(i);
        return i;
    }

    /** The next event about {@code mountPoint}; other mounts of the machine are skipped. */
    private Seen await(boolean mounted, Path mountPoint) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            Seen s = seen.poll(100, TimeUnit.MILLISECONDS);
            if (s != null && s.mounted() == mounted && s.volume().mountPoint().equals(mountPoint)) {
                return s;
            }
        }
        fail((mounted ? "mount" : "unmount") + " of " + mountPoint + " not reported within 5 s");
        return null;
    }

    /**
     * Milliseconds from the command's return to the event; negative when the event arrived before
     * the command had returned (the kernel's change notification beats the command's exit).
     */
    private static double millisSince(long t0, Seen s) {
        return (s.nanos() - t0) / 1e6;
    }

    @Test
    void exfatMountsAndUnmountsArePushedWithin250Milliseconds() throws Exception {
        LoopImage.assumeExfatMounts();
        LoopImage card = image("A001", "exfat", "A001").attach();
        FilesystemFacts expected = Superblocks.read(card.image(), 0).orElseThrow();
        provider.start(sink);

        card.mount("exfat");
        long t0 = System.nanoTime();
        Seen m = await(true, card.mountPoint());
        double mountLatency = millisSince(t0, m);
        MountedVolume v = m.volume();
        assertEquals(card.device(), v.deviceNode());
        assertEquals("exfat", v.fsType());
        assertEquals("A001", v.label());
        assertEquals(expected.id(), v.fsId());
        assertEquals(64L << 20, v.capacity());
        assertEquals(Bus.IMAGE, v.bus());
        assertTrue(v.removable());
        assertEquals("", v.hardwareSerial(), "loop devices have no serial");
        assertEquals(Classification.REMOVABLE, v.classification());
        assertTrue(v.key().startsWith("linux:"), v.key());

        card.unmount();
        long t1 = System.nanoTime();
        Seen u = await(false, card.mountPoint());
        double unmountLatency = millisSince(t1, u);
        assertEquals(v.key(), u.volume().key());

        card.mount("exfat");
        long t2 = System.nanoTime();
        Seen again = await(true, card.mountPoint());
        double remountLatency = millisSince(t2, again);
        assertNotEquals(v.key(), again.volume().key(), "a re-mount is a new appearance");
        assertEquals(v.fsId(), again.volume().fsId());

        System.out.printf("mount.linux latency: mount %.1f ms, unmount %.1f ms, re-mount %.1f ms%n", mountLatency, unmountLatency,
                remountLatency);
        assertTrue(mountLatency < LIMIT_MILLIS, "mount reported after " + mountLatency + " ms");
        assertTrue(unmountLatency < LIMIT_MILLIS, "unmount reported after " + unmountLatency + " ms");
        assertTrue(remountLatency < LIMIT_MILLIS, "re-mount reported after " + remountLatency + " ms");
    }

    @Test
    void aFat32CardMountedThroughFusefatIsTracedToItsDevice() throws Exception {
        LoopImage.assumeFatMounts();
        LoopImage card = image("FAT1", "fat32", "FATCARD").attach();
        FilesystemFacts expected = Superblocks.read(card.image(), 0).orElseThrow();
        provider.start(sink);
        card.mount("fat32");
        long t0 = System.nanoTime();
        Seen m = await(true, card.mountPoint());
        double latency = millisSince(t0, m);
        MountedVolume v = m.volume();
        assertEquals(card.device(), v.deviceNode(), "found through the FUSE driver's arguments");
        assertEquals("fat32", v.fsType());
        assertEquals("FATCARD", v.label());
        assertEquals(expected.id(), v.fsId());
        assertTrue(v.readOnly());
        System.out.printf("mount.linux latency: fusefat mount %.1f ms%n", latency);
        assertTrue(latency < LIMIT_MILLIS, "mount reported after " + latency + " ms");
        card.unmount();
        await(false, card.mountPoint());
    }

    @Test
    void volumesMountedBeforeStartAreReportedBeforeStartReturns() throws Exception {
        LoopImage.assumeExfatMounts();
        LoopImage card = image("B002", "exfat", "B002").attach();
        card.mount("exfat");
        provider.start(sink);
        Seen s = seen.stream().filter(x -> x.volume().mountPoint().equals(card.mountPoint())).findFirst().orElse(null);
        assertNotNull(s, "reported synchronously by start()");
        assertTrue(seen.stream().anyMatch(x -> x.volume().mountPoint().equals(Path.of("/"))
                && x.volume().classification() == Classification.SYSTEM), "the root filesystem is system");
    }

    @Test
    void probeReadsADeviceThatIsNotMounted() throws Exception {
        LoopImage.assumeExfatMounts();
        LoopImage card = image("C003", "exfat", "C003").attach();
        FilesystemFacts f = provider.probe(card.device()).orElseThrow();
        assertEquals("exfat", f.type());
        assertEquals("C003", f.label());
        assertEquals(64L << 20, f.capacity());
        assertEquals(Superblocks.read(card.image(), 0).orElseThrow().id(), f.id());
    }
}
