/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.camera.sound.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;

import io.cartwright.routing.spi.CameraLayoutProvider;
import io.cartwright.routing.spi.CardFile;
import io.cartwright.routing.spi.CardTree;
import io.cartwright.routing.spi.FileTokens;
import io.cartwright.routing.spi.SourceLayout;

/**
 * Sound recorder cards (Sound Devices 7/8-series and 664, Zoom F-series, the BWF mirror card of a
 * Zaxcom): Broadcast WAV files, polyphonic ({@code S01T01.wav}, {@code Scene001-T001.wav}) or one
 * file per track ({@code S001T01_1.WAV ... _9, _A, _B, _C}; Zoom {@code _Tr1}, {@code _Tr1_2},
 * {@code _Tr1_D}), in optional project / roll / scene folders. The mono tracks of one take travel
 * together. Recognised when the card holds WAV files and no picture essence. Per-folder CSV sound
 * reports and the recorder's {@code SOUNDDEV/}, {@code FALSETAKES/} and {@code TRASH/} folders are
 * left to the template. Reel token = the folder holding the take (the roll), else empty; clip token
 * = the take name ({@code S001T01}).
 */
@Component(service = CameraLayoutProvider.class, property = "camera.vendor=sound")
public final class SoundRecorderLayoutProvider implements CameraLayoutProvider {

    static final String ID = "io.cartwright.sound";

    private static final Set<String> PICTURE = Set.of("mov", "mxf", "mp4", "braw", "r3d", "crm", "ari", "mts", "avi", "dng");
    /** Track suffixes: Sound Devices _1.._9,_A,_B,_C; Zoom _Tr1, _Tr1_2, _TrL, _Tr1_D. */
    private static final Pattern TRACK = Pattern.compile("(.+?)(_[1-9ABC]|_Tr[0-9LR]+(_[0-9A-Z]+)?)", Pattern.CASE_INSENSITIVE);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Sound recorder (BWF)";
    }

    @Override
    public Optional<SourceLayout> detect(CardTree card) {
        boolean wav = false;
        for (CardFile f : card.files()) {
            String ext = f.extension().toLowerCase(Locale.ROOT);
            if (PICTURE.contains(ext)) {
                return Optional.empty();
            }
            wav |= isWav(f);
        }
        if (!wav || card.hasFolder("PRIVATE", true) || card.hasFolder("CONTENTS", true)) {
            return Optional.empty();
        }
        SourceLayout.Builder b = SourceLayout.builder(ID, "Sound recorder (BWF)");
        b.groupBy(card.files(), f -> isWav(f) && !inSystemFolder(f) ? (f.folder().isEmpty() ? "" : f.folder() + "/") + take(f) : null,
                f -> !TRACK.matcher(f.stem()).matches(), key -> {
                    int slash = key.lastIndexOf('/');
                    String folder = slash < 0 ? "" : key.substring(0, slash);
                    return new FileTokens(folder.substring(folder.lastIndexOf('/') + 1), key.substring(slash + 1));
                });
        return Optional.of(b.build());
    }

    private static String take(CardFile f) {
        Matcher m = TRACK.matcher(f.stem());
        return m.matches() ? m.group(1) : f.stem();
    }

    private static boolean isWav(CardFile f) {
        String ext = f.extension().toLowerCase(Locale.ROOT);
        return ext.equals("wav") || ext.equals("bwf");
    }

    private static boolean inSystemFolder(CardFile f) {
        String upper = ("/" + f.folder() + "/").toUpperCase(Locale.ROOT);
        return upper.contains("/SOUNDDEV/") || upper.contains("/TRASH/");
    }
}
