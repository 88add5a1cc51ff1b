/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package com.example.camera.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.example.camera.internal.AcmeLayoutProvider;

import io.cartwright.routing.CameraLayouts;
import io.cartwright.routing.spi.CameraLayoutProvider;
import io.cartwright.routing.spi.CardFile;
import io.cartwright.routing.spi.CardTree;
import io.cartwright.routing.spi.ClipGroup;
import io.cartwright.routing.spi.FileTokens;
import io.cartwright.routing.spi.SourceLayout;

/** How a vendor tests its layouts: the Java provider as a plain object, the data-only file through Cartwright. */
class AcmeLayoutTest {

    private static CardTree tree(String... paths) {
        return CardTree.of("ACME_A001", Arrays.stream(paths).map(p -> CardFile.of(p, 1)).toList());
    }

    @Test
    void theJavaProviderGroupsClipSegmentsSidecarAndProxy() {
        SourceLayout layout = new AcmeLayoutProvider().detect(tree("ACME/CARD.ID", "ACME/CLIPS/A001/A001C001.MOV",
                "ACME/CLIPS/A001/A001C001.ACM", "ACME/CLIPS/A001/A001C001_02.MOV", "ACME/PROXY/A001C001_proxy.mp4",
                "ACME/CLIPS/A001/A001C002.MOV")).orElseThrow();
        assertEquals("Acme X1", layout.family());
        assertEquals(List.of("ACME"), layout.sourceRoots());
        assertEquals("A001", layout.reel());
        ClipGroup c1 = layout.clipGroups().get(0);
        assertEquals("ACME/CLIPS/A001/A001C001.MOV", c1.primary());
        assertEquals(4, c1.members().size());
        assertEquals(new FileTokens("A001", "A001C001"), layout.tokensOf("ACME/PROXY/A001C001_proxy.mp4"));
        assertTrue(new AcmeLayoutProvider().detect(tree("DCIM/100ACME/IMG_0001.JPG")).isEmpty());
    }

    @Test
    void theDataOnlyLayoutFileIsValidAndRecognisesAnX2Card() throws Exception {
        CameraLayoutProvider x2;
        try (InputStream in = AcmeLayoutTest.class.getResourceAsStream("/OSGI-INF/layouts/acme-x2.json")) {
            assertNotNull(in, "the layout file is in the bundle");
            x2 = layouts().readLayout(in, "acme-x2.json");
        }
        SourceLayout layout = x2.detect(tree("X2ROOT/INDEX.X2", "X2ROOT/CLIPS/B002C007_260617.MOV",
                "X2ROOT/CLIPS/B002C007_260617_META.XML", "X2ROOT/CLIPS/B002C007_260617.WAV",
                "X2ROOT/PROXY/B002C007_260617_P.MP4")).orElseThrow();
        assertEquals("Acme X2", layout.family());
        assertEquals(1, layout.clipGroups().size(), "the proxy in its own folder joins its clip");
        assertEquals(4, layout.clipGroups().get(0).members().size());
        assertEquals(new FileTokens("B002", "B002C007_260617"), layout.tokensOf("X2ROOT/CLIPS/B002C007_260617.WAV"));
        assertEquals("X2ROOT/CLIPS/B002C007_260617.MOV", layout.clipGroups().get(0).primary());
    }

    @Test
    void insideTheFrameworkBothLayoutsAreRegistered() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(AcmeLayoutTest.class);
        org.junit.jupiter.api.Assumptions.assumeTrue(bundle != null && bundle.getBundleContext() != null,
                "runs inside an OSGi framework (tycho-surefire)");
        List<String> ids = layouts().providers();
        assertTrue(ids.contains("com.example.camera.x1"), "the DS component: " + ids);
        assertTrue(ids.contains("com.example.camera.x2"), "the Camera-Layouts header: " + ids);
    }

    /** Cartwright's layout registry: the OSGi service inside the framework, else the plain-Java one. */
    private static CameraLayouts layouts() throws InterruptedException {
        Bundle bundle = FrameworkUtil.getBundle(AcmeLayoutTest.class);
        if (bundle != null && bundle.getBundleContext() != null) {
            ServiceTracker<CameraLayouts, CameraLayouts> t = new ServiceTracker<>(bundle.getBundleContext(), CameraLayouts.class, null);
            t.open();
            return t.waitForService(TimeUnit.SECONDS.toMillis(20));
        }
        return ServiceLoader.load(CameraLayouts.class).findFirst().orElseThrow();
    }
}
