/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The volumes mounted on this computer, live. Provided as an OSGi service by this bundle
 * ({@link ProviderType}); the work is done by the {@link io.cartwright.mount.spi.MountProvider}s
 * present for this OS, and changes are pushed (no caller polls). Thread-safe.
 */
@ProviderType
public interface MountService {

    /** The volumes mounted now, system volumes included (see {@link MountedVolume#classification()}). */
    List<MountedVolume> volumes();

    /** The mounted volume holding {@code path} (the deepest mount point containing it), if any provider reports one. */
    Optional<MountedVolume> volumeOf(Path path);

    /**
     * Adds a listener. It first receives a {@link MountEvent.Kind#MOUNTED} event marked
     * {@link MountEvent#initial() initial} for every volume mounted now, then every change, until the
     * returned handle is closed.
     */
    Registration addListener(MountListener listener);

    /**
     * Classifies the filesystem holding {@code path} as {@link Classification#SYSTEM} from now on (the
     * database file, for one). The default database location is always treated so.
     */
    void addSystemPath(Path path);

    /**
     * Reads the filesystem facts from a device that need not be mounted (after a format, for one).
     * Empty if no provider can read it.
     *
     * @param deviceNode as in {@link MountedVolume#deviceNode()}
     */
    Optional<FilesystemFacts> probe(String deviceNode);

    /**
     * True when at least one provider is running, so the volume list reflects reality; false on an
     * OS without a provider bundle, where "not mounted" means "not known".
     */
    boolean live();

    /** Removes a listener when closed. Closing twice is harmless. */
    @FunctionalInterface
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
