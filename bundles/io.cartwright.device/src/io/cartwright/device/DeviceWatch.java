/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.device;

import org.osgi.annotation.versioning.ProviderType;

/** A running watch ({@link DeviceRegistry#watch}); closing it stops the events to its listener. */
@ProviderType
public interface DeviceWatch extends AutoCloseable {

    @Override
    void close();
}
