/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.cli.internal.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.cartwright.core.CartwrightException;
import io.cartwright.core.ExitCode;

/**
 * Makes sample camera cards as folders: an ARRI ALEXA reel, a Sony XDCAM (XD style) card and a
 * sound recorder card, with short real clips encoded by FFmpeg and the sidecars each camera writes
 * (see the card layouts in the project's standards notes). Existing cards are kept, so running the
 * demo twice offloads the same cards again and shows that verified files are skipped.
 */
public final class DemoCards {

    /** One sample card: its folder and a description for people. */
    public record Card(String label, Path root, String description) {
    }

    private static final Instant SHOOT = Instant.parse("2026-11-23T14:10:24Z");

    private final Path cardsDir;
    private final String ffmpeg;

    public DemoCards(Path cardsDir, String ffmpeg) {
        this.cardsDir = cardsDir;
        this.ffmpeg = ffmpeg;
    }

    /** Finds the ffmpeg program on PATH, or explains how to get it. */
    public static String findFfmpeg() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "ffmpeg");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new CartwrightException(ExitCode.USAGE, "The demo encodes its sample clips with FFmpeg, which is not installed.",
                "Install it (apt-get install ffmpeg, or run releng/setup-debian.sh) and run the demo again.");
    }

    public List<Card> makeAll() throws IOException, InterruptedException {
        List<Card> cards = new ArrayList<>();
        cards.add(arri());
        cards.add(sony());
        cards.add(sound());
        return cards;
    }

    private Card arri() throws IOException, InterruptedException {
        Path card = cardsDir.resolve("A001R1JL");
        Path reel = card.resolve("A001R1JL");
        if (!Files.isDirectory(reel)) {
            Path tmp = fresh(card);
            Path r = Files.createDirectories(tmp.resolve("A001R1JL"));
            for (int clip = 1; clip <= 3; clip++) {
                String name = String.format("A001C%03d_261123_R1JL.mov", clip);
                encode(r.resolve(name), "testsrc2=size=640x360:rate=24", 2 + clip % 2,
                        "-c:v", "prores_ks", "-profile:v", "0", "-c:a", "pcm_s24le", "-timecode",
                        String.format("14:10:%02d:00", 20 + clip * 4));
            }
            write(r.resolve("A001R1JL_FCP.xml"), """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <!DOCTYPE xmeml>
                    <xmeml version="5"><bin><name>A001R1JL</name></bin></xmeml>
                    """);
            write(r.resolve("A001R1JL.ale"), """
                    Heading
                    FIELD_DELIM\tTABS
                    VIDEO_FORMAT\t1080
                    FPS\t24

                    Column
                    Name\tTape\tStart\tEnd
                    
                    Data
                    A001C001_261123_R1JL\tA001R1JL\t14:10:24:00\t14:10:27:00
                    A001C002_261123_R1JL\tA001R1JL\t14:10:28:00\t14:10:30:00
                    A001C003_261123_R1JL\tA001R1JL\t14:10:32:00\t14:10:35:00
                    """);
            seal(tmp, card);
        }
        return new Card("A001R1JL", card, "ARRI ALEXA reel: 3 ProRes clips, FCP XML, ALE");
    }

    private Card sony() throws IOException, InterruptedException {
        Path card = cardsDir.resolve("FX9_A015");
        if (!Files.isDirectory(card)) {
            Path tmp = fresh(card);
            Path xd = tmp.resolve("XDROOT");
            Path clipDir = Files.createDirectories(xd.resolve("Clip"));
            Path sub = Files.createDirectories(xd.resolve("Sub"));
            Files.createDirectories(xd.resolve("General"));
            Files.createDirectories(xd.resolve("Edit"));
            for (int clip = 1; clip <= 2; clip++) {
                String stem = String.format("A015C%03d_2611230J", clip);
                encode(clipDir.resolve(stem + ".MXF"), "smptehdbars=size=640x360:rate=25", 2,
                        "-c:v", "mpeg2video", "-b:v", "6M", "-c:a", "pcm_s16le", "-f", "mxf");
                encode(sub.resolve(stem + "S01.MXF"), "smptehdbars=size=320x180:rate=25", 2,
                        "-c:v", "mpeg2video", "-b:v", "1M", "-c:a", "pcm_s16le", "-f", "mxf");
                write(clipDir.resolve(stem + "M01.XML"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<NonRealTimeMeta xmlns=\"urn:schemas-professionalDisc:nonRealTimeMeta:ver.2.00\">\n"
                        + "  <TargetMaterial umidRef=\"060A2B340101010501010D4313000000" + stem.hashCode() + "\"/>\n"
                        + "  <Device manufacturer=\"Sony\" modelName=\"PXW-FX9\" serialNo=\"0000123\"/>\n"
                        + "</NonRealTimeMeta>\n");
                Files.write(clipDir.resolve(stem + "R01.BIM"), realtimeMeta(clip));
            }
            write(xd.resolve("MEDIAPRO.XML"), """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <MediaProfile xmlns="http://xmlns.sony.net/pro/metadata/mediaprofile" createdAt="2026-11-23T14:00:00Z">
                      <Contents>
                        <Material uri="./Clip/A015C001_2611230J.MXF" type="MXF"/>
                        <Material uri="./Clip/A015C002_2611230J.MXF" type="MXF"/>
                      </Contents>
                    </MediaProfile>
                    """);
            write(xd.resolve("DISCMETA.XML"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DiscMeta/>\n");
            seal(tmp, card);
        }
        return new Card("FX9_A015", card, "Sony FX9 XDROOT card: 2 MXF clips with M01.XML, R01.BIM and S01 proxies");
    }

    private Card sound() throws IOException, InterruptedException {
        Path card = cardsDir.resolve("SOUND_D01");
        if (!Files.isDirectory(card)) {
            Path tmp = fresh(card);
            Path day = Files.createDirectories(tmp.resolve("DAY01"));
            for (int take = 1; take <= 2; take++) {
                String name = String.format("S01T%02d.WAV", take);
                run(List.of(ffmpeg, "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                        "sine=frequency=" + (440 * take) + ":sample_rate=48000:duration=3", "-c:a", "pcm_s24le",
                        "-metadata", "comment=Scene 01 Take " + take, day.resolve(name).toString()));
            }
            write(day.resolve("SOUND_REPORT.CSV"), "File,Scene,Take,Note\nS01T01.WAV,01,01,\nS01T02.WAV,01,02,circled\n");
            Files.createDirectories(tmp.resolve("FALSETAKES"));
            seal(tmp, card);
        }
        return new Card("SOUND_D01", card, "Sound recorder card: 2 broadcast WAV takes and a sound report");
    }

    private void encode(Path out, String videoSource, int seconds, String... codec) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
                "-i", videoSource, "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000", "-t",
                Integer.toString(seconds)));
        cmd.addAll(List.of(codec));
        cmd.add(out.toString());
        run(cmd);
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("ffmpeg failed making a demo clip: " + output.strip());
        }
    }

    private static byte[] realtimeMeta(int clip) {
        byte[] bim = new byte[4096];
        for (int i = 0; i < bim.length; i++) {
            bim[i] = (byte) (i * 31 + clip);
        }
        return bim;
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** A card is made in a temporary folder and renamed, so a half-made card is never used. */
    private static Path fresh(Path card) throws IOException {
        Path tmp = card.resolveSibling("." + card.getFileName() + ".making");
        deleteTree(tmp);
        return Files.createDirectories(tmp);
    }

    private static void seal(Path tmp, Path card) throws IOException {
        // Camera files carry the shoot time, not the time the demo ran.
        try (Stream<Path> all = Files.walk(tmp)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Files.setLastModifiedTime(p, FileTime.from(SHOOT));
            }
        }
        Files.move(tmp, card);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
