/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.Hashers;
import io.cartwright.store.Store;
import io.cartwright.store.StoreManager;
import io.cartwright.transfer.internal.EngineSettings;

/** Test cards, tree comparison by hash, and database queries shared by the transfer tests. */
final class Fixtures {

    /** Small buffers so a few MiB exercise many chunks and checkpoints. */
    static final EngineSettings SMALL = EngineSettings.DEFAULT.withBufferSize(64 << 10);

    private Fixtures() {
    }

    /**
     * Opens (creating and migrating) a real SQLite database file. The one place the tests reach into
     * the store bundle's internals; under OSGi that package must be visible to this fragment's host.
     */
    static Store openStore(Path file) {
        // Through the DS service, as the CLI and the workbench open it (the store's internals are private).
        org.osgi.framework.BundleContext context = org.osgi.framework.FrameworkUtil.getBundle(Fixtures.class)
                .getBundleContext();
        org.osgi.util.tracker.ServiceTracker<StoreManager, StoreManager> tracker =
                new org.osgi.util.tracker.ServiceTracker<>(context, StoreManager.class, null);
        tracker.open();
        try {
            StoreManager manager = tracker.waitForService(10_000);
            if (manager == null) {
                throw new IllegalStateException("StoreManager service did not start");
            }
            return manager.open(file);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Deterministic bytes: the same seed gives the same content. */
    static byte[] bytes(int length, long seed) {
        byte[] b = new byte[length];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    static Path write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    static String xxh3(Path file) throws IOException {
        return Hashers.hashFile(HashAlgorithm.XXH3_64, file).text();
    }

    /**
     * Every regular file below {@code root} with its XXH3 hash (computed here, independently of the
     * engine), keyed by {@code /}-separated relative path; links are not followed.
     */
    static TreeMap<String, String> regularFiles(Path root) throws IOException {
        TreeMap<String, String> map = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    map.put(rel(root, file), xxh3(file));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return map;
    }

    /** Every folder below {@code root} (not the root itself). */
    static List<String> folders(Path root) throws IOException {
        List<String> list = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root)) {
                    list.add(rel(root, dir));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        list.sort(null);
        return list;
    }

    /** Names of leftover temporary files anywhere below {@code root}. */
    static List<String> tempFiles(Path root) throws IOException {
        List<String> list = new ArrayList<>();
        try (var s = Files.walk(root)) {
            s.filter(p -> p.getFileName().toString().endsWith(".cwpart")).forEach(p -> list.add(p.toString()));
        }
        return list;
    }

    static String rel(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    /**
     * The copy holds exactly the card's files (its own ASC MHL history aside, which a finished copy
     * gains in {@code ascmhl/}) and no temporary file.
     */
    static void assertSameTree(TreeMap<String, String> expected, Path destination) throws IOException {
        TreeMap<String, String> actual = regularFiles(destination);
        actual.keySet().removeIf(p -> p.startsWith("ascmhl/") && !expected.containsKey(p));
        assertEquals(expected, actual, "regular files and their hashes on " + destination);
        assertEquals(List.of(), tempFiles(destination), "no temporary file left on " + destination);
    }

    /** A single number from a query with positional parameters. */
    static long number(Store store, String sql, Object... params) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : -1;
                }
            }
        });
    }

    /** One column of a query as strings. */
    static List<String> strings(Store store, String sql, Object... params) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }
}
