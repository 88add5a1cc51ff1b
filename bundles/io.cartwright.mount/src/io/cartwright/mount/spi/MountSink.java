/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.spi;

import org.osgi.annotation.versioning.ProviderType;

import io.cartwright.mount.MountedVolume;

/**
 * Where a {@link MountProvider} reports changes. Implemented by the mount service
 * ({@link ProviderType}); thread-safe.
 */
@ProviderType
public interface MountSink {

    /** A volume is mounted (or was already mounted when the provider started). */
    void mounted(MountedVolume volume);

    /** A volume reported earlier is no longer mounted; {@code volume.key()} identifies it. */
    void unmounted(MountedVolume volume);
}
