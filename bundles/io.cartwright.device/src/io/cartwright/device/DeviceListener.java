/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.device;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives the events of a {@link DeviceWatch}. Implemented by callers ({@link ConsumerType}).
 *
 * <p>Thread rules: called one event at a time, in order, from the mount service's event thread (or
 * the thread that registered a device). Return quickly; exceptions are ignored.
 */
@ConsumerType
@FunctionalInterface
public interface DeviceListener {

    /** A listener that ignores everything (a watch that only records). */
    DeviceListener NONE = e -> {
    };

    void deviceEvent(DeviceEvent event);
}
