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

    /** A command still running, whose stdout lines arrive as they are printed. */
    static final class Running {
        final Process process;
        final java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        final StringBuilder all = new StringBuilder();
        private final Thread reader;

        Running(Process process) {
            this.process = process;
            this.reader = Thread.ofVirtual().start(() -> {
                try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null;) {
                        synchronized (all) {
                            all.append(line).append('\n');
                        }
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the process went away; what was read is kept
                }
            });
        }

        /** Waits for a line containing {@code text}; fails after {@code seconds}. */
        String awaitLine(String text, int seconds) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null && line.contains(text)) {
                    return line;
                }
                if (line == null && !process.isAlive() && lines.isEmpty()) {
                    break;
                }
            }
            throw new AssertionError("no line with '" + text + "' within " + seconds + " s; output so far:\n" + output());
        }

        /** SIGKILL to the Java process under the launcher script: no shutdown hook, no cleanup. */
        void killJava() throws InterruptedException {
            process.descendants().filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false))
                    .forEach(ProcessHandle::destroyForcibly);
            process.waitFor(30, TimeUnit.SECONDS);
        }

        int await() throws InterruptedException {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("did not finish in 5 minutes:\n" + output());
            }
            reader.join(10_000);
            return process.exitValue();
        }

        String output() {
            synchronized (all) {
                return all.toString();
            }
        }

        /** The last line, the summary object with --json. */
        String lastLine() {
            String[] l = output().strip().split("\n");
            return l[l.length - 1];
        }
    }

    static Running start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(REPO.resolve("cartwright").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().put("CARTWRIGHT_NO_BUILD", "1");
        pb.environment().putAll(env);
        return new Running(pb.start());
    }

    static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(List.of(), env, args);
    }

    /** As the unprivileged user nobody (the caller must be root), as on an installation it cannot write. */
    static Result runAsNobody(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"), env, args);
    }

    /** {@link #runOffline}'s exit code when this machine cannot give the command names of its own. */
    static final int NO_NAMESPACE = 97;

    /**
     * On a machine of its own as far as names go (the caller must be root): the host name is
     * {@code hostname}, which no resolver knows, and DNS asks a server that never answers, as on an
     * offline cart whose resolver settings point at the office network.
     */
    static Result runOffline(String hostname, Path dir, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        Path resolver = Files.writeString(dir.resolve("resolv.conf"),
                "nameserver 192.0.2.1\noptions timeout:1 attempts:1\n"); // TEST-NET-1: never answers
        String setUp = "hostname \"$0\" && mount --bind \"$1\" /etc/resolv.conf || exit " + NO_NAMESPACE
                + "; shift; exec \"$@\"";
        return run(List.of("unshare", "--uts", "--mount", "--", "sh", "-c", setUp, hostname, resolver.toString()),
                env, args);
    }

    private static Result run(List<String> prefix, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
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
