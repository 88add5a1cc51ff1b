/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.core.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.cartwright.core.DataLocations;
import io.cartwright.core.ProductInfo;

/** Reads the version from the core bundle, so every front door reports the same one. */
@Component(service = ProductInfo.class)
public final class ProductInfoComponent implements ProductInfo {

    private final String version;
    private final DataLocations locations;

    @Activate
    public ProductInfoComponent(BundleContext context) {
        this.version = context.getBundle().getVersion().toString();
        this.locations = DataLocations.fromEnvironment();
    }

    @Override
    public String name() {
        return "Cartwright";
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public DataLocations locations() {
        return locations;
    }
}
