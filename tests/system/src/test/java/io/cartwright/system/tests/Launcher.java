/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.system.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code ./cartwright} of this checkout as a separate process, the way scripts use it. */
final class Launcher {

    static final Path REPO = Path.of(System.getProperty("cartwright.repo", "../..")).toAbsolutePath().normalize();

    record Result(int code, String out, String err) {
    }

    private Launcher() {
    }

    static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(REPO.resolve("cartwright").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Path out = Files.createTempFile("cartwright-out", ".txt");
        Path err = Files.createTempFile("cartwright-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                Path.of("/dev/null").toFile()));
        pb.environment().put("CARTWRIGHT_NO_BUILD", "1"); // the product was built by this reactor
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("cartwright " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        try {
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
