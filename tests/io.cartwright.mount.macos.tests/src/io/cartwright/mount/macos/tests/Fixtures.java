/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.macos.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads a DiskArbitration description fixture: {@code Key = type:value} lines, typed the way the JNA
 * layer converts CoreFoundation values.
 */
final class Fixtures {

    private Fixtures() {
    }

    static Map<String, Object> description(String name) throws IOException {
        Map<String, Object> d = new HashMap<>();
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/macos/" + name)) {
            if (in == null) {
                throw new IOException("fixture missing: " + name);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf(" = ");
                String key = line.substring(0, eq).strip();
                String typed = line.substring(eq + 3).strip();
                int colon = typed.indexOf(':');
                String type = typed.substring(0, colon);
                String value = typed.substring(colon + 1);
                d.put(key, switch (type) {
                    case "number" -> Long.parseLong(value);
                    case "bool" -> Boolean.parseBoolean(value);
                    case "string", "url", "uuid" -> value;
                    default -> throw new IOException("unknown type " + type + " in " + name);
                });
            }
        }
        return d;
    }
}
