/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.project.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import io.cartwright.device.DeviceEvent;
import io.cartwright.device.DeviceRecord;
import io.cartwright.device.DeviceRegistry;
import io.cartwright.device.DeviceState;
import io.cartwright.device.DeviceWatch;
import io.cartwright.device.IdentityMatch;
import io.cartwright.mount.MountService;
import io.cartwright.project.AssignRequest;
import io.cartwright.project.Assignment;
import io.cartwright.project.AutoOffload;
import io.cartwright.project.CardPlan;
import io.cartwright.project.CardPlanRequest;
import io.cartwright.project.CardPlanner;
import io.cartwright.project.ChannelRule;
import io.cartwright.project.ProjectService;
import io.cartwright.project.Settings;
import io.cartwright.project.UnitContext;
import io.cartwright.project.UnitPath;
import io.cartwright.routing.Channel;
import io.cartwright.routing.ChannelConflictPolicy;
import io.cartwright.routing.Matcher;
import io.cartwright.routing.Template;
import io.cartwright.routing.UnmatchedMode;
import io.cartwright.store.Store;
import io.cartwright.testsupport.LoopImage;

/**
 * Issue 5's acceptance with real mounts: a project of 3 days x 2 units; four exFAT card images on
 * loop devices, mounted through FUSE and recognised by the device registry's watch (the workbench's
 * path), registered and assigned with their own overrides. One card is unmounted and mounted again:
 * the registry gives the same device a new mount generation, and the card brings back its unit,
 * role, template and channel overrides, source roots and auto-offload rule without any input, and
 * plans through them. Needs root, /dev/fuse, losetup, exfatprogs and exfat-fuse; skipped otherwise.
 */
@EnabledOnOs(OS.LINUX)
class RealMountRemountTest {

    private static final LocalDate DAY3 = LocalDate.of(2026, 6, 19);

    /** A card on the cart: its image, files, and where it is assigned. */
    private record Spec(String label, UnitPath unit, String role, String camera, Settings overrides, String... files) {
    }

    static final Template MIRRORLESS = new Template("mirrorless", "XAVC S cards", List.of(
            new Channel("camera", List.of(Matcher.extension("mp4")), List.of(), "{project}/{day}/{unit}/{cam}/{card}/{relpath}",
                    ChannelConflictPolicy.FAIL)),
            UnmatchedMode.QUARANTINE, null, Map.of("grade", "")).withQuarantine(
                    new Channel("quarantine", List.of(), List.of(), "{project}/_QUARANTINE/{card}/{path}", ChannelConflictPolicy.VERSION));

    @TempDir
    Path dir;
    Store store;
    DeviceRegistry registry;
    ProjectService projects;
    CardPlanner planner;
    DeviceWatch watch;
    final List<LoopImage> images = new ArrayList<>();
    final BlockingQueue<DeviceEvent> events = new LinkedBlockingQueue<>();

    @BeforeEach
    void open() throws Exception {
        LoopImage.assumeExfatMounts();
        store = Fixtures.open(dir.resolve("show.db"));
        MountService mounts = Fixtures.service(MountService.class);
        assertTrue(mounts.live(), "the Linux mount provider must be running in this runtime");
        registry = Fixtures.service(DeviceRegistry.class);
        projects = Fixtures.service(ProjectService.class);
        planner = Fixtures.service(CardPlanner.class);
        watch = registry.watch(store, events::add);
    }

