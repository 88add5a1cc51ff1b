/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.cartwright.routing.PlanEntry;
import io.cartwright.routing.RoutePlan;
import io.cartwright.routing.RoutingService;
import io.cartwright.routing.TokenContext;
import io.cartwright.routing.spi.ClipGroup;
import io.cartwright.routing.spi.SourceLayout;

/**
 * Fixture cards written as tiny real files, and the routing service to plan them with: shared by
 * our camera layout tests and usable by a vendor testing its own {@code CameraLayoutProvider}.
 */
public final class CardFixture {

    private CardFixture() {
    }

    /** Writes each path as a small file whose content is its own path. */
    public static Path write(Path root, String... paths) throws IOException {
        for (String p : paths) {
            Path f = root.resolve(p);
            Files.createDirectories(f.getParent());
            Files.writeString(f, p, StandardCharsets.UTF_8);
        }
        return root;
    }

    public static TokenContext tokens(String card) {
        return TokenContext.builder(card, LocalDate.of(2026, 6, 17)).project("NIGHTJAR").day("DAY01").unit("MAIN")
                .wu(List.of("DAY01", "MAIN")).cam("A").role("A-CAM").device("7").build();
    }

    /**
     * The routing service: from the OSGi registry when the test runs in a framework, else through
     * {@link ServiceLoader} (the routing bundle registers its implementation for plain Java).
     */
    public static RoutingService routing() throws InterruptedException {
        Bundle bundle = FrameworkUtil.getBundle(CardFixture.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context != null) {
            ServiceTracker<RoutingService, RoutingService> tracker = new ServiceTracker<>(context, RoutingService.class, null);
            tracker.open();
            RoutingService service = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
            assertNotNull(service, "the routing service is registered");
            return service;
        }
        return ServiceLoader.load(RoutingService.class).findFirst().orElseThrow();
    }

    /** Source path -> planned entry (entries and quarantined). */
    public static Map<String, PlanEntry> bySource(RoutePlan plan) {
        Map<String, PlanEntry> m = new TreeMap<>();
        plan.copies().forEach(e -> m.put(e.source(), e));
        return m;
    }

    /** Every member of every clip group is planned, in one channel, tagged with its group. */
    public static void assertGroupsTravelTogether(RoutePlan plan, SourceLayout layout) {
        Map<String, PlanEntry> m = bySource(plan);
        for (ClipGroup g : layout.clipGroups()) {
            Set<String> channels = new HashSet<>();
            for (String member : g.members()) {
                PlanEntry e = m.get(member);
                assertNotNull(e, member + " of " + g.id() + " is planned");
                assertEquals(g.id(), e.clipGroup(), member);
                channels.add(e.channel());
            }
            assertEquals(1, channels.size(), g.id() + " travels in one channel: " + channels);
        }
    }
}
