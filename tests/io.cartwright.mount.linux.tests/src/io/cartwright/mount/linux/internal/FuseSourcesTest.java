/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which device a FUSE driver serves, from a /proc laid out in a folder. */
class FuseSourcesTest {

    @TempDir
    Path proc;

    private void process(String pid, String... args) throws IOException {
        Files.createDirectories(proc.resolve(pid));
        Files.write(proc.resolve(pid).resolve("cmdline"), (String.join("\0", args) + "\0").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theDriverNamesItsDevice() throws Exception {
        process("100", "bash");
        process("4242", "fusefat", "-o", "ro", "/dev/loop7", "/media/CARD");
        assertEquals(Optional.of(Path.of("/dev/loop7")), new FuseSources(proc).served(Path.of("/media/CARD")));
    }

    @Test
    void theDaemonIsFoundWhenTheMountingProcessHasAlreadyGone() throws Exception {
        // The first look lists the process that mounted, whose arguments are gone by the time they
        // are read; its daemon child appears a moment later.
        Files.createDirectories(proc.resolve("300"));
        Thread child = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(40);
                process("301", "fusefat", "-o", "ro", "/dev/loop7", "/media/CARD");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(Optional.of(Path.of("/dev/loop7")), new FuseSources(proc, 100, 10).served(Path.of("/media/CARD")));
        child.join();
    }

    @Test
    void aDriverNamingNoDeviceIsAnsweredAtOnce() throws Exception {
        process("500", "gvfsd-fuse", "/run/user/1000/gvfs", "-f");
        long t0 = System.nanoTime();
        assertEquals(Optional.empty(), new FuseSources(proc, 3, 10_000).served(Path.of("/run/user/1000/gvfs")));
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "no second look: it would have waited 10 s");
    }

    @Test
    void withoutAnyDriverItGivesUpAfterItsLooks() throws Exception {
        process("100", "bash");
        assertEquals(Optional.empty(), new FuseSources(proc, 3, 1).served(Path.of("/media/CARD")));
    }
}
