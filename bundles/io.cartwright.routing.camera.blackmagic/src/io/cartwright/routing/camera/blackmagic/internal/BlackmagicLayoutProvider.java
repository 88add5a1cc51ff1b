/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.camera.blackmagic.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 * Blackmagic RAW cards: flat {@code .braw} clips ({@code A001_06171432_C003.braw}) with a
 * {@code <clip>.sidecar} beside them (it takes precedence over the metadata embedded in the clip,
 * so it must travel with it) and proxies in a {@code Proxy/} folder next to the clips (folder name a
 * guess; verify on real media). Each clip's files travel together; the {@code .braw} is primary.
 * Reel token = camera index + reel ({@code A001}) when the name carries it; clip token = the stem.
 */
@Component(service = CameraLayoutProvider.class, property = "camera.vendor=blackmagic")
public final class BlackmagicLayoutProvider implements CameraLayoutProvider {

    static final String ID = "io.cartwright.blackmagic";

    private static final Pattern REEL = Pattern.compile("([A-Z]\\d{3})_.*", Pattern.CASE_INSENSITIVE);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Blackmagic RAW";
    }

    @Override
    public Optional<SourceLayout> detect(CardTree card) {
        // folder + stem (upper case) of every clip -> group id
        Map<String, String> clips = new HashMap<>();
        TreeSet<String> roots = new TreeSet<>();
        for (CardFile f : card.files()) {
            if (f.extension().equalsIgnoreCase("braw")) {
                clips.put(key(f.folder(), f.stem()), f.folder().isEmpty() ? f.stem() : f.folder() + "/" + f.stem());
                int slash = f.path().indexOf('/');
                if (slash > 0) {
                    roots.add(f.path().substring(0, slash));
                }
            }
        }
        if (clips.isEmpty()) {
            return Optional.empty();
        }
        SourceLayout.Builder b = SourceLayout.builder(ID, "Blackmagic RAW");
        roots.forEach(b::sourceRoot);
        b.groupBy(card.files(), f -> {
            String same = clips.get(key(f.folder(), f.stem()));
            if (same != null) {
                return same;
            }
            int slash = f.folder().lastIndexOf('/');
            String parent = slash < 0 ? "" : f.folder().substring(0, slash);
            String leaf = f.folder().substring(slash + 1);
            return !f.folder().isEmpty() && leaf.equalsIgnoreCase("proxy") ? clips.get(key(parent, f.stem())) : null;
        }, f -> f.extension().equalsIgnoreCase("braw"), id -> {
            String stem = id.substring(id.lastIndexOf('/') + 1);
            Matcher m = REEL.matcher(stem);
            return new FileTokens(m.matches() ? m.group(1).toUpperCase(Locale.ROOT) : "", stem);
        });
        return Optional.of(b.build());
    }

    private static String key(String folder, String stem) {
        return (folder + "/" + stem).toUpperCase(Locale.ROOT);
    }
}
