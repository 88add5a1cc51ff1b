/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cartwright.core.DataLocations;

class DataLocationsTest {

    @Test
    void defaultsToXdgFallbackUnderHome() {
        DataLocations l = DataLocations.from(Map.of(), "/home/dit");
        assertEquals(Path.of("/home/dit/.local/share/cartwright"), l.dataHome());
        assertEquals(Path.of("/home/dit/.local/share/cartwright/cartwright.db"), l.database());
    }

    @Test
    void honoursAbsoluteXdgDataHome() {
        DataLocations l = DataLocations.from(Map.of("XDG_DATA_HOME", "/data/xdg"), "/home/dit");
        assertEquals(Path.of("/data/xdg/cartwright/cartwright.db"), l.database());
    }

    @Test
    void ignoresRelativeXdgDataHomeAsTheSpecSays() {
        DataLocations l = DataLocations.from(Map.of("XDG_DATA_HOME", "relative/dir"), "/home/dit");
        assertEquals(Path.of("/home/dit/.local/share/cartwright/cartwright.db"), l.database());
    }

    @Test
    void cartwrightDbOverridesTheDatabaseOnly() {
        DataLocations l = DataLocations.from(Map.of("CARTWRIGHT_DB", "/mnt/raid/show.db", "XDG_DATA_HOME", "/x"),
                "/home/dit");
        assertEquals(Path.of("/mnt/raid/show.db"), l.database());
        assertEquals(Path.of("/x/cartwright"), l.dataHome());
    }
}
