/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.system.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The offload's failure paths through the real product: a killed process, a card pulled mid-copy, a
 * destination that is too small. Each must leave destinations and database consistent and resumable.
 */
class OffloadSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MIB = 1 << 20;

    @TempDir
    Path dir;

    private Map<String, String> env() {
        return Map.of("CARTWRIGHT_DB", dir.resolve("cartwright.db").toString());
    }

    private static JsonNode summary(String line) throws Exception {
        JsonNode n = JSON.readTree(line);
        assertEquals("summary", n.path("event").asText(), "last line is the summary: " + line);
        return n;
    }

    @Test
    void killMinus9MidFileThenRerunCompletesWithoutRereadingVerifiedFiles() throws Exception {
        Path card = dir.resolve("A002R3KL");
        for (int i = 0; i < 12; i++) {
            Cards.file(card.resolve("A002R3KL/A002C" + (100 + i) + ".xml"), 64 * 1024 + i, i);
        }
        Cards.file(card.resolve("A002R3KL/A002C999_261123_R3KL.mov"), 320 * MIB, 99);
        Path d1 = Files.createDirectories(dir.resolve("raid"));
        Path d2 = Files.createDirectories(dir.resolve("shuttle"));
        String[] command = {"offload", card.toString(), "--to", d1.toString(), "--to", d2.toString(), "--json",
                "--checkpoint-every", "16M"};

        String[] slow = java.util.stream.Stream.concat(java.util.Arrays.stream(command),
                java.util.stream.Stream.of("--limit", "40M")).toArray(String[]::new);
        Launcher.Running first = Launcher.start(env(), slow);
        first.awaitLine("A002C999_261123_R3KL.mov\",\"size\":" + 320 * MIB + ",\"state\":\"reading\"", 120);
        Thread.sleep(3000); // past several 16 MiB checkpoints at 40 MiB/s
        first.killJava();
        assertFalse(Files.exists(d1.resolve("A002R3KL/A002R3KL/A002C999_261123_R3KL.mov")),
                "a killed copy never leaves a file under its final name");
        assertFalse(Files.exists(d2.resolve("A002R3KL/A002R3KL/A002C999_261123_R3KL.mov")));

        Launcher.Result second = Launcher.run(env(), command);
        assertEquals(0, second.code(), second.out() + second.err());
        String[] lines = second.out().strip().split("\n");
        JsonNode s = summary(lines[lines.length - 1]);
        assertEquals("done", s.path("state").asText());
        assertEquals(13, s.path("files_total").asInt());
        assertEquals(12, s.path("files_skipped_verified").asInt(), "the sidecars verified before the kill");
        assertEquals(1, s.path("files_copied").asInt());
        long resumed = s.path("bytes_resumed").asLong();
        assertTrue(resumed >= 16 * MIB, "the big clip resumed from a checkpoint: " + s);
        assertEquals(320 * MIB - resumed, s.path("bytes_copied").asLong(),
                "only the rest of the clip was read again, nothing already verified: " + s);

        for (JsonNode d : s.path("destinations")) {
            assertTrue(d.path("mhl").asText().contains("/A002R3KL/ascmhl/0001_A002R3KL_"), "sealed: " + d);
        }
        TreeMap<String, String> source = Cards.digests(card);
        assertEquals(source, Cards.digests(d1.resolve("A002R3KL")));
        assertEquals(source, Cards.digests(d2.resolve("A002R3KL")));
        Launcher.Result verify = Launcher.run(env(), "verify", d2.resolve("A002R3KL").toString());
        assertEquals(0, verify.code(), verify.out() + verify.err());
    }

    @Test
    void anOfflineMachineSealsUnderItsOwnNameWithoutAskingDns() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "a host name of its own needs root");
        Path card = dir.resolve("A003");
        Cards.file(card.resolve("CLIPS/A003C001.mov"), 3 * MIB + 17, 3);
        Path d1 = Files.createDirectories(dir.resolve("raid"));
        Launcher.Result r = Launcher.runOffline("cw-offline-cart", dir, env(), "offload", card.toString(),
                "--to", d1.toString(), "--json");
        assumeTrue(r.code() != Launcher.NO_NAMESPACE && !r.err().startsWith("unshare:"),
                "no namespaces for a host name of its own here: " + r.err());
        assertEquals(0, r.code(), r.out() + r.err());
        String manifest = Files.readString(Path.of(summary(r.out().strip().replaceAll("(?s).*\n", ""))
                .path("destinations").get(0).path("mhl").asText()));
        // The JDK's lookup of a name no resolver knows fails after the DNS timeout and the seal used
        // to fall back to "localhost".
        assertTrue(manifest.contains("<hostname>cw-offline-cart</hostname>"), manifest);
    }

    @Test
    void cardPulledMidCopyIsInterruptedAndResumesWhenPutBack() throws Exception {
        try (LoopCard card = LoopCard.create(dir, "B001RAWC", 400)) {
            Cards.file(card.root().resolve("B001/B001C001.mov"), 8 * MIB, 1);
            Cards.file(card.root().resolve("B001/B001C002.mov"), 200 * MIB, 2);
            Path dest = Files.createDirectories(dir.resolve("raid"));
            TreeMap<String, String> expected = Cards.digests(card.root());
            String[] command = {"offload", card.root().toString(), "--to", dest.toString(), "--name", "B001RAWC",
                    "--json", "--checkpoint-every", "16M"};
            String[] slow = java.util.stream.Stream.concat(java.util.Arrays.stream(command),
                    java.util.stream.Stream.of("--limit", "30M")).toArray(String[]::new);
            Launcher.Running run = Launcher.start(env(), slow);
            run.awaitLine("B001C002.mov\",\"size\":" + 200 * MIB + ",\"state\":\"reading\"", 120);
            Thread.sleep(2000);
            card.yank();
            assertEquals(3, run.await(), "interrupted, resumable:\n" + run.output());
            JsonNode s = summary(run.lastLine());
            assertEquals("interrupted", s.path("state").asText());
            assertFalse(Files.exists(dest.resolve("B001RAWC/B001/B001C002.mov")));

            card.attach();
            Launcher.Result again = Launcher.run(env(), command);
            assertEquals(0, again.code(), again.out() + again.err());
            String[] lines = again.out().strip().split("\n");
            JsonNode done = summary(lines[lines.length - 1]);
            assertEquals("done", done.path("state").asText());
            assertTrue(done.path("files_skipped_verified").asInt() >= 1, done.toString());
            assertEquals(expected, Cards.digests(dest.resolve("B001RAWC")));
        }
    }

    @Test
    void destinationTooSmallFailsAloneAndTheOtherCompletes() throws Exception {
        Path card = dir.resolve("C001");
        for (int i = 0; i < 6; i++) {
            Cards.file(card.resolve("C001C00" + i + ".mov"), 12 * MIB, i);
        }
        try (LoopCard small = LoopCard.create(dir, "SHUTTLE", 40)) {
            Path big = Files.createDirectories(dir.resolve("raid"));
            Launcher.Result r = Launcher.run(env(), "offload", card.toString(), "--to", big.toString(), "--to",
                    small.root().toString(), "--json");
            assertEquals(1, r.code(), r.out() + r.err());
            String[] lines = r.out().strip().split("\n");
            JsonNode s = summary(lines[lines.length - 1]);
            JsonNode failedDest = null;
            for (JsonNode d : s.path("destinations")) {
                if (d.path("path").asText().startsWith(small.root().toString())) {
                    failedDest = d;
                } else {
                    assertEquals("done", d.path("state").asText(), d.toString());
                    assertEquals(6, d.path("files_verified").asInt());
                }
            }
            assertTrue(failedDest != null && "failed".equals(failedDest.path("state").asText()), s.toString());
            String reason = failedDest.path("reason").asText();
            assertTrue(reason.contains(small.root().toString()) && reason.contains("needs"), reason);
            assertEquals(Cards.digests(card), Cards.digests(big.resolve("C001")));
        }
    }

    @Test
    void demoOffloadsSampleCardsAndVerifyCatchesTampering() throws Exception {
        Path demo = dir.resolve("demo");
        Launcher.Result r = Launcher.run(env(), "demo", "--dir", demo.toString(), "--json");
        assertEquals(0, r.code(), r.out() + r.err());
        int summaries = 0;
        for (String line : r.out().strip().split("\n")) {
            JsonNode n = JSON.readTree(line);
            if ("summary".equals(n.path("event").asText())) {
                summaries++;
                assertEquals("done", n.path("state").asText(), line);
                assertEquals(n.path("files_total").asInt(), n.path("files_copied").asInt(), line);
            }
        }
        assertEquals(3, summaries, "ARRI, Sony and sound cards");
        Path copy = demo.resolve("backup/FX9_A015");
        assertTrue(Files.isRegularFile(copy.resolve("XDROOT/Clip/A015C001_2611230JM01.XML")));
        assertEquals(Cards.digests(demo.resolve("cards/FX9_A015")), Cards.digests(copy));
        assertEquals(0, Launcher.run(env(), "verify", copy.toString()).code());

        // Run again: nothing is copied twice.
        Launcher.Result again = Launcher.run(env(), "demo", "--dir", demo.toString(), "--json");
        assertEquals(0, again.code(), again.err());
        for (String line : again.out().strip().split("\n")) {
            JsonNode n = JSON.readTree(line);
            if ("summary".equals(n.path("event").asText())) {
                assertEquals(n.path("files_total").asInt(), n.path("files_skipped_verified").asInt(), line);
                assertEquals(0, n.path("bytes_copied").asLong(), line);
            }
        }

        Path clip = copy.resolve("XDROOT/Clip/A015C002_2611230J.MXF");
        byte[] bytes = Files.readAllBytes(clip);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(clip, bytes);
        Launcher.Result tampered = Launcher.run(env(), "verify", copy.toString(), "--json");
        assertEquals(1, tampered.code(), tampered.out() + tampered.err());
        JsonNode report = JSON.readTree(tampered.out());
        assertEquals("XDROOT/Clip/A015C002_2611230J.MXF", report.path("mismatched").get(0).path("path").asText());
    }
}
