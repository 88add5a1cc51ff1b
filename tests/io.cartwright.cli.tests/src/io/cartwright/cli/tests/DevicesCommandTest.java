/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import io.cartwright.cli.ServiceLookup;
import io.cartwright.cli.internal.CliRunner;
import io.cartwright.mount.MountService;

/**
 * {@code cartwright devices}: usage errors anywhere; with root and FUSE, a headless
 * {@code devices watch --json} that sees a real mount and unmount, and register/list/show/set-role
 * on a real card.
 */
class DevicesCommandTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    private static ServiceLookup standalone;

    /** The framework's services, or (plain JUnit run) the implementations wired by hand. */
    static synchronized ServiceLookup services() throws Exception {
        Bundle b = FrameworkUtil.getBundle(DevicesCommandTest.class);
        if (b != null && b.getBundleContext() != null) {
            return ServiceLookup.fromFramework();
        }
        if (standalone == null) {
            Map<Class<?>, Object> s = new HashMap<>();
            s.put(io.cartwright.store.StoreManager.class,
                    Class.forName("io.cartwright.store.internal.StoreManagerImpl").getConstructor().newInstance());
            Class<?> impl = Class.forName("io.cartwright.mount.internal.MountServiceImpl");
            MountService m = (MountService) impl.getConstructor().newInstance();
            // By name: in the framework this branch never runs, and the CLI bundle does not import the SPI.
            Class<?> spi = Class.forName("io.cartwright.mount.spi.MountProvider");
            impl.getMethod("addProvider", spi).invoke(m, Class.forName("io.cartwright.mount.linux.internal.LinuxMountProvider")
                    .getConstructor().newInstance());
            s.put(MountService.class, m);
            s.put(io.cartwright.device.DeviceRegistry.class, Class.forName("io.cartwright.device.internal.DeviceRegistryImpl")
                    .getConstructor(MountService.class).newInstance(m));
            standalone = new ServiceLookup() {
                @Override
                public <S> S get(Class<S> type) {
                    return type.cast(s.get(type));
                }
            };
        }
        return standalone;
    }

    Result run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CliRunner(services(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    String db() {
        return dir.resolve("cartwright.db").toString();
    }

    @Test
    void devicesHelpListsItsSubcommands() throws Exception {
        Result r = run("devices", "--help");
        assertEquals(0, r.code(), r.err());
        for (String sub : List.of("list", "watch", "show", "register", "set-role")) {
            assertTrue(r.out().contains("  " + sub + " "), sub + " in:\n" + r.out());
        }
        assertTrue(!r.out().contains("--for"), "--for is for tests only");
    }

    @Test
    void unknownDevicesAndRolesAreUsageErrorsWithAHint() throws Exception {
        Result show = run("--db", db(), "devices", "show", "424242");
        assertEquals(2, show.code());
        assertTrue(show.err().contains("No device has the id or barcode '424242'"), show.err());
        assertTrue(show.err().contains("What to do: List the devices"), show.err());
        Result role = run("devices", "set-role", "1", "camera", "--db", db());
        assertEquals(2, role.code());
        assertTrue(role.err().contains("unknown role 'camera'"), role.err());
        Result list = run("devices", "list", "--json", "--db", db());
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().strip().startsWith("["), list.out());
    }

    /** Skips with one line unless real exFAT mounts are possible here. */
    static void assumeRealMounts() throws Exception {
        boolean root = "0".equals(sh(false, "id", "-u").strip());
        assumeTrue(root && Files.exists(Path.of("/dev/fuse")) && Files.isExecutable(Path.of("/usr/sbin/mount.exfat-fuse"))
                && Files.isExecutable(Path.of("/usr/sbin/mkfs.exfat")),
                "skipped: real mounts need root, /dev/fuse, losetup, exfatprogs and exfat-fuse (CI runs as root with them)");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aHeadlessWatchPrintsTheJsonLinesOfAMountAndAnUnmount() throws Exception {
        assumeRealMounts();
        Path image = exfatImage("WATCH1");
        Path mnt = Files.createDirectories(dir.resolve("mnt"));
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        PrintStream out = new PrintStream(new LineSplitter(lines), true, StandardCharsets.UTF_8);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int[] code = {-1};
        ServiceLookup services = services();
        Thread watcher = new Thread(() -> code[0] = new CliRunner(services, out,
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[] {"devices", "watch", "--json", "--for", "6",
                        "--db", db()}));
        String loop = null;
        watcher.start();
        try {
            await(lines, "\"event\":\"ready\"");
            loop = sh(true, "losetup", "-f", "--show", image.toString()).strip();
            sh(true, "mount.exfat-fuse", loop, mnt.toString());
            String mounted = await(lines, "\"event\":\"mounted\"", mnt.toString());
            assertTrue(mounted.contains("\"label\":\"WATCH1\""), mounted);
            String identity = await(lines, "\"event\":\"identity\"", mnt.toString());
            assertTrue(identity.contains("\"state\":\"unregistered\"") && identity.contains("\"generation\":1")
                    && identity.contains("\"match\":\"new\""), identity);
            sh(true, "umount", mnt.toString());
            String unmounted = await(lines, "\"event\":\"unmounted\"", mnt.toString());
            assertTrue(unmounted.contains("\"generation\":1"), unmounted);
        } finally {
            sh(false, "umount", mnt.toString());
            if (loop != null) {
                sh(false, "losetup", "-d", loop);
            }
            watcher.join(15_000);
        }
        assertEquals(0, code[0], err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void registerByMountPointThenListShowAndSetRole() throws Exception {
        assumeRealMounts();
        Path image = exfatImage("REG1");
        Path mnt = Files.createDirectories(dir.resolve("mnt"));
        String loop = sh(true, "losetup", "-f", "--show", image.toString()).strip();
        try {
            sh(true, "mount.exfat-fuse", loop, mnt.toString());
            waitForMount(mnt);
            Result reg = run("devices", "register", mnt.toString(), "--name", "A001", "--barcode", "CW-0001", "--json", "--db", db());
            assertEquals(0, reg.code(), reg.err());
            assertTrue(reg.out().contains("\"state\":\"live\"") && reg.out().contains("\"name\":\"A001\""), reg.out());

            Result list = run("devices", "list", "--db", db());
            assertTrue(list.out().contains("LIVE") && list.out().contains("A001") && list.out().contains(mnt.toString()), list.out());

            Result role = run("devices", "set-role", "CW-0001", "backup", "--db", db());
            assertEquals(0, role.code(), role.err());
            Result show = run("devices", "show", "CW-0001", "--json", "--db", db());
            assertEquals(0, show.code(), show.err());
            assertTrue(show.out().contains("\"role\":\"backup\"") && show.out().contains("\"kind\":\"registered\"")
                    && show.out().contains("\"kind\":\"mounted\""), show.out());

            Result system = run("devices", "register", "/", "--db", db());
            assertEquals(4, system.code(), "the root filesystem is refused: " + system.err());

            sh(true, "umount", mnt.toString());
            waitForUnmount(mnt);
            Result after = run("devices", "list", "--db", db());
            assertTrue(after.out().contains("OFFLINE"), after.out());
        } finally {
            sh(false, "umount", mnt.toString());
            sh(false, "losetup", "-d", loop);
        }
    }

    private Path exfatImage(String label) throws Exception {
        Path image = dir.resolve(label + ".img");
        try (RandomAccessFile raf = new RandomAccessFile(image.toFile(), "rw")) {
            raf.setLength(64L << 20);
        }
        sh(true, "mkfs.exfat", "-L", label, image.toString());
        return image;
    }

    private static void waitForMount(Path mnt) throws Exception {
        MountService m = services().get(MountService.class);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (m.volumes().stream().noneMatch(v -> v.mountPoint().equals(mnt))) {
            if (System.nanoTime() > end) {
                fail(mnt + " not seen by the mount service");
            }
            Thread.sleep(10);
        }
    }

    private static void waitForUnmount(Path mnt) throws Exception {
        MountService m = services().get(MountService.class);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (m.volumes().stream().anyMatch(v -> v.mountPoint().equals(mnt))) {
            if (System.nanoTime() > end) {
                fail(mnt + " still listed");
            }
            Thread.sleep(10);
        }
    }

    private static String await(BlockingQueue<String> lines, String... parts) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && java.util.Arrays.stream(parts).allMatch(line::contains)) {
                return line;
            }
        }
        fail("no line with " + List.of(parts) + " within 5 s");
        return null;
    }

    /** Output, or "failed: ..." when {@code check} is off; through a file, as FUSE drivers keep pipes open. */
    static String sh(boolean check, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("cartwright-cmd", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish");
            }
            String out = Files.readString(log);
            if (p.exitValue() != 0) {
                if (check) {
                    throw new IOException(String.join(" ", command) + " failed: " + out);
                }
                return "failed: " + out;
            }
            return out;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Hands each complete line written to it to a queue. */
    private static final class LineSplitter extends OutputStream {
        private final BlockingQueue<String> lines;
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        LineSplitter(BlockingQueue<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(current.toString(StandardCharsets.UTF_8));
                current.reset();
            } else {
                current.write(b);
            }
        }
    }
}
