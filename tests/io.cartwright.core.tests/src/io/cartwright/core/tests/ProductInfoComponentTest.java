/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;

import io.cartwright.core.ProductInfo;

/** Runs inside Equinox: the core bundle's DS component is registered by Felix SCR and activates. */
class ProductInfoComponentTest {

    private final BundleContext context = FrameworkUtil.getBundle(ProductInfoComponentTest.class).getBundleContext();

    @Test
    void productInfoServiceIsProvidedByDeclarativeServices() throws Exception {
        ProductInfo info = service(ProductInfo.class);
        Bundle core = FrameworkUtil.getBundle(ProductInfo.class);
        assertEquals("io.cartwright.core", core.getSymbolicName());
        assertEquals(core.getVersion().toString(), info.version());
        assertEquals("Cartwright", info.name());
        assertTrue(info.locations().database().toString().endsWith(".db"), info.locations().database().toString());
    }

    @Test
    void componentIsActiveInTheRuntime() throws Exception {
        service(ProductInfo.class); // a delayed component activates on first use
        ServiceComponentRuntime scr = service(ServiceComponentRuntime.class);
        Bundle core = FrameworkUtil.getBundle(ProductInfo.class);
        ComponentDescriptionDTO description = scr.getComponentDescriptionDTOs(core).stream()
                .filter(d -> d.name.equals("io.cartwright.core.internal.ProductInfoComponent")).findFirst()
                .orElseThrow(() -> new AssertionError("ProductInfoComponent not declared; DS XML missing?"));
        assertTrue(Arrays.asList(description.serviceInterfaces).contains(ProductInfo.class.getName()));
        ComponentConfigurationDTO configuration = scr.getComponentConfigurationDTOs(description).iterator().next();
        assertEquals(ComponentConfigurationDTO.ACTIVE, configuration.state, "component state");
    }

    private <S> S service(Class<S> type) throws InterruptedException {
        ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        S s = tracker.waitForService(10_000);
        assertNotNull(s, type.getSimpleName() + " service not available within 10 s");
        return s;
    }
}
