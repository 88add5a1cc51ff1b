/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.cartwright.routing.PlanEntry;
import io.cartwright.routing.RoutePlan;
import io.cartwright.routing.TokenContext;
import io.cartwright.routing.spi.CardFile;
import io.cartwright.routing.spi.CardTree;

/** Small card trees for the tests: synthetic lists, or real files in a temporary folder. */
final class Cards {

    static final LocalDate DAY = LocalDate.of(2026, 6, 17);

    private Cards() {
    }

    /** A synthetic card of 1-byte files modified at the epoch. */
    static CardTree tree(String name, String... paths) {
        List<CardFile> files = new ArrayList<>();
        for (String p : paths) {
            files.add(CardFile.of(p, 1));
        }
        return CardTree.of(name, files);
    }

    static CardFile file(String path, long size, String modified) {
        return new CardFile(path, size, Instant.parse(modified));
    }

    /** Real small files (content = their path) under {@code root}. */
    static Path write(Path root, String... paths) throws IOException {
        for (String p : paths) {
            Path f = root.resolve(p);
            Files.createDirectories(f.getParent());
            Files.writeString(f, p, StandardCharsets.UTF_8);
        }
        return root;
    }

    static TokenContext tokens(String card) {
        return TokenContext.builder(card, DAY).project("NIGHTJAR").day("DAY01").unit("MAIN").wu(List.of("DAY01", "MAIN"))
                .cam("A").role("A-CAM").device("7").build();
    }

    /** Source path -> destination of every copy. */
    static java.util.Map<String, String> destinations(RoutePlan plan) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (PlanEntry e : plan.copies()) {
            m.put(e.source(), e.destination());
        }
        return m;
    }

    /**
     * What the transfer engine will do with a plan, reduced to the part these tests need: refuse
     * unless executable, then copy each file to its destination.
     */
    static void execute(RoutePlan plan, Path source, Path destination) throws IOException {
        plan.requireExecutable();
        for (PlanEntry e : plan.copies()) {
            Path target = destination.resolve(e.destination());
            Files.createDirectories(target.getParent());
            Files.copy(source.resolve(e.source()), target);
        }
    }

    /** Every file below {@code root}, as '/'-separated relative paths. */
    static List<String> listing(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }
}
