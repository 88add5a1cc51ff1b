/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.camera.panasonic.internal;

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
import io.cartwright.routing.spi.SourceLayout;

/**
 * Panasonic cards, and AVCHD from any camera:
 * <ul>
 * <li>P2 / VariCam: {@code CONTENTS/} with {@code VIDEO/0001AB.MXF}, {@code AUDIO/0001AB00.MXF}...,
 * {@code CLIP/0001AB.XML}, {@code ICON/}, {@code PROXY/}, {@code VOICE/} (and {@code AVCLIP/} on
 * microP2), plus {@code LASTCLIP.TXT} at the card root. P2 software reads the card as a unit, so
 * {@code CONTENTS} and {@code LASTCLIP.TXT} form one group that travels whole (primary: the first
 * {@code VIDEO} file); each file still gets its own clip token ({@code 0001AB}).</li>
 * <li>AVCHD: {@code PRIVATE/AVCHD/BDMV/} ({@code STREAM/*.MTS}, {@code CLIPINF/*.CPI},
 * {@code PLAYLIST/*.MPL}, {@code index.bdmv}, {@code MovieObject.bdmv}, {@code BACKUP/}): the whole
 * tree travels whole; clip token = the stream number.</li>
 * </ul>
 * The reel is the card (volume) name. MOV/MP4 cards of the EVA1 and AG-CX are not recognised yet:
 * their folder names were not confirmed (see CAMERA-LAYOUTS.md); route them by template.
 */
@Component(service = CameraLayoutProvider.class, property = "camera.vendor=panasonic")
public final class PanasonicLayoutProvider implements CameraLayoutProvider {

    static final String ID = "io.cartwright.panasonic";

    private static final Pattern P2_CLIP = Pattern.compile("([0-9A-Z]{6})(\\d\\d)?\\..*", Pattern.CASE_INSENSITIVE);
    private static final List<String> P2_FOLDERS = List.of("VIDEO", "AUDIO", "CLIP", "ICON", "PROXY", "VOICE", "AVCLIP");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Panasonic (P2, AVCHD)";
    }

    @Override
    public Optional<SourceLayout> detect(CardTree card) {
        Optional<String> contents = card.folderIgnoreCase("CONTENTS")
                .filter(c -> card.hasFolder(c + "/VIDEO", true) || card.hasFolder(c + "/CLIP", true));
        Optional<String> avchd = card.folderIgnoreCase("PRIVATE/AVCHD").filter(a -> card.hasFolder(a + "/BDMV", true));
        if (contents.isEmpty() && avchd.isEmpty()) {
            return Optional.empty();
        }
        List<String> families = new ArrayList<>();
        contents.ifPresent(c -> families.add("P2"));
        avchd.ifPresent(a -> families.add("AVCHD"));
        SourceLayout.Builder b = SourceLayout.builder(ID, "Panasonic " + String.join(" + ", families));
        contents.ifPresent(c -> {
            b.sourceRoot(c);
            List<CardFile> members = new ArrayList<>(card.filesUnder(c));
            Optional<CardFile> lastClip = card.fileIgnoreCase("LASTCLIP.TXT");
            lastClip.ifPresent(f -> {
                members.add(f);
                b.sourceRoot(f.path());
            });
            b.groupBy(members, f -> "P2 " + c, f -> isIn(f, c, "VIDEO"), k -> io.cartwright.routing.spi.FileTokens.NONE);
            for (CardFile f : members) {
                Matcher m = P2_CLIP.matcher(f.name());
                if (m.matches() && P2_FOLDERS.stream().anyMatch(folder -> isIn(f, c, folder))) {
                    b.tokens(f.path(), "", m.group(1).toUpperCase(Locale.ROOT));
                }
            }
        });
        avchd.ifPresent(a -> {
            b.sourceRoot(a);
            List<CardFile> files = card.filesUnder(a);
            b.groupBy(files, f -> "AVCHD " + a, f -> f.extension().equalsIgnoreCase("mts"),
                    k -> io.cartwright.routing.spi.FileTokens.NONE);
            for (CardFile f : files) {
                String ext = f.extension().toLowerCase(Locale.ROOT);
                if (ext.equals("mts") || ext.equals("cpi")) {
                    b.tokens(f.path(), "", f.stem());
                }
            }
        });
        return Optional.of(b.build());
    }

    private static boolean isIn(CardFile f, String contents, String folder) {
        return f.folder().equalsIgnoreCase(contents + "/" + folder);
    }
}
