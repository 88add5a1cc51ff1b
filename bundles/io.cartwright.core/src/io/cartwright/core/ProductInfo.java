/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.core;

import org.osgi.annotation.versioning.ProviderType;

/** The running product: its version and where its files live. Provided as an OSGi service. */
@ProviderType
public interface ProductInfo {

    /** Product name shown to users. */
    String name();

    /** Version of the core bundle, e.g. {@code 0.1.0.202611231930}. */
    String version();

    DataLocations locations();
}
