/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.camera.arri.internal;

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
 * ARRI cards (ALEXA Mini LF, LF, SXT, ALEXA 35 on Compact Drive; ARRIRAW on a Codex Capture Drive).
 *
 * <ul>
 * <li>A reel folder at the card root, named camera index + reel + {@code R} + serial: {@code A001R1JL}.</li>
 * <li>ProRes/MXF clips in it: {@code A001C003_260617_R1JL.mov}; every file of the folder with the
 * clip's stem travels with it. Card-level companions ({@code A001R1JL_FCP.xml}, {@code .ale}) are
 * left to the template.</li>
 * <li>ARRIRAW frame sequences: one sub-folder per clip, {@code <reel>/<clip>/<W>x<H>/<clip>.<frame>.ari}
 * with {@code xml/} and {@code wav/} beside; the whole clip folder travels together.</li>
 * </ul>
 * Reel token = camera index + reel ({@code A001}); clip token = the clip's stem or folder name.
 */
@Component(service = CameraLayoutProvider.class, property = "camera.vendor=arri")
public final class ArriLayoutProvider implements CameraLayoutProvider {

    static final String ID = "io.cartwright.arri";

    private static final Pattern REEL_FOLDER = Pattern.compile("([A-Z])(\\d{3})R[0-9A-Z]{3,4}", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLIP = Pattern.compile("([A-Z]\\d{3})C\\d{3}(_.*)?", Pattern.CASE_INSENSITIVE);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "ARRI (reel folder, ProRes/MXF or ARRIRAW)";
    }

    @Override
    public Optional<SourceLayout> detect(CardTree card) {
        List<String> reels = new ArrayList<>();
        for (String folder : card.childFolders("")) {
            if (REEL_FOLDER.matcher(folder).matches() && hasClips(card, folder)) {
                reels.add(folder);
            }
        }
        if (reels.isEmpty()) {
            return Optional.empty();
        }
        SourceLayout.Builder b = SourceLayout.builder(ID, "ARRI");
        for (String reelFolder : reels) {
            b.sourceRoot(reelFolder);
            // Clip files directly in the reel folder: group by stem.
            List<CardFile> direct = card.filesIn(reelFolder);
            b.groupBy(direct, f -> CLIP.matcher(f.stem()).matches() ? reelFolder + "/" + f.stem() : null,
                    f -> isEssence(f), key -> tokens(key.substring(key.lastIndexOf('/') + 1)));
            // ARRIRAW: one folder per clip, all of it.
            for (String clipFolder : card.childFolders(reelFolder)) {
                if (!CLIP.matcher(clipFolder).matches()) {
                    continue;
                }
                String base = reelFolder + "/" + clipFolder;
                List<CardFile> files = card.filesUnder(base);
                b.groupBy(files, f -> base, f -> f.extension().equalsIgnoreCase("ari") || isEssence(f),
                        key -> tokens(clipFolder));
            }
        }
        if (reels.size() == 1) {
            Matcher m = REEL_FOLDER.matcher(reels.get(0));
            m.matches();
            b.reel((m.group(1) + m.group(2)).toUpperCase(Locale.ROOT));
        }
        return Optional.of(b.build());
    }

    private static boolean hasClips(CardTree card, String reelFolder) {
        for (CardFile f : card.filesUnder(reelFolder)) {
            if ((isEssence(f) || f.extension().equalsIgnoreCase("ari")) && CLIP.matcher(clipPart(reelFolder, f)).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The clip file's stem, or for a frame sequence the clip folder's name. */
    private static String clipPart(String reelFolder, CardFile f) {
        String rest = f.path().substring(reelFolder.length() + 1);
        int slash = rest.indexOf('/');
        return slash < 0 ? f.stem() : rest.substring(0, slash);
    }

    private static boolean isEssence(CardFile f) {
        String ext = f.extension().toLowerCase(Locale.ROOT);
        return ext.equals("mov") || ext.equals("mxf");
    }

    private static FileTokens tokens(String clip) {
        Matcher m = CLIP.matcher(clip);
        return new FileTokens(m.matches() ? m.group(1).toUpperCase(Locale.ROOT) : "", clip);
    }
}
