/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import org.eclipse.jdt.annotation.Nullable;

/**
 * What a camera layout says about a card: its family, where the media lives, which files travel
 * together and the reel and clip of each file.
 *
 * @param provider the id of the {@link CameraLayoutProvider} that recognised the card, or empty
 * @param family a name for people: {@code Sony XAVC (XDROOT)}, {@code RED (RDM/RDC)}
 * @param sourceRoots the card folders (or files) that hold the media, below the card root; the base
 *        of the {@code {relpath}} token. A device's own source roots replace these.
 * @param clipGroups files that must travel together; a file is in at most one group
 * @param tokens the reel and clip of files, by path below the card root
 * @param reel the card's reel when it applies to every file ({@code A001}), or empty
 */
public record SourceLayout(String provider, String family, List<String> sourceRoots, List<ClipGroup> clipGroups,
        Map<String, FileTokens> tokens, String reel) {

    private static final SourceLayout NONE = new SourceLayout("", "", List.of(), List.of(), Map.of(), "");

    public SourceLayout {
        provider = provider == null ? "" : provider;
        family = family == null ? "" : family;
        sourceRoots = sourceRoots == null ? List.of() : List.copyOf(sourceRoots);
        clipGroups = clipGroups == null ? List.of() : List.copyOf(clipGroups);
        tokens = tokens == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tokens));
        reel = reel == null ? "" : reel;
        Map<String, String> seen = new HashMap<>();
        for (ClipGroup g : clipGroups) {
            for (String m : g.members()) {
                String other = seen.put(m, g.id());
                if (other != null) {
                    throw new IllegalArgumentException("The file " + m + " is in two clip groups: " + other + " and " + g.id());
                }
            }
        }
    }

    /** No layout: every file on its own, no reel, the whole card as source. */
    public static SourceLayout none() {
        return NONE;
    }

    public boolean isNone() {
        return provider.isEmpty() && family.isEmpty() && sourceRoots.isEmpty() && clipGroups.isEmpty()
                && tokens.isEmpty() && reel.isEmpty();
    }

    /** This layout with other source roots: a device's own source roots win over detection. */
    public SourceLayout withSourceRoots(List<String> roots) {
        return new SourceLayout(provider, family, roots, clipGroups, tokens, reel);
    }

    /** The files in a clip group, by path, mapped to their group. */
    public Map<String, ClipGroup> groupsByFile() {
        Map<String, ClipGroup> map = new HashMap<>();
        for (ClipGroup g : clipGroups) {
            for (String m : g.members()) {
                map.put(m, g);
            }
        }
        return map;
    }

    /** The reel and clip of {@code path}, or {@link FileTokens#NONE}. */
    public FileTokens tokensOf(String path) {
        return tokens.getOrDefault(path, FileTokens.NONE);
    }

    public static Builder builder(String provider, String family) {
        return new Builder(provider, family);
    }

    /** Builds a {@link SourceLayout}; not thread-safe. */
    public static final class Builder {
        private final String provider;
        private final String family;
        private final List<String> roots = new ArrayList<>();
        private final Map<String, ClipGroup> groups = new TreeMap<>();
        private final Map<String, FileTokens> tokens = new TreeMap<>();
        private String reel = "";

        private Builder(String provider, String family) {
            this.provider = Objects.requireNonNull(provider);
            this.family = Objects.requireNonNull(family);
        }

        public Builder sourceRoot(String root) {
            if (!roots.contains(root)) {
                roots.add(root);
            }
            return this;
        }

        public Builder reel(String cardReel) {
            this.reel = cardReel == null ? "" : cardReel;
            return this;
        }

        /** Adds a group; members are sorted, {@code primary} must be one of them. */
        public Builder group(String id, String primary, Collection<String> members) {
            List<String> sorted = new ArrayList<>(members);
            sorted.sort(null);
            if (groups.put(id, new ClipGroup(id, primary, sorted)) != null) {
                throw new IllegalArgumentException("Two clip groups with the id " + id);
            }
            return this;
        }

        public Builder tokens(String path, String fileReel, String clip) {
            tokens.put(path, new FileTokens(fileReel, clip));
            return this;
        }

        /**
         * Groups {@code files} by {@code key} (files whose key is empty or null stay on their own).
         * The group id is the key; the primary is the first member (by path) that {@code isPrimary}
         * accepts, else the first member; every member gets {@code tokensOf.apply(key)}.
         */
        public Builder groupBy(Collection<CardFile> files, Function<CardFile, @Nullable String> key,
                Predicate<CardFile> isPrimary, Function<String, FileTokens> tokensOf) {
            Map<String, List<CardFile>> byKey = new TreeMap<>();
            for (CardFile f : files) {
                String k = key.apply(f);
                if (k != null && !k.isEmpty()) {
                    byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(f);
                }
            }
            for (Map.Entry<String, List<CardFile>> e : byKey.entrySet()) {
                List<CardFile> members = new ArrayList<>(e.getValue());
                members.sort(java.util.Comparator.comparing(CardFile::path));
                CardFile primary = members.stream().filter(isPrimary).findFirst().orElse(members.get(0));
                group(e.getKey(), primary.path(), members.stream().map(CardFile::path).toList());
                FileTokens t = tokensOf.apply(e.getKey());
                for (CardFile m : members) {
                    tokens.put(m.path(), t);
                }
            }
            return this;
        }

        public SourceLayout build() {
            return new SourceLayout(provider, family, roots, List.copyOf(groups.values()), tokens, reel);
        }
    }
}
