/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.hash.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.cartwright.hash.HashAlgorithm;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command-line oracles ({@code xxhsum}, {@code md5sum}, {@code sha1sum}, {@code sha256sum}).
 * They are independent C implementations, so agreeing with them checks our byte order and hex form,
 * not just self-consistency. A missing tool fails the test with an install hint instead of
 * skipping it: CI installs them (Debian/Ubuntu: {@code xxhash}, {@code coreutils}).
 */
final class CliTools {

    /** {@code xxhsum -H3} prints the BSD style {@code XXH3 (name) = hash}; the others {@code hash  name}. */
    private static final Pattern BSD_LINE = Pattern.compile("^\\w+ \\((.*)\\) = ([0-9a-f]+)$");
    private static final Pattern GNU_LINE = Pattern.compile("^\\\\?([0-9a-f]+) [ *](.*)$");

    private static final Map<Process, Path> STDERR = new ConcurrentHashMap<>();

    private CliTools() {
    }

    /** The command that prints {@code algorithm} for files or {@code -} (stdin). */
    static List<String> command(HashAlgorithm algorithm) {
        return switch (algorithm) {
            case XXH3_64 -> List.of(tool("xxhsum", "xxhash"), "-H3");
            case XXH3_128 -> List.of(tool("xxhsum", "xxhash"), "-H2");
            case XXH64 -> List.of(tool("xxhsum", "xxhash"), "-H1");
            case MD5 -> List.of(tool("md5sum", "coreutils"));
            case SHA1 -> List.of(tool("sha1sum", "coreutils"));
            case SHA256 -> List.of(tool("sha256sum", "coreutils"));
            case C4 -> throw new IllegalArgumentException("no command-line tool for c4");
        };
    }

    /** Absolute path of an executable on PATH, or a test failure saying what to install. */
    static String tool(String name, String debianPackage) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        return fail("Command-line oracle '" + name + "' is not on PATH (" + path + "). Install it "
                + "(Debian/Ubuntu: apt-get install " + debianPackage + ") to run the hash equality tests.");
    }

    /**
     * Starts a tool. Its stderr goes to a temporary file (xxhsum writes progress there, which must
     * not mix with the hashes on stdout); {@link #finish} reads both.
     */
    static Process start(List<String> cmd, Path workDir) throws IOException {
        Path err = Files.createTempFile("hash-tool-", ".stderr");
        err.toFile().deleteOnExit();
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        Process p = pb.start();
        STDERR.put(p, err);
        return p;
    }

    /** Waits for the tool, fails with its stderr on a non-zero exit, returns its stdout. */
    static String finish(Process p, String what) throws IOException, InterruptedException {
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int rc = p.waitFor();
        Path err = STDERR.remove(p);
        String errText = err == null ? "" : Files.readString(err, StandardCharsets.UTF_8).strip();
        if (err != null) {
            Files.deleteIfExists(err);
        }
        assertEquals(0, rc, () -> what + " exited with " + rc + ": " + errText);
        return out;
    }

    /** Runs the algorithm's tool once over all files; returns file name → lower-case hex. */
    static Map<String, String> hashFiles(HashAlgorithm algorithm, List<Path> files)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(command(algorithm));
        for (Path f : files) {
            cmd.add(f.getFileName().toString());
        }
        Process p = start(cmd, files.get(0).getParent());
        p.getOutputStream().close();
        String out = finish(p, String.join(" ", command(algorithm)));
        Map<String, String> result = new HashMap<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                String[] nameAndHash = parseLine(line);
                result.put(nameAndHash[0], nameAndHash[1]);
            }
        }
        assertEquals(files.size(), result.size(), () -> "unexpected output of " + cmd.get(0) + ":\n" + out);
        return result;
    }

    /** Reads the single hash a tool printed for {@code -} (stdin). */
    static String readStdinResult(Process p, String what) throws IOException, InterruptedException {
        return parseLine(finish(p, what).strip())[1];
    }

    /** Returns {name, hash} from one output line of either style. */
    static String[] parseLine(String line) {
        Matcher m = BSD_LINE.matcher(line);
        if (m.matches()) {
            return new String[] { m.group(1), m.group(2) };
        }
        m = GNU_LINE.matcher(line);
        if (m.matches()) {
            return new String[] { m.group(2), m.group(1) };
        }
        return fail("cannot parse hash tool output line: '" + line + "'");
    }
}
