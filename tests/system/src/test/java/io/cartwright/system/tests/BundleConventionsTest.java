/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.system.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundle rules hold for this checkout, and each of them would catch a bundle that breaks it. */
class BundleConventionsTest {

    private static final String HEADER = "/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */\n";

    @TempDir
    Path dir;

    @Test
    void everyBundleOfThisCheckoutKeepsTheRules() throws Exception {
        assertTrue(Files.isDirectory(Launcher.REPO.resolve("bundles/io.cartwright.transfer")), "the checkout is found");
        assertEquals(List.of(), BundleConventions.violations(Launcher.REPO));
    }

    @Test
    void eachBrokenRuleIsNamed() throws Exception {
        write(dir.resolve(BundleConventions.COMPILER_PREFS),
                "org.eclipse.jdt.core.compiler.annotation.nullanalysis=enabled\n");
        Path good = bundle("io.cartwright.good", """
                Export-Package: io.cartwright.good;version="1.2.0",
                 io.cartwright.good.internal.x;x-friends:="io.cartwright.good.x"
                Import-Package: io.cartwright.core;version="[1.0,2)",
                 io.cartwright.mount.internal.macos
                """);
        write(good.resolve("src/io/cartwright/good/package-info.java"),
                HEADER + "@org.osgi.annotation.versioning.Version(\"1.2.0\")\npackage io.cartwright.good;\n");
        write(good.resolve("src/io/cartwright/good/internal/Thing.java"),
                HEADER + "package io.cartwright.good.internal;\n\n@Component\nfinal class Thing {\n}\n");
        write(good.resolve(".settings/org.eclipse.jdt.core.prefs"),
                Files.readString(dir.resolve(BundleConventions.COMPILER_PREFS)));
        assertEquals(List.of(), BundleConventions.violations(dir), "a bundle that keeps every rule");

        Path bad = bundle("io.cartwright.bad", """
                Export-Package: io.cartwright.bad;version="1.1.0",
                 io.cartwright.bad.internal,
                 io.cartwright.bad.other;version="1.0.0"
                Import-Package: io.cartwright.core,
                 org.osgi.framework;version="[1.9,2)"
                Require-Bundle: io.cartwright.good;bundle-version="0.1.0"
                """);
        Files.delete(bad.resolve("README.md"));
        write(bad.resolve("src/io/cartwright/bad/package-info.java"),
                HEADER + "@org.osgi.annotation.versioning.Version(\"1.0.0\")\npackage io.cartwright.bad;\n");
        write(bad.resolve("src/io/cartwright/bad/Service.java"),
                "package io.cartwright.bad;\n\n@Component(service = Service.class)\npublic final class Service {\n}\n");
        assertEquals(List.of(
                "io.cartwright.bad: no README.md (purpose, services provided and consumed)",
                "io.cartwright.bad: io.cartwright.bad is exported as 1.1.0 but its package-info says 1.0.0",
                "io.cartwright.bad: exports io.cartwright.bad.internal to everyone; internal packages are exported "
                        + "with x-friends only",
                "io.cartwright.bad: io.cartwright.bad.other has no package-info.java with @Version(\"1.0.0\")",
                "io.cartwright.bad: requires the bundle io.cartwright.good; import its API packages with a version "
                        + "range instead",
                "io.cartwright.bad: imports io.cartwright.core without a version range",
                "io.cartwright.bad: .settings/org.eclipse.jdt.core.prefs is missing or differs from "
                        + "releng/codestyle/org.eclipse.jdt.core.prefs (null analysis as errors); copy that file",
                "io.cartwright.bad: src/io/cartwright/bad/Service.java has no licence header",
                "io.cartwright.bad: src/io/cartwright/bad/Service.java is a DS component outside an .internal package"),
                BundleConventions.violations(dir));
    }

    private Path bundle(String name, String headers) throws Exception {
        Path b = dir.resolve("bundles").resolve(name);
        write(b.resolve("META-INF/MANIFEST.MF"), "Manifest-Version: 1.0\nBundle-ManifestVersion: 2\n"
                + "Bundle-SymbolicName: " + name + "\n" + headers);
        write(b.resolve("README.md"), "# " + name + "\n");
        return b;
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
