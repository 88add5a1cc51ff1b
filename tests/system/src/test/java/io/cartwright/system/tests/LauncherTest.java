/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.system.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher contract: help, version, exit codes, arguments Equinox must not swallow. */
class LauncherTest {

    @TempDir
    Path dir;

    @Test
    void helpListsTheSubcommandsThatExist() throws Exception {
        Launcher.Result r = Launcher.run(Map.of(), "--help");
        assertEquals(0, r.code(), r.err());
        for (String c : new String[] {"info", "activity", "gui", "help"}) {
            assertTrue(r.out().contains("\n  " + c + " "), c + " missing from:\n" + r.out());
        }
    }

    @Test
    void versionPrintsTheProductVersion() throws Exception {
        Launcher.Result r = Launcher.run(Map.of(), "--version");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Cartwright 0.1.0."), r.out());
    }

    @Test
    void unknownCommandExitsTwoWithAHint() throws Exception {
        Launcher.Result r = Launcher.run(Map.of(), "ofload", "/media/A001");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("Run 'cartwright --help'"), r.err());
    }

    @Test
    void argumentsThatLookLikeEquinoxOptionsReachTheCommand() throws Exception {
        // -data and -clean are Equinox launcher options; the launcher must hand them to the CLI.
        Launcher.Result r = Launcher.run(Map.of(), "info", "-clean");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("Unknown option: '-clean'"), r.err());
    }

    @Test
    void dbOptionAndEnvironmentChooseTheDatabase() throws Exception {
        Path viaEnv = dir.resolve("env.db");
        Launcher.Result r = Launcher.run(Map.of("CARTWRIGHT_DB", viaEnv.toString()), "info", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"database\":\"" + viaEnv + "\""), r.out());
        Path viaFlag = dir.resolve("flag.db");
        r = Launcher.run(Map.of("CARTWRIGHT_DB", viaEnv.toString()), "--db", viaFlag.toString(), "info", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"database\":\"" + viaFlag + "\""), "--db wins over CARTWRIGHT_DB: " + r.out());
    }

    /** Where the launcher keeps the start-up cache: beside the product it was made for. */
    private static final Path AOT = Launcher.REPO
            .resolve("product/target/products/io.cartwright.product/linux/gtk/x86_64/cartwright/aot");

    @Test
    void startUpCacheIsMadeOnceAndThenUsed() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "the AOT cache needs JDK 25");
        Files.deleteIfExists(AOT.resolve("stamp")); // as after a rebuild or a JDK update
        Launcher.Result first = Launcher.run(Map.of(), "--version");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.err().contains("preparing the start-up cache"), first.err());
        assertTrue(first.out().startsWith("Cartwright 0.1.0."), "the command itself still runs: " + first.out());
        assertTrue(Files.size(AOT.resolve("cli.aot")) > 1_000_000, "cache written");

        Path classes = dir.resolve("classes.txt");
        Launcher.Result cached = Launcher.run(
                Map.of("CARTWRIGHT_JAVA_OPTIONS", "-Xlog:class+load:file=" + classes), "--version");
        assertEquals(0, cached.code(), cached.err());
        assertFalse(cached.err().contains("preparing"), "made once: " + cached.err());
        String loaded = Files.readString(classes, StandardCharsets.UTF_8);
        assertTrue(loaded.contains("io.cartwright.cli.internal.CliApplication source: shared objects file"),
                "the CLI's classes come from the cache");
        assertTrue(loaded.contains("org.eclipse.osgi.internal.framework.EquinoxContainer source: shared objects file"),
                "the framework's too: the CLI runs it from a copy without the signature the JVM would check");
        assertFalse(loaded.contains("org.apache.felix.resolver.Candidates "),
                "the framework starts from the state the cache saved: nothing to install or resolve");
        assertFalse(loaded.contains("org.apache.felix.scr.impl.xml.XmlHandler "),
                "and SCR has the component descriptions parsed already");
        try (JarFile product = new JarFile(onlyJar(AOT.resolveSibling("plugins"), "org.eclipse.osgi_").toFile());
                JarFile copy = new JarFile(onlyJar(AOT.resolve("plugins"), "org.eclipse.osgi_").toFile())) {
            assertTrue(product.stream().anyMatch(e -> e.getName().matches("META-INF/[^/]+\\.SF")),
                    "the product keeps the signed jar");
            assertFalse(copy.stream().anyMatch(e -> e.getName().matches("META-INF/[^/]+\\.SF")), "the copy is unsigned");
            assertEquals(product.stream().filter(e -> e.getName().endsWith(".class")).count(),
                    copy.stream().filter(e -> e.getName().endsWith(".class")).count(), "with every class");
        }

        // sqlite-jdbc and JNA load the libraries kept beside the cache instead of extracting them again
        // (JNA into the user's ~/.cache, which is then left without them).
        Path libraries = dir.resolve("libraries.txt");
        Path home = Files.createDirectories(dir.resolve("home"));
        Launcher.Result offload = Launcher.run(Map.of("CARTWRIGHT_JAVA_OPTIONS",
                "-Xlog:library=info:file=" + libraries, "HOME", home.toString()), tinyOffload("lib"));
        assertEquals(0, offload.code(), offload.out() + offload.err());
        if (System.getProperty("os.arch").equals("amd64") || System.getProperty("os.arch").equals("aarch64")) {
            String loadedLibraries = Files.readString(libraries, StandardCharsets.UTF_8);
            assertTrue(loadedLibraries.contains("Loaded library " + AOT.resolve("libsqlitejdbc.so")),
                    "kept SQLite library loaded: " + loadedLibraries);
            assertTrue(loadedLibraries.contains("Loaded library " + AOT.resolve("libjnidispatch.so")),
                    "kept JNA library loaded: " + loadedLibraries);
            assertFalse(Files.exists(home.resolve(".cache/JNA")), "nothing extracted into the user's cache");
        }

        Path without = dir.resolve("without.txt");
        Launcher.Result off = Launcher.run(Map.of("CARTWRIGHT_AOT", "0", "CARTWRIGHT_JAVA_OPTIONS",
                "-Xlog:class+load:file=" + without), "--version");
        assertEquals(0, off.code(), off.err());
        String withoutCache = Files.readString(without, StandardCharsets.UTF_8);
        assertTrue(withoutCache.contains("io.cartwright.cli.internal.CliApplication source: file:"),
                "CARTWRIGHT_AOT=0 turns it off");
        assertTrue(withoutCache.contains("org.apache.felix.resolver.Candidates "), "and resolves the bundles again");
        assertTrue(withoutCache.contains("org.apache.felix.scr.impl.xml.XmlHandler "), "and parses components again");
    }

    /** A one-file offload between folders under {@link #dir}, named by {@code name}; its arguments. */
    private String[] tinyOffload(String name) throws IOException {
        Path card = Files.createDirectories(dir.resolve(name + "-card/CLIPS"));
        Files.write(card.resolve("A001C001.mov"), new byte[300_000]);
        return new String[] {"offload", card.getParent().toString(), "--to",
                Files.createDirectories(dir.resolve(name + "-a")).toString(), "--to",
                Files.createDirectories(dir.resolve(name + "-b")).toString(), "--db",
                dir.resolve(name + ".db").toString(), "--json"};
    }

    @Test
    void anOffloadStartsNoOtherProgram() throws Exception {
        assumeTrue(Runtime.version().feature() >= 22, "the JDK records started programs since 22");
        // Each program started costs milliseconds before the first byte moves; JNA would ask
        // `ldconfig -p` for its library folders in every command unless the launcher names them.
        Path recording = dir.resolve("processes.jfr");
        Launcher.Result r = Launcher.run(Map.of("CARTWRIGHT_JAVA_OPTIONS", "-XX:StartFlightRecording:filename="
                + recording + ",settings=none,+jdk.ProcessStart#enabled=true"), tinyOffload("processes"));
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("\"state\":\"done\""), r.out());
        List<RecordedEvent> started = RecordingFile.readAllEvents(recording).stream()
                .filter(e -> e.getEventType().getName().equals("jdk.ProcessStart")).toList();
        assertEquals(List.of(), started.stream().map(e -> e.getString("command")).toList(), "programs started");
    }

    @Test
    void theStartUpCacheIsNotRemadeUnderACommandUsingIt() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "the AOT cache needs JDK 25");
        Launcher.run(Map.of(), "--version"); // made if missing
        Path card = Files.createDirectories(dir.resolve("card"));
        Files.write(card.resolve("A001C001.mov"), new byte[4 * 1024 * 1024]);
        Launcher.Running slow = Launcher.start(Map.of(), "offload", card.toString(), "--to",
                Files.createDirectories(dir.resolve("d")).toString(), "--db", dir.resolve("slow.db").toString(),
                "--json", "--limit", "1M"); // ~4 s
        slow.awaitLine("\"state\":\"reading\"", 60);
        assertEquals(1, new ProcessBuilder("flock", "-n", "-x", AOT.resolve("lock").toString(), "true").start()
                .waitFor(), "a running command holds the cache");

        Files.delete(AOT.resolve("stamp")); // the build or the JDK changed meanwhile
        Path classes = dir.resolve("classes.txt");
        Launcher.Result r = Launcher.run(
                Map.of("CARTWRIGHT_JAVA_OPTIONS", "-Xlog:class+load:file=" + classes), "--version");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Cartwright 0.1.0."), r.out());
        assertFalse(r.err().contains("preparing"), "not remade under a running command: " + r.err());
        assertTrue(Files.readString(classes, StandardCharsets.UTF_8)
                .contains("io.cartwright.cli.internal.CliApplication source: file:"), "this one went without");

        assertEquals(0, slow.await(), slow.output());
        assertTrue(slow.lastLine().contains("\"state\":\"done\""), "the running one finished: " + slow.lastLine());
        Launcher.Result next = Launcher.run(Map.of(), "--version");
        assertEquals(0, next.code(), next.err());
        assertTrue(next.err().contains("preparing the start-up cache"), "remade once nobody uses it: " + next.err());
    }

    @Test
    void anotherUserUsesTheCacheButNeverMakesIt() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "the AOT cache needs JDK 25");
        assumeTrue("root".equals(System.getProperty("user.name")), "running as another user needs root");
        Launcher.run(Map.of(), "--version"); // made if missing, by the installation's owner
        Map<String, String> classes = Map.of("CARTWRIGHT_JAVA_OPTIONS", "-Xlog:class+load=info:stdout");
        Launcher.Result used = Launcher.runAsNobody(classes, "--version");
        assumeTrue(used.code() == 0, "this checkout cannot be run by nobody: " + used.err());
        assertTrue(used.out().contains("io.cartwright.cli.internal.CliApplication source: shared objects file"),
                "another user's command uses the cache");
        assertEquals("", used.err(), "and says nothing about a lock it cannot write");

        Path stamp = AOT.resolve("stamp");
        String current = Files.readString(stamp, StandardCharsets.UTF_8);
        Files.writeString(stamp, "stale\n", StandardCharsets.UTF_8); // a build or JDK it was not made for
        try {
            Launcher.Result stale = Launcher.runAsNobody(classes, "--version");
            assertEquals(0, stale.code(), stale.err());
            assertTrue(stale.out().contains("io.cartwright.cli.internal.CliApplication source: file:"), "goes without");
            assertEquals("", stale.err(), "without trying to remake what it cannot write");
            assertEquals("stale\n", Files.readString(stamp, StandardCharsets.UTF_8));
        } finally {
            Files.writeString(stamp, current, StandardCharsets.UTF_8);
        }
    }

    private static Path onlyJar(Path plugins, String prefix) throws IOException {
        try (var jars = Files.list(plugins)) {
            List<Path> found = jars.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
            assertEquals(1, found.size(), prefix + " in " + plugins + ": " + found);
            return found.get(0);
        }
    }

    @Test
    void anUnusableStartUpCacheOnlyCostsTime() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "the AOT cache needs JDK 25");
        Launcher.run(Map.of(), "--version"); // made if missing
        Path cache = AOT.resolve("cli.aot");
        byte[] good = Files.readAllBytes(cache);
        try {
            Files.write(cache, "not an AOT cache".repeat(1000).getBytes(StandardCharsets.US_ASCII));
            Launcher.Result r = Launcher.run(Map.of(), "info", "--json", "--db", dir.resolve("c.db").toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().startsWith("{") && r.out().contains("\"database\""), "stdout stays JSON: " + r.out());
            assertFalse(r.err().contains("aot") || r.err().contains("AOT"), "no JVM noise: " + r.err());
        } finally {
            Files.write(cache, good);
        }
    }
}
