/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.device.tests;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.cartwright.mount.MountService;
import io.cartwright.store.Store;
import io.cartwright.store.StoreManager;

/**
 * The real services for these tests: from the OSGi registry when the tests run inside the framework
 * (tycho-surefire), else built by hand from the implementation classes on the class path (a plain
 * JUnit run), so the same tests work both ways.
 */
final class Services {

    private static MountService standaloneMounts;

    private Services() {
    }

    static boolean inFramework() {
        Bundle b = FrameworkUtil.getBundle(Services.class);
        return b != null && b.getBundleContext() != null;
    }

    static <S> S fromFramework(Class<S> type) {
        Bundle b = FrameworkUtil.getBundle(Services.class);
        ServiceTracker<S, S> t = new ServiceTracker<>(b.getBundleContext(), type, null);
        t.open();
        try {
            S s = t.waitForService(TimeUnit.SECONDS.toMillis(20));
            if (s == null) {
                throw new IllegalStateException("the service " + type.getName() + " did not start in the test runtime");
            }
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A database file opened and migrated by the store bundle. */
    static Store openStore(Path file) throws Exception {
        if (inFramework()) {
            return fromFramework(StoreManager.class).open(file);
        }
        Method open = Class.forName("io.cartwright.store.internal.SqliteStore").getMethod("open", Path.class);
        return (Store) open.invoke(null, file);
    }

    /** The mount service with the Linux provider. */
    static synchronized MountService realMounts() throws Exception {
        if (inFramework()) {
            return fromFramework(MountService.class);
        }
        if (standaloneMounts == null) {
            Class<?> impl = Class.forName("io.cartwright.mount.internal.MountServiceImpl");
            MountService m = (MountService) impl.getConstructor().newInstance();
            // By name: the device bundle does not import the SPI, and in the framework this never runs.
            Object linux = Class.forName("io.cartwright.mount.linux.internal.LinuxMountProvider").getConstructor().newInstance();
            impl.getMethod("addProvider", Class.forName("io.cartwright.mount.spi.MountProvider")).invoke(m, linux);
            standaloneMounts = m;
        }
        return standaloneMounts;
    }
}
