/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.cli;

import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.cartwright.core.CartwrightException;
import io.cartwright.core.ExitCode;

/** Finds the DS services the commands use, waiting briefly while the framework finishes starting. */
@FunctionalInterface
public interface ServiceLookup {

    <S> S get(Class<S> type);

    /** Looks services up in the OSGi registry of the bundle that holds this class. */
    static ServiceLookup fromFramework() {
        BundleContext context = FrameworkUtil.getBundle(ServiceLookup.class).getBundleContext();
        return new ServiceLookup() {
            @Override
            public <S> S get(Class<S> type) {
                ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
                tracker.open();
                try {
                    S service = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
                    if (service == null) {
                        throw new CartwrightException(ExitCode.FAILED, "The service " + type.getSimpleName()
                                + " did not start.", "The installation may be incomplete; rebuild with ./cartwright --rebuild.");
                    }
                    return service;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CartwrightException(ExitCode.INTERRUPTED, "Interrupted while starting.", "");
                }
                // The tracker stays open: the service must not be released while a command uses it.
            }
        };
    }
}
