/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package com.example.camera.internal;

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
 * The layout of the (fictional) Acme X1 camera, written the way a camera vendor would write one in
 * its own bundle and namespace. An X1 card holds
 *
 * <pre>
 * ACME/CARD.ID                           card identity (card-level, left to the template)
 * ACME/CLIPS/A001/A001C001.MOV           the clip, in a folder per reel
 * ACME/CLIPS/A001/A001C001.ACM           its metadata sidecar: must travel with the clip
 * ACME/CLIPS/A001/A001C001_02.MOV        a second segment of a long clip
 * ACME/PROXY/A001C001_proxy.mp4          its proxy, in another folder
 * </pre>
 *
 * The provider is a pure function of the card's file list: no file access, no state, quick.
 */
@Component(service = CameraLayoutProvider.class, property = "camera.vendor=acme")
public final class AcmeLayoutProvider implements CameraLayoutProvider {

    static final String ID = "com.example.camera.x1";

    /** Reel folder names: camera letter + 3 digits. */
    private static final Pattern REEL = Pattern.compile("[A-Z]\\d{3}");
    /** A clip file, a segment of it, its sidecar or its proxy; group 1 is the clip name. */
    private static final Pattern CLIP = Pattern.compile("([A-Z]\\d{3}C\\d{3})(_\\d{2})?(_proxy)?\\.(MOV|ACM|MP4)",
            Pattern.CASE_INSENSITIVE);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Acme X1";
    }

    @Override
    public Optional<SourceLayout> detect(CardTree card) {
        // 1. Recognise the card cheaply; say "not mine" as early as possible.
        Optional<String> clips = card.folderIgnoreCase("ACME/CLIPS");
        if (clips.isEmpty()) {
            return Optional.empty();
        }
        List<String> reels = card.childFolders(clips.get()).stream().filter(r -> REEL.matcher(r).matches()).toList();
        if (reels.isEmpty()) {
            return Optional.empty();
        }
        // 2. Where the media lives: the base of the {relpath} token; a device's own roots replace it.
        SourceLayout.Builder layout = SourceLayout.builder(ID, "Acme X1").sourceRoot("ACME");
        // 3. Which files travel together: clip, segments, sidecar and proxy, across both folders.
        List<CardFile> candidates = new ArrayList<>();
        for (String reel : reels) {
            candidates.addAll(card.filesIn(clips.get() + "/" + reel));
        }
        card.folderIgnoreCase("ACME/PROXY").ifPresent(proxy -> candidates.addAll(card.filesIn(proxy)));
        layout.groupBy(candidates, f -> {
            Matcher m = CLIP.matcher(f.name());
            return m.matches() ? m.group(1).toUpperCase(Locale.ROOT) : null;
        }, f -> f.extension().equalsIgnoreCase("mov") && !f.stem().matches(".*_\\d{2}"),
                // 4. The reel and clip tokens of every file of the group.
                clip -> new FileTokens(clip.substring(0, 4), clip));
        if (reels.size() == 1) {
            layout.reel(reels.get(0));
        }
        return Optional.of(layout.build());
    }
}
