/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.camera.sony.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;

import io.cartwright.routing.spi.CameraLayoutProvider;
import io.cartwright.routing.spi.CardFile;
import io.cartwright.routing.spi.CardTree;
import io.cartwright.routing.spi.FileTokens;
import io.cartwright.routing.spi.SourceLayout;

/**
 * Sony cards, four structures (one card may hold several):
 * <ul>
 * <li>XAVC "XD style" (FX9, FX6, SxS/SD): {@code XDROOT/} or {@code PRIVATE/XDROOT/} with
 * {@code Clip/<stem>.MXF}, {@code Clip/<stem>M01.XML} (NRT metadata), {@code Clip/<stem>R01.BIM}
 * (real-time metadata), {@code Sub/<stem>S01.MXF} (proxy), {@code Thmbnl/<stem>T01.JPG}; all travel
 * with the clip. {@code MEDIAPRO.XML}, {@code DISCMETA.XML}, {@code CUEUP.XML} stay card-level.</li>
 * <li>XAVC S (A7, FX3/FX30): {@code PRIVATE/M4ROOT/} with {@code CLIP/C0001.MP4} +
 * {@code C0001M01.XML}, {@code SUB/C0001S03.MP4}, {@code THMBNL/C0001T01.JPG}.</li>
 * <li>XDCAM EX: {@code BPAV/CLPR/<clip folder>/} (MP4, SMI, M01.XML, R01.BIM, I01.PPN) — whole folder.</li>
 * <li>SAM: {@code PROAV/CLPR/C0001/} (V01/A01 MXF, SMI, R01.BIM, I01.PPN, M01.XML, S01.MXF) — whole folder.</li>
 * </ul>
 * Reel token = camera index + reel when the clip name carries them ({@code A015C001_...} gives
 * {@code A015}); clip token = the clip's stem ({@code A015C001_2606170J}, {@code C0001}).
 */
@Component(service = CameraLayoutProvider.class, property = "camera.vendor=sony")
public final class SonyLayoutProvider implements CameraLayoutProvider {

    static final String ID = "io.cartwright.sony";

    private static final Pattern REEL = Pattern.compile("([A-Z]\\d{3})C\\d{3}.*", Pattern.CASE_INSENSITIVE);
    /** Essence and companions in a clip folder: the stem is group 1. */
    private static final Pattern CLIP_FILE = Pattern.compile("(.+?)(M\\d\\d\\.XML|R\\d\\d\\.BIM|\\.MXF|\\.MP4)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SUB_FILE = Pattern.compile("(.+?)S\\d\\d\\.(MXF|MP4)", Pattern.CASE_INSENSITIVE);
    private static final Pattern THUMB_FILE = Pattern.compile("(.+?)T\\d\\d\\.(JPG|BMP)", Pattern.CASE_INSENSITIVE);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Sony (XDROOT, M4ROOT, BPAV, PROAV)";
    }

    @Override
    public Optional<SourceLayout> detect(CardTree card) {
        List<String> xd = new ArrayList<>();
        for (String candidate : List.of("XDROOT", "PRIVATE/XDROOT")) {
            card.folderIgnoreCase(candidate).filter(root -> card.folderIgnoreCase(root + "/Clip").isPresent())
                    .ifPresent(xd::add);
        }
        Optional<String> m4 = card.folderIgnoreCase("PRIVATE/M4ROOT")
                .filter(root -> card.folderIgnoreCase(root + "/CLIP").isPresent());
        List<String> clpr = new ArrayList<>();
        for (String candidate : List.of("BPAV", "PROAV")) {
            card.folderIgnoreCase(candidate).filter(root -> card.folderIgnoreCase(root + "/CLPR").isPresent())
                    .ifPresent(clpr::add);
        }
        if (xd.isEmpty() && m4.isEmpty() && clpr.isEmpty()) {
            return Optional.empty();
        }
        List<String> families = new ArrayList<>();
        xd.forEach(root -> families.add("XAVC (" + root + ")"));
        m4.ifPresent(root -> families.add("XAVC S (" + root + ")"));
        clpr.forEach(root -> families.add((root.equalsIgnoreCase("BPAV") ? "XDCAM EX (" : "SAM (") + root + ")"));
        SourceLayout.Builder b = SourceLayout.builder(ID, "Sony " + String.join(" + ", families));
        xd.forEach(root -> stemStructure(card, b, root, "Clip", "Sub", "Thmbnl"));
        m4.ifPresent(root -> stemStructure(card, b, root, "CLIP", "SUB", "THMBNL"));
        clpr.forEach(root -> clipFolders(card, b, root));
        return Optional.of(b.build());
    }

    /** XDROOT and M4ROOT: clip files grouped by stem across the clip, proxy and thumbnail folders. */
    private static void stemStructure(CardTree card, SourceLayout.Builder b, String root, String clipDir, String subDir,
            String thumbDir) {
        b.sourceRoot(root);
        String clip = card.folderIgnoreCase(root + "/" + clipDir).orElse(root + "/" + clipDir);
        Optional<String> sub = card.folderIgnoreCase(root + "/" + subDir);
        Optional<String> thumb = card.folderIgnoreCase(root + "/" + thumbDir);
        List<CardFile> files = new ArrayList<>(card.filesIn(clip));
        sub.ifPresent(s -> files.addAll(card.filesIn(s)));
        thumb.ifPresent(t -> files.addAll(card.filesIn(t)));
        b.groupBy(files, f -> {
            Pattern p = f.folder().equals(clip) ? CLIP_FILE
                    : sub.isPresent() && f.folder().equals(sub.get()) ? SUB_FILE : THUMB_FILE;
            Matcher m = p.matcher(f.name());
            return m.matches() ? root + "/" + m.group(1) : null;
        }, f -> f.folder().equals(clip) && isEssence(f), key -> tokens(key.substring(key.lastIndexOf('/') + 1)));
    }

    /** BPAV and PROAV: every clip folder under CLPR travels whole. */
    private static void clipFolders(CardTree card, SourceLayout.Builder b, String root) {
        b.sourceRoot(root);
        String clpr = card.folderIgnoreCase(root + "/CLPR").orElse(root + "/CLPR");
        for (String clipFolder : card.childFolders(clpr)) {
            String base = clpr + "/" + clipFolder;
            b.groupBy(card.filesUnder(base), f -> base, SonyLayoutProvider::isEssence, key -> tokens(clipFolder));
        }
    }

    private static boolean isEssence(CardFile f) {
        String ext = f.extension().toLowerCase(Locale.ROOT);
        String name = f.name().toUpperCase(Locale.ROOT);
        return (ext.equals("mxf") || ext.equals("mp4")) && !name.matches(".*(S\\d\\d|A\\d\\d)\\.(MXF|MP4)");
    }

    private static FileTokens tokens(String clip) {
        Matcher m = REEL.matcher(clip);
        return new FileTokens(m.matches() ? m.group(1).toUpperCase(Locale.ROOT) : "", clip);
    }
}
