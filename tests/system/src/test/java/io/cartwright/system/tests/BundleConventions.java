/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.system.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The house rules of docs/architecture.md and the style guide that a build can check, read from the
 * sources of every bundle under {@code bundles/} and {@code examples/}:
 * <ul>
 * <li>an exported package is API: not {@code .internal} unless exported to named friends only, and
 * versioned by its {@code package-info.java} with the version the manifest exports;</li>
 * <li>DS components live in {@code .internal} packages;</li>
 * <li>our bundles use each other's API through {@code Import-Package} with a version range, never
 * {@code Require-Bundle};</li>
 * <li>every bundle has a README, every Java file the licence header;</li>
 * <li>every bundle with sources compiles with the project's compiler settings
 * ({@value #COMPILER_PREFS}: ecj null analysis as errors, {@code @NonNullByDefault} on every package).</li>
 * </ul>
 */
final class BundleConventions {

    private static final Pattern VERSION_ANNOTATION = Pattern.compile(
            "@(?:org\\.osgi\\.annotation\\.versioning\\.)?Version\\(\"([^\"]+)\"\\)");
    private static final Pattern COMPONENT = Pattern.compile("^@(?:org\\.osgi\\.service\\.component\\.annotations\\.)?"
            + "Component\\b", Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    static final String COMPILER_PREFS = "releng/codestyle/org.eclipse.jdt.core.prefs";

    private BundleConventions() {
    }

    /** Every rule broken under {@code repo}, one line each naming the bundle and the fix; empty when none. */
    static List<String> violations(Path repo) throws IOException {
        List<String> found = new ArrayList<>();
        Path prefs = repo.resolve(COMPILER_PREFS);
        String compilerPrefs = Files.isRegularFile(prefs) ? Files.readString(prefs, StandardCharsets.UTF_8) : null;
        if (compilerPrefs == null) {
            found.add(COMPILER_PREFS + " is missing");
        }
        for (String parent : List.of("bundles", "examples")) {
            Path dir = repo.resolve(parent);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> bundles = Files.list(dir)) {
                for (Path bundle : bundles.sorted().toList()) {
                    if (Files.isRegularFile(bundle.resolve("META-INF/MANIFEST.MF"))) {
                        check(bundle, compilerPrefs, found);
                    }
                }
            }
        }
        return found;
    }

    private static void check(Path bundle, String compilerPrefs, List<String> found) throws IOException {
        String name = bundle.getFileName().toString();
        Attributes main;
        try (InputStream in = Files.newInputStream(bundle.resolve("META-INF/MANIFEST.MF"))) {
            main = new Manifest(in).getMainAttributes();
        }
        boolean test = main.getValue("Fragment-Host") != null;
        if (!test && !Files.isRegularFile(bundle.resolve("README.md"))) {
            found.add(name + ": no README.md (purpose, services provided and consumed)");
        }
        for (String clause : clauses(main.getValue("Export-Package"))) {
            String pkg = clause.split(";", 2)[0].strip();
            if (!pkg.startsWith("io.cartwright")) {
                continue; // a framework extension re-exporting a JDK package
            }
            if (pkg.contains(".internal")) {
                if (!clause.contains("x-friends:=")) {
                    found.add(name + ": exports " + pkg + " to everyone; internal packages are exported with "
                            + "x-friends only");
                }
                continue;
            }
            Matcher v = Pattern.compile("version=\"?([\\d.]+)\"?").matcher(clause);
            Path info = bundle.resolve("src").resolve(pkg.replace('.', '/')).resolve("package-info.java");
            Matcher annotated = Files.isRegularFile(info) ? VERSION_ANNOTATION.matcher(Files.readString(info,
                    StandardCharsets.UTF_8)) : null;
            if (!v.find()) {
                found.add(name + ": exports " + pkg + " without a version");
            } else if (annotated == null || !annotated.find()) {
                found.add(name + ": " + pkg + " has no package-info.java with @Version(\"" + v.group(1) + "\")");
            } else if (!annotated.group(1).equals(v.group(1))) {
                found.add(name + ": " + pkg + " is exported as " + v.group(1) + " but its package-info says "
                        + annotated.group(1));
            }
        }
        for (String clause : clauses(main.getValue("Require-Bundle"))) {
            if (clause.strip().startsWith("io.cartwright")) {
                found.add(name + ": requires the bundle " + clause.split(";", 2)[0].strip()
                        + "; import its API packages with a version range instead");
            }
        }
        for (String clause : clauses(main.getValue("Import-Package"))) {
            String pkg = clause.split(";", 2)[0].strip();
            // A friend's internal package has no version to range over.
            if (pkg.startsWith("io.cartwright") && !pkg.contains(".internal")
                    && !clause.matches("(?s).*version=\"[\\[(].*")) {
                found.add(name + ": imports " + pkg + " without a version range");
            }
        }
        Path src = bundle.resolve("src");
        Path prefs = bundle.resolve(".settings/org.eclipse.jdt.core.prefs");
        if (!test && Files.isDirectory(src) && compilerPrefs != null && !(Files.isRegularFile(prefs)
                && Files.readString(prefs, StandardCharsets.UTF_8).equals(compilerPrefs))) {
            found.add(name + ": .settings/org.eclipse.jdt.core.prefs is missing or differs from " + COMPILER_PREFS
                    + " (null analysis as errors); copy that file");
        }
        if (Files.isDirectory(src)) {
            try (Stream<Path> files = Files.walk(src)) {
                for (Path java : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    checkSource(name, bundle.relativize(java), Files.readString(java, StandardCharsets.UTF_8), found);
                }
            }
        }
    }

    private static void checkSource(String bundle, Path file, String text, List<String> found) {
        String head = text.lines().limit(3).reduce("", (a, b) -> a + b + "\n");
        if (!head.contains("SPDX-License-Identifier: EPL-2.0")) {
            found.add(bundle + ": " + file + " has no licence header");
        }
        Matcher pkg = PACKAGE.matcher(text);
        if (COMPONENT.matcher(text).find() && pkg.find() && !pkg.group(1).contains(".internal")) {
            found.add(bundle + ": " + file + " is a DS component outside an .internal package");
        }
    }

    /** A manifest header's clauses: split at commas outside quotes. */
    private static List<String> clauses(String header) {
        List<String> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            out.add(current.toString());
        }
        return out;
    }
}
