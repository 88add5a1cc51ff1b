/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.cartwright.routing.spi.CameraLayoutProvider;
import io.cartwright.routing.spi.CardTree;
import io.cartwright.routing.spi.SourceLayout;

/**
 * The camera layouts known to this installation: every {@link CameraLayoutProvider} service plus
 * the data-only layouts of bundles with a {@code Camera-Layouts} manifest header. Thread-safe; a DS
 * service.
 */
@ProviderType
public interface CameraLayouts {

    /** The ids of the known providers, sorted. */
    List<String> providers();

    /**
     * The best layout for {@code card}: the one that puts the most files into clip groups, then the
     * higher service ranking, then the smaller provider id. Empty if no provider recognises it.
     */
    Optional<SourceLayout> detect(CardTree card);

    /** The layout {@code providerId} sees in {@code card}; empty if unknown provider or not recognised. */
    Optional<SourceLayout> detect(CardTree card, String providerId);

    /**
     * Reads a data-only layout description (the JSON files a {@code Camera-Layouts} manifest header
     * lists), without registering it: for vendors' tests and tools.
     *
     * @param origin where it comes from, for messages
     * @throws IllegalArgumentException listing every problem of the description
     */
    CameraLayoutProvider readLayout(InputStream json, String origin) throws IOException;

    /**
     * The layout to route {@code card} with: detection, with the device's own source roots (when it
     * has any) in place of the detected ones. Per-device overrides win over detection.
     */
    default SourceLayout layoutFor(CardTree card, List<String> deviceSourceRoots) {
        SourceLayout detected = detect(card).orElse(SourceLayout.none());
        return deviceSourceRoots == null || deviceSourceRoots.isEmpty() ? detected
                : detected.withSourceRoots(deviceSourceRoots);
    }
}
