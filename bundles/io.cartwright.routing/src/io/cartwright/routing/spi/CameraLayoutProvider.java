/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.spi;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implement me: recognises the cards of a camera (or recorder) family and describes their layout.
 * Register an implementation as a DS service in your own bundle and package, for example
 *
 * <pre>
 * &#64;Component(service = CameraLayoutProvider.class, property = "camera.vendor=acme")
 * public final class AcmeLayoutProvider implements CameraLayoutProvider { ... }
 * </pre>
 *
 * Cartwright's layout registry picks providers up and drops them as bundles come and go. When
 * several providers recognise one card, the layout that puts the most files into clip groups wins
 * (then the higher {@code service.ranking}, then the provider id). A device's own source roots
 * always win over detection.
 *
 * <p>Implementations must be thread-safe and {@link #detect} must be a pure function of the tree:
 * no file access (the tree already holds every path, size and time), no state between calls, quick
 * on a card of 100 000 files. Throwing is treated as "not recognised" and logged.
 *
 * <p>Simple cameras need no Java: a bundle can list JSON layout descriptions in a
 * {@code Camera-Layouts} manifest header instead (see the routing bundle's README).
 */
@ConsumerType
public interface CameraLayoutProvider {

    /** A stable id in the vendor's namespace: {@code io.cartwright.sony}, {@code com.example.acme}. */
    String id();

    /** A name for people; the id unless overridden. */
    default String displayName() {
        return id();
    }

    /**
     * The layout of {@code card} if it is one of this provider's cards; empty otherwise.
     *
     * @param card the card's files, read once; never modified
     */
    Optional<SourceLayout> detect(CardTree card);
}
