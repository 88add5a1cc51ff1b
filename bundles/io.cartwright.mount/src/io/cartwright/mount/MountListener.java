/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives {@link MountEvent}s from the {@link MountService}. Implemented by callers
 * ({@link ConsumerType}).
 *
 * <p>Thread rules: events arrive one at a time, in order, on the mount service's event thread. A
 * listener should return quickly (a database write is fine; a copy is not). An exception thrown by a
 * listener is ignored and does not stop the events to it or to others.
 */
@ConsumerType
@FunctionalInterface
public interface MountListener {

    void mountChanged(MountEvent event);
}
