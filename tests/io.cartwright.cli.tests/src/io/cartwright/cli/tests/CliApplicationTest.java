/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.application.ApplicationDescriptor;
import org.osgi.service.application.ApplicationHandle;

/**
 * Starts the real {@code io.cartwright.cli.app} Equinox application inside the running framework,
 * the way the launcher does, and checks the exit value it hands back to the launcher.
 */
class CliApplicationTest {

    @TempDir
    Path dir;

    @Test
    void theCliApplicationRunsInsideEquinoxAndReturnsTheExitCode() throws Exception {
        Path db = dir.resolve("app.db");
        // The launcher passes arguments NUL-terminated in a file so Equinox cannot claim any of them.
        Path args = dir.resolve("args");
        Files.writeString(args, "info\0--db\0" + db + "\0--json\0");
        String out = runApplication(args, 0);
        assertTrue(out.contains("\"schema_version\":"), out);
        assertTrue(Files.isRegularFile(db), "database created by the application");

        Files.writeString(args, "no-such-command\0");
        runApplication(args, 2);
    }

    private String runApplication(Path argsFile, int expectedExit) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(CliApplicationTest.class).getBundleContext();
        Collection<ServiceReference<ApplicationDescriptor>> refs = context.getServiceReferences(
                ApplicationDescriptor.class, "(service.pid=io.cartwright.cli.app)");
        assertEquals(1, refs.size(), "the CLI application is registered with the application admin");
        ApplicationDescriptor descriptor = context.getService(refs.iterator().next());
        assertNotNull(descriptor);
        PrintStream savedOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setProperty("cartwright.args.file", argsFile.toString());
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ApplicationHandle handle = descriptor.launch(Map.of());
            Object exit = handle.getExitValue(60_000);
            assertEquals(Integer.valueOf(expectedExit), exit, "exit value");
        } finally {
            System.setOut(savedOut);
            System.clearProperty("cartwright.args.file");
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