    /** Every mount and loop device goes, whatever happened in the test. */
    @AfterEach
    void close() {
        if (watch != null) {
            watch.close();
        }
        for (LoopImage image : images) {
            try {
                image.close();
            } catch (IOException | RuntimeException e) {
                System.err.println("cleanup of " + image.image() + " failed: " + e);
            }
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aRemountedCardBringsBackItsUnitRoutingOverridesAndAutoOffloadRule() throws Exception {
        projects.saveTemplate(store, TemplateStoreTest.DAILIES, true, "dit");
        projects.saveTemplate(store, MIRRORLESS, true, "dit");
        ProjectTreeTest.threeDaysTwoUnits(projects, store);
        projects.updateProject(store, "NIGHTJAR", s -> s.withTemplate("dailies"), "dit");

        Settings cOverrides = Settings.INHERIT.withTemplate("mirrorless").withAutoOffload(AutoOffload.ON_MOUNT)
                .withSourceRoots(List.of("PRIVATE/M4ROOT/CLIP")).withTokens(Map.of("grade", "LOG"))
                .withChannelRule("camera", new ChannelRule("{project}/{date:yyyyMMdd}/{unit}/{role}/{grade}/{relpath}",
                        ChannelConflictPolicy.VERSION));
        List<Spec> specs = List.of(
                new Spec("FX6_A015", UnitPath.parse("NIGHTJAR/DAY01/MAIN"), "A-CAM", "A", Settings.INHERIT,
                        "PRIVATE/XDROOT/Clip/A015C001_2606170J.MXF", "PRIVATE/XDROOT/MEDIAPRO.XML"),
                new Spec("RED_B001", UnitPath.parse("NIGHTJAR/DAY01/SPLINTER"), "B-CAM", "B",
                        Settings.INHERIT.withAutoOffload(AutoOffload.ON_MOUNT), "B001_0617AB.RDM/B001_C001_0617XY.RDC/B001_C001_0617XY_001.R3D"),
                new Spec("SD_664", UnitPath.parse("NIGHTJAR/DAY02/MAIN"), "SOUND", "", Settings.INHERIT.withAutoOffload(AutoOffload.MANUAL),
                        "DAY02/S001T01.WAV", "DAY02/DAY02.csv"),
                new Spec("A7_C", UnitPath.parse("NIGHTJAR/DAY03/SPLINTER"), "C-CAM", "C", cOverrides,
                        "PRIVATE/M4ROOT/CLIP/C0001.MP4", "PRIVATE/M4ROOT/CLIP/C0001M01.XML", "DCIM/100MSDCF/DSC00001.JPG"));

        // Four cards go into readers: each is seen by the registry's watch, registered and assigned.
        Map<String, DeviceEvent> seen = new LinkedHashMap<>();
        Map<String, LoopImage> byLabel = new LinkedHashMap<>();
        for (Spec s : specs) {
            LoopImage image = LoopImage.create(dir, s.label(), "exfat", s.label(), 64);
            images.add(image);
            image.attach().mount("exfat");
            DeviceEvent identity = awaitIdentity(image);
            assertEquals(IdentityMatch.NEW, identity.match(), s.label() + " is a card never seen before");
            assertEquals(1, identity.mountGeneration());
            for (String f : s.files()) {
                Path p = image.mountPoint().resolve(f);
                Files.createDirectories(p.getParent());
                Files.writeString(p, f, StandardCharsets.UTF_8);
            }
            long id = identity.device().id();
            registry.register(store, id, s.label(), "CW-" + s.label(), "dit");
            projects.assign(store, new AssignRequest(id, s.unit(), s.role(), s.camera(), "ana", s.overrides()));
            seen.put(s.label(), identity);
            byLabel.put(s.label(), image);
        }
        assertEquals(4, seen.values().stream().map(e -> e.device().id()).distinct().count(), "four different devices");
        assertEquals(4, projects.assignments(store, "NIGHTJAR").size());

        long c = seen.get("A7_C").device().id();
        UnitContext before = projects.recognise(store, c).orElseThrow();
        Assignment assigned = before.assignment().orElseThrow();

        // The C-camera card is pulled and put back: unmounted, the loop device detached, then the same
        // image attached and mounted again. Nobody types anything.
        LoopImage card = byLabel.get("A7_C");
        card.unmount();
        await(DeviceEvent.Kind.UNMOUNTED, card);
        assertNull(registry.device(store, c).orElseThrow().mountPoint(), "not mounted while out of the reader");
        card.detach();
        card.attach().mount("exfat");
        DeviceEvent again = awaitIdentity(card);
        assertEquals(c, again.device().id(), "the same device comes back");
        assertEquals(IdentityMatch.FILESYSTEM, again.match(), "recognised by its filesystem (no hardware serial on a loop device)");
        assertEquals(seen.get("A7_C").mountGeneration() + 1, again.mountGeneration(), "a new mount generation");
        DeviceRecord record = registry.device(store, c).orElseThrow();
        assertEquals(DeviceState.LIVE, record.state());
        assertEquals(card.mountPoint(), record.mountPoint());
        assertEquals(2, record.mountGeneration());

        UnitContext after = projects.recognise(store, c).orElseThrow();
        assertEquals(before, after, "everything the card brings back is what it had");
        Assignment a = after.assignment().orElseThrow();
        assertEquals(assigned.id(), a.id(), "the same assignment, not a new one");
        assertEquals(1, projects.history(store, c).size(), "nothing was assigned again");
        assertEquals("NIGHTJAR/DAY03/SPLINTER", after.path().toString());
        assertEquals("C-CAM", a.role());
        assertEquals("C", a.camera());
        assertEquals("mirrorless", after.settings().template().orElseThrow(), "the device's template override");
        assertEquals("assignment " + a.id() + " (device " + c + ")", after.settings().origin("template"));
        assertEquals(new ChannelRule("{project}/{date:yyyyMMdd}/{unit}/{role}/{grade}/{relpath}", ChannelConflictPolicy.VERSION),
                after.settings().effective().channelRules().get("camera"), "the device's channel override");
        assertEquals("LOG", after.settings().effective().tokens().get("grade"));
        assertEquals("NJ", after.settings().effective().tokens().get("show"), "project tokens still merge in");
        assertEquals(List.of("PRIVATE/M4ROOT/CLIP"), after.settings().sourceRoots(), "the device's source override");
        assertEquals(AutoOffload.ON_MOUNT, after.settings().autoOffload(), "its auto-offload rule");
        assertEquals(List.of("/raid/NIGHTJAR", "/backup/NIGHTJAR"), after.settings().effective().destinations(),
                "the project's destinations");

        // The re-mounted card plans through all of it, from its new mount point.
        CardPlan plan = planner.plan(store, record.mountPoint(), CardPlanRequest.on(DAY3).withDevice(c).withCard(record.label()));
        assertTrue(plan.plan().executable(), plan.plan().problems().toString());
        assertEquals("mirrorless", plan.template().name());
        assertEquals(ChannelConflictPolicy.VERSION, plan.template().channel("camera").orElseThrow().conflict());
        assertEquals(Map.of(
                "PRIVATE/M4ROOT/CLIP/C0001.MP4", "NIGHTJAR/20260619/SPLINTER/C-CAM/LOG/C0001.MP4",
                "PRIVATE/M4ROOT/CLIP/C0001M01.XML", "NIGHTJAR/_QUARANTINE/A7_C/PRIVATE/M4ROOT/CLIP/C0001M01.XML",
                "DCIM/100MSDCF/DSC00001.JPG", "NIGHTJAR/_QUARANTINE/A7_C/DCIM/100MSDCF/DSC00001.JPG"), plan.targets());

        // The cards that stayed in their readers keep theirs too.
        for (Spec s : specs) {
            long id = seen.get(s.label()).device().id();
            UnitContext ctx = projects.recognise(store, id).orElseThrow();
            assertEquals(s.unit(), ctx.path(), s.label());
            assertEquals(s.role(), ctx.assignment().orElseThrow().role(), s.label());
            assertEquals(s.overrides().autoOffload() != null ? s.overrides().autoOffload() : AutoOffload.CONFIRM,
                    ctx.settings().autoOffload(), s.label());
            assertEquals(DeviceState.LIVE, registry.device(store, id).orElseThrow().state(), s.label());
        }
        long a015 = seen.get("FX6_A015").device().id();
        assertNotEquals(c, a015);
        CardPlan a015Plan = planner.plan(store, byLabel.get("FX6_A015").mountPoint(),
                CardPlanRequest.on(DAY3).withDevice(a015).withCard("FX6_A015").withLayout("none"));
        assertEquals("NIGHTJAR/DAY01/MAIN/A/FX6_A015/PRIVATE/XDROOT/Clip/A015C001_2606170J.MXF",
                a015Plan.targets().get("PRIVATE/XDROOT/Clip/A015C001_2606170J.MXF"));
    }

    private DeviceEvent awaitIdentity(LoopImage image) throws InterruptedException {
        return await(DeviceEvent.Kind.IDENTITY, image);
    }

    private DeviceEvent await(DeviceEvent.Kind kind, LoopImage image) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            DeviceEvent e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e != null && e.kind() == kind && e.volume() != null && e.volume().mountPoint().equals(image.mountPoint())) {
                return e;
            }
        }
        fail("no " + kind + " event for " + image.mountPoint() + " within 10 s");
        return null;
    }
}
