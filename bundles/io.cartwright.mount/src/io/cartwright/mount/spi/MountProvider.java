/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.spi;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

import io.cartwright.mount.FilesystemFacts;

/**
 * Reports the volumes of one operating system (or one kind of storage) to the mount service.
 * Implement it and register it as an OSGi service ({@code @Component(service = MountProvider.class)});
 * the mount service collects every provider dynamically. This is an SPI ({@link ConsumerType}): new
 * methods will only ever be added with a default.
 *
 * <p>Contract: changes must be pushed as they happen (OS change notifications, not a timer), within
 * 250 ms of the OS completing the mount or unmount. Each volume's {@code key} must be unique per
 * mount appearance, so a re-mount of the same medium has a new key. Providers fill everything they
 * know; the mount service may reclassify volumes as system.
 *
 * <p>Thread rules: {@link #start} and {@link #stop} are called by the mount service, never
 * concurrently; the sink may be called from any thread the provider owns.
 */
@ConsumerType
public interface MountProvider {

    /** A short name for messages ({@code linux}, {@code macos}, {@code windows}). */
    String name();

    /**
     * Starts reporting: calls {@link MountSink#mounted} for every volume mounted now before
     * returning, then reports changes from a thread of the provider until {@link #stop}.
     *
     * @throws IllegalStateException if the OS facility is unusable; the service reports it and
     *         runs without this provider
     */
    void start(MountSink sink);

    /** Stops reporting and releases threads and native resources; returns once no more sink calls happen. */
    void stop();

    /** Reads filesystem facts from a device that need not be mounted (used after a format). */
    default Optional<FilesystemFacts> probe(String deviceNode) {
        return Optional.empty();
    }
}
