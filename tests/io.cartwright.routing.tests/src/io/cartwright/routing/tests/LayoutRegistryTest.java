/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.cartwright.routing.spi.CameraLayoutProvider;
import io.cartwright.routing.spi.CardTree;
import io.cartwright.routing.spi.ClipGroup;
import io.cartwright.routing.spi.FileTokens;
import io.cartwright.routing.spi.SourceLayout;
import io.cartwright.routing.internal.CameraLayoutRegistry;

/** The registry: dynamic providers, choosing a layout, device overrides, data-only layouts. */
class LayoutRegistryTest {

    private static final CardTree CARD = Cards.tree("A001", "ACME/CLIPS/A001C001.MOV", "ACME/CLIPS/A001C001_META.XML",
            "ACME/CLIPS/A001C002.MOV", "ACME/INDEX.XML", "NOTES.TXT");

    /** Recognises any card with an ACME folder; groups nothing or everything. */
    private record Fake(String id, boolean groupAll) implements CameraLayoutProvider {
        @Override
        public Optional<SourceLayout> detect(CardTree card) {
            if (!card.hasFolder("ACME", false)) {
                return Optional.empty();
            }
            SourceLayout.Builder b = SourceLayout.builder(id, id).sourceRoot("ACME");
            if (groupAll) {
                b.groupBy(card.files(), f -> "all", f -> true, k -> FileTokens.NONE);
            }
            return Optional.of(b.build());
        }
    }

    @Test
    void providersComeAndGoAndTheMostGroupingLayoutWins() {
        CameraLayoutRegistry registry = new CameraLayoutRegistry();
        assertTrue(registry.detect(CARD).isEmpty());
        Fake weak = new Fake("z.weak", false);
        Fake strong = new Fake("a.strong", true);
        registry.addProvider(weak, Map.of());
        assertEquals("z.weak", registry.detect(CARD).orElseThrow().provider());
        registry.addProvider(strong, Map.of());
        assertEquals("a.strong", registry.detect(CARD).orElseThrow().provider());
        assertEquals(List.of("a.strong", "z.weak"), registry.providers());
        assertEquals("z.weak", registry.detect(CARD, "z.weak").orElseThrow().provider());
        registry.removeProvider(strong);
        assertEquals("z.weak", registry.detect(CARD).orElseThrow().provider());
    }

    @Test
    void rankingBreaksTiesAndAFailingProviderIsIgnored() {
        CameraLayoutRegistry registry = new CameraLayoutRegistry();
        registry.addProvider(new Fake("b", false), Map.of());
        registry.addProvider(new Fake("c", false), Map.of("service.ranking", 10));
        registry.addProvider(new CameraLayoutProvider() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public Optional<SourceLayout> detect(CardTree card) {
                throw new IllegalStateException("bug in a vendor bundle");
            }
        }, Map.of());
        assertEquals("c", registry.detect(CARD).orElseThrow().provider());
    }

    @Test
    void deviceSourceRootsWinOverDetection() {
        CameraLayoutRegistry registry = new CameraLayoutRegistry();
        registry.add(new Fake("acme", true));
        SourceLayout detected = registry.layoutFor(CARD, List.of());
        assertEquals(List.of("ACME"), detected.sourceRoots());
        SourceLayout overridden = registry.layoutFor(CARD, List.of("ACME/CLIPS"));
        assertEquals(List.of("ACME/CLIPS"), overridden.sourceRoots());
        assertEquals(detected.clipGroups(), overridden.clipGroups(), "only the roots change");
        assertEquals(List.of("DCIM"), registry.layoutFor(Cards.tree("X", "DCIM/a.jpg"), List.of("DCIM")).sourceRoots());
    }

    @Test
    void aDataOnlyLayout() throws Exception {
        CameraLayoutRegistry registry = new CameraLayoutRegistry();
        registry.addLayout(json("""
                {"format": "cartwright.layout", "version": 1, "id": "com.example.acme", "family": "Acme X2",
                 "detect": ["ACME/CLIPS/", "ACME/INDEX.XML"], "sourceRoots": ["ACME"],
                 "groups": [{"folder": "acme/clips", "name": "^(?<clip>(?<reel>[A-Z]\\\\d{3})C\\\\d{3})(\\\\.MOV|_META\\\\.XML)$",
                             "primary": "\\\\.MOV$"}]}
                """), "test");
        SourceLayout layout = registry.detect(CARD).orElseThrow();
        assertEquals("Acme X2", layout.family());
        assertEquals(List.of("ACME"), layout.sourceRoots());
        assertEquals(List.of(new ClipGroup("A001C001", "ACME/CLIPS/A001C001.MOV",
                List.of("ACME/CLIPS/A001C001.MOV", "ACME/CLIPS/A001C001_META.XML")),
                new ClipGroup("A001C002", "ACME/CLIPS/A001C002.MOV", List.of("ACME/CLIPS/A001C002.MOV"))),
                layout.clipGroups());
        assertEquals(new FileTokens("A001", "A001C001"), layout.tokensOf("ACME/CLIPS/A001C001_META.XML"));
        assertTrue(registry.detect(Cards.tree("X", "ACME/CLIPS/a.mov")).isEmpty(), "INDEX.XML missing");
    }

    @Test
    void aBadDataOnlyLayoutIsRefusedWithItsProblems() {
        CameraLayoutRegistry registry = new CameraLayoutRegistry();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.addLayout(json("""
                {"format": "cartwright.layout", "version": 1, "id": "bad id!", "family": "",
                 "detect": ["/abs/"], "groups": [{"folder": "x", "name": "(a+)+", "colour": "red"}]}
                """), "bundle com.example.bad, OSGI-INF/layouts/bad.json"));
        String m = e.getMessage();
        assertTrue(m.startsWith("bundle com.example.bad, OSGI-INF/layouts/bad.json: "), m);
        assertTrue(m.contains("id: must be"), m);
        assertTrue(m.contains("family: is missing"), m);
        assertTrue(m.contains("detect: '\"/abs/\"' must be a relative path"), m);
        assertTrue(m.contains("groups[0].colour: unknown field"), m);
        assertTrue(m.contains("groups[0].name: the regular expression '(a+)+' is refused"), m);
        assertTrue(registry.providers().isEmpty());
    }

    private static ByteArrayInputStream json(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
