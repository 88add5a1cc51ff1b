/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.camera.red.internal;

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
 * RED cards (DSMC2, KOMODO, V-RAPTOR): {@code A001_0617AB.RDM/} at the card root holding one
 * {@code .RDC} folder per clip, {@code A001_C001_0617XY.RDC/A001_C001_0617XY_001.R3D} with segments
 * {@code _002.R3D...} and the {@code .mov}/{@code .mxf} proxies and {@code .rtn} thumbnail beside.
 * Each RDC folder travels whole; its primary is the first {@code .R3D} segment. Card-root files
 * ({@code digital_magazine.bin}, {@code digital_magdynamic.bin}) are left to the template.
 * Reel token = {@code A001}; clip token = the RDC folder's name without {@code .RDC}.
 */
@Component(service = CameraLayoutProvider.class, property = "camera.vendor=red")
public final class RedLayoutProvider implements CameraLayoutProvider {

    static final String ID = "io.cartwright.red";

    private static final Pattern RDM = Pattern.compile("([A-Z]\\d{3})_.*\\.RDM", Pattern.CASE_INSENSITIVE);
    private static final Pattern RDC = Pattern.compile("(([A-Z]\\d{3})_C\\d{3}_.*)\\.RDC", Pattern.CASE_INSENSITIVE);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "RED (RDM/RDC)";
    }

    @Override
    public Optional<SourceLayout> detect(CardTree card) {
        SourceLayout.Builder b = SourceLayout.builder(ID, "RED");
        boolean found = false;
        String cardReel = null;
        for (String mag : card.childFolders("")) {
            Matcher rdm = RDM.matcher(mag);
            if (!rdm.matches()) {
                continue;
            }
            for (String clip : card.childFolders(mag)) {
                Matcher rdc = RDC.matcher(clip);
                String base = mag + "/" + clip;
                List<CardFile> files = card.filesUnder(base);
                if (!rdc.matches() || files.stream().noneMatch(RedLayoutProvider::isR3d)) {
                    continue;
                }
                found = true;
                b.sourceRoot(mag);
                String reel = rdc.group(2).toUpperCase(Locale.ROOT);
                String clipName = rdc.group(1);
                b.groupBy(files, f -> base, RedLayoutProvider::isR3d, key -> new FileTokens(reel, clipName));
            }
            String magReel = rdm.group(1).toUpperCase(Locale.ROOT);
            cardReel = cardReel == null || cardReel.equals(magReel) ? magReel : "";
        }
        if (!found) {
            return Optional.empty();
        }
        return Optional.of(b.reel(cardReel == null ? "" : cardReel).build());
    }

    private static boolean isR3d(CardFile f) {
        return f.extension().equalsIgnoreCase("r3d");
    }
}
