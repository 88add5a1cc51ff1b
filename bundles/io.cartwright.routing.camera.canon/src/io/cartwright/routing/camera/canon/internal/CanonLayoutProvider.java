/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.camera.canon.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;

import io.cartwright.routing.spi.CameraLayoutProvider;
import io.cartwright.routing.spi.CardFile;
import io.cartwright.routing.spi.CardTree;
import io.cartwright.routing.spi.FileTokens;
import io.cartwright.routing.spi.SourceLayout;

/**
 * Canon cards, two structures:
 * <ul>
 * <li>Cinema EOS (XF-AVC, XF-HEVC, Cinema RAW Light): clips named camera index + reel + clip + date
 * + {@code _CANON}: {@code A001C003_260617AB_CANON.MXF}. Every file on the card whose name starts with
 * the clip id travels with it: spanned segments and their {@code .SIF} file, {@code .XML},
 * {@code .CIF}, {@code _Proxy} files. (The companion names beyond {@code .SIF} are a guess from the
 * card-layout notes; verify on real media.)</li>
 * <li>Older XF (C300, XF305): {@code CONTENTS/CLIPS001/AA0001/} — each clip folder travels whole
 * ({@code AA000101.MXF}, {@code AA000102.MXF} spans, {@code AA0001.SIF}, {@code AA0001M01.XML},
 * {@code AA0001.CIF}).</li>
 * </ul>
 * Reel token = camera index + reel ({@code A001}, or {@code A_0001}); clip token = the clip id
 * ({@code A001C003_260617AB}, {@code AA0001}). Slow-and-fast audio in {@code PRIVATE/AUDIO} and
 * stills in {@code DCIM} are left to the template.
 */
@Component(service = CameraLayoutProvider.class, property = "camera.vendor=canon")
public final class CanonLayoutProvider implements CameraLayoutProvider {

    static final String ID = "io.cartwright.canon";

    private static final Pattern CLIP_ID = Pattern.compile("(([A-Z][A-Z_]?\\d{3,4})C\\d{3}.*?)_CANON.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLIPS_FOLDER = Pattern.compile("CLIPS\\d{3}", Pattern.CASE_INSENSITIVE);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Canon (Cinema EOS, XF)";
    }

    @Override
    public Optional<SourceLayout> detect(CardTree card) {
        // Cinema EOS: clip id -> reel
        Map<String, String> clips = new TreeMap<>();
        for (CardFile f : card.files()) {
            Matcher m = CLIP_ID.matcher(f.name());
            if (m.matches() && isEssence(f)) {
                clips.put(m.group(1), m.group(2).toUpperCase(Locale.ROOT));
            }
        }
        List<String> xfFolders = new ArrayList<>();
        card.folderIgnoreCase("CONTENTS").ifPresent(contents -> {
            for (String c : card.childFolders(contents)) {
                if (CLIPS_FOLDER.matcher(c).matches() && !card.childFolders(contents + "/" + c).isEmpty()) {
                    xfFolders.add(contents + "/" + c);
                }
            }
        });
        if (clips.isEmpty() && xfFolders.isEmpty()) {
            return Optional.empty();
        }
        SourceLayout.Builder b = SourceLayout.builder(ID, clips.isEmpty() ? "Canon XF" : xfFolders.isEmpty() ? "Canon Cinema EOS"
                : "Canon Cinema EOS + XF");
        TreeSet<String> roots = new TreeSet<>();
        // ids by their first characters, longest first, so A001C001_1 does not swallow A001C001_10
        Map<String, List<String>> byPrefix = new TreeMap<>();
        for (String id : clips.keySet()) {
            byPrefix.computeIfAbsent(prefix(id), k -> new ArrayList<>()).add(id);
        }
        byPrefix.values().forEach(l -> l.sort((x, y) -> y.length() != x.length() ? y.length() - x.length() : x.compareTo(y)));
        if (!clips.isEmpty()) {
            b.groupBy(card.files(), f -> {
                String upper = f.name().toUpperCase(Locale.ROOT);
                for (String id : byPrefix.getOrDefault(prefix(upper), List.of())) {
                    if (upper.startsWith(id.toUpperCase(Locale.ROOT))) {
                        int slash = f.path().indexOf('/');
                        roots.add(slash < 0 ? "" : f.path().substring(0, slash));
                        return id;
                    }
                }
                return null;
            }, CanonLayoutProvider::isEssence, id -> new FileTokens(clips.get(id), id));
        }
        for (String folder : xfFolders) {
            roots.add(folder.substring(0, folder.indexOf('/')));
            for (String clip : card.childFolders(folder)) {
                String base = folder + "/" + clip;
                b.groupBy(card.filesUnder(base), f -> base, CanonLayoutProvider::isEssence, key -> new FileTokens("", clip));
            }
        }
        roots.remove("");
        roots.forEach(b::sourceRoot);
        if (new TreeSet<>(clips.values()).size() == 1) {
            b.reel(clips.values().iterator().next());
        }
        return Optional.of(b.build());
    }

    private static String prefix(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.length() <= 6 ? upper : upper.substring(0, 6);
    }

    private static boolean isEssence(CardFile f) {
        String ext = f.extension().toLowerCase(Locale.ROOT);
        return (ext.equals("mxf") || ext.equals("mp4") || ext.equals("crm")) && !f.name().toLowerCase(Locale.ROOT).contains("_proxy");
    }
}
