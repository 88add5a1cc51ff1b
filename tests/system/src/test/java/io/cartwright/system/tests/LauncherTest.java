/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.system.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

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
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Run 'cartwright --help'"), r.err());
    }

    @Test
    void argumentsThatLookLikeEquinoxOptionsReachTheCommand() throws Exception {
        // -data and -clean are Equinox launcher options; the launcher must hand them to the CLI.
        Launcher.Result r = Launcher.run(Map.of(), "info", "-clean");
        assertEquals(2, r.code());
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
}
