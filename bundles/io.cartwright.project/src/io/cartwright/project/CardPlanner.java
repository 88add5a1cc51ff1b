/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.project;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

import io.cartwright.routing.spi.CardTree;
import io.cartwright.store.Store;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Plans a card the one way Cartwright plans cards: the device's assignment (or a work unit) gives
 * the template, channel rules, tokens and source roots; the camera layout is detected; the routing
 * service decides where each file lands. {@code cartwright route plan}, {@code cartwright offload
 * --device/--unit/--template} and the workbench's Routing pane all plan through this service, so
 * the preview is what the offload copies. Reads only. Thread-safe; a DS service.
 */
@ProviderType
public interface CardPlanner {

    /**
     * Plans {@code card}.
     *
     * @param store the database; may be null when {@link CardPlanRequest#needsStore()} is false
     * @throws io.cartwright.core.CartwrightException ({@link io.cartwright.core.ExitCode#USAGE}) when the
     *         device is not assigned, the unit, template or layout is unknown, or a channel rule names no channel
     * @throws io.cartwright.routing.RoutingException ({@link io.cartwright.core.ExitCode#USAGE}) listing every
     *         problem of an invalid template; problems with single files are in {@link io.cartwright.routing.RoutePlan#problems()}
     */
    CardPlan plan(@Nullable Store store, CardTree card, CardPlanRequest request);

    /** Scans {@code source} (metadata only, links never followed) and plans it. */
    default CardPlan plan(@Nullable Store store, Path source, CardPlanRequest request) throws IOException {
        return plan(store, CardTree.scan(source), request);
    }
}
