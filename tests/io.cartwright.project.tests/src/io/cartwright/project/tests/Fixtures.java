/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.project.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.cartwright.project.internal.ProjectServiceImpl;
import io.cartwright.routing.RoutingService;
import io.cartwright.store.Store;
import io.cartwright.store.StoreManager;

/**
 * Real SQLite files and the services the project service needs. Inside the framework the store
 * and the routing service come from the OSGi registry (the store's internals are not exported);
 * in a plain JUnit run, from {@code SqliteStore.open(Path)} and {@link ServiceLoader}.
 */
final class Fixtures {

    private Fixtures() {
    }

    private static BundleContext context() {
        Bundle b = FrameworkUtil.getBundle(Fixtures.class);
        return b == null ? null : b.getBundleContext();
    }

    static <S> S service(Class<S> type) throws InterruptedException {
        BundleContext context = context();
        if (context != null) {
            ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
            tracker.open();
            S s = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
            assertNotNull(s, type.getSimpleName() + " is registered");
            return s;
        }
        return ServiceLoader.load(type).findFirst().orElseThrow();
    }

    /** Opens (creating and migrating) a database file. */
    static Store open(Path file) throws Exception {
        if (context() != null) {
            return service(StoreManager.class).open(file);
        }
        return (Store) Class.forName("io.cartwright.store.internal.SqliteStore").getMethod("open", Path.class).invoke(null, file);
    }

    /**
     * The same file seen by a fresh process: closed and opened again in a plain run; inside the
     * framework the store manager keeps one open store per file, as the product does.
     */
    static Store reopen(Store store) throws Exception {
        if (context() != null) {
            return store;
        }
        Path file = store.file();
        store.close();
        return open(file);
    }

    /** A clock that ticks one second per call, so history rows have distinct times. */
    static Clock ticking() {
        AtomicLong seconds = new AtomicLong(Instant.parse("2026-06-17T08:00:00Z").getEpochSecond());
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochSecond(seconds.getAndIncrement());
            }
        };
    }

    static ProjectServiceImpl projects() throws InterruptedException {
        return new ProjectServiceImpl(service(RoutingService.class), ticking());
    }

    static long activityCount(Store store, String action) {
        return activityDetails(store, action).size();
    }

    /** The details of the activity rows with {@code action}, oldest first. */
    static List<String> activityDetails(Store store, String action) {
        return store.read(c -> {
            List<String> details = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT detail FROM activity WHERE action = ? ORDER BY id")) {
                ps.setString(1, action);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        details.add(rs.getString(1));
                    }
                }
            }
            return details;
        });
    }

    static Path write(Path root, String... paths) throws IOException {
        for (String p : paths) {
            Path f = root.resolve(p);
            Files.createDirectories(f.getParent());
            Files.writeString(f, p, StandardCharsets.UTF_8);
        }
        return root;
    }
}
