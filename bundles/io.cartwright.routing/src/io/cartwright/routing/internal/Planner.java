/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cartwright.routing.ChannelConflictPolicy;
import io.cartwright.routing.PlanConflict;
import io.cartwright.routing.PlanConflict.Resolution;
import io.cartwright.routing.PlanEntry;
import io.cartwright.routing.RoutePlan;
import io.cartwright.routing.RoutingProblem;
import io.cartwright.routing.SafeNames;
import io.cartwright.routing.Template;
import io.cartwright.routing.TokenContext;
import io.cartwright.routing.UnmatchedMode;
import io.cartwright.routing.internal.CompiledTemplate.CompiledChannel;
import io.cartwright.routing.spi.CardFile;
import io.cartwright.routing.spi.CardTree;
import io.cartwright.routing.spi.ClipGroup;
import io.cartwright.routing.spi.FileTokens;
import io.cartwright.routing.spi.SourceLayout;

import org.eclipse.jdt.annotation.Nullable;

/** Makes route plans: plain Java, no state, no file access except {@link #checkDestination}. */
final class Planner {

    private Planner() {
    }

    /** The channel a file or group goes to; {@code channel == null} = unmatched. */
    private record Decision(@Nullable CompiledChannel channel, @Nullable String stoppedBy) {
    }

    /** A file on its way into the plan. */
    private static final class Planned {
        PlanEntry entry;
        final boolean quarantine;
        boolean dropped;

        Planned(PlanEntry entry, boolean quarantine) {
            this.entry = entry;
            this.quarantine = quarantine;
        }
    }

    static RoutePlan plan(CardTree card, Template template, TokenContext tokens, SourceLayout layout) {
        CompiledTemplate ct = CompiledTemplate.compile(template);
        Map<String, ClipGroup> groupOf = layout.groupsByFile();
        Map<String, Decision> groupDecisions = new HashMap<>();
        List<Planned> planned = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        List<RoutingProblem> problems = new ArrayList<>();
        List<RoutingProblem> warnings = new ArrayList<>();
        List<PlanConflict> conflicts = new ArrayList<>();
        String cardName = tokens.card().isEmpty() ? card.name() : tokens.card();

        for (CardFile f : card.files()) {
            ClipGroup group = groupOf.get(f.path());
            Decision d = group == null ? decide(ct, f) : groupDecisions.computeIfAbsent(group.id(), k -> decide(ct, card, group));
            String stoppedBy = d.stoppedBy();
            if (stoppedBy != null) {
                problems.add(new RoutingProblem(f.path(), stoppedBy, "", "a regular expression of this channel took more than "
                        + SafeRegex.STEP_BUDGET + " steps on " + (group == null ? "this file" : "clip group " + group.id())
                        + " and was stopped; simplify it (avoid overlapping alternatives under a repetition)"));
                continue;
            }
            CompiledChannel channel = d.channel();
            boolean quarantine = false;
            if (channel == null) {
                unmatched.add(f.path());
                if (template.unmatched() == UnmatchedMode.FAIL) {
                    problems.add(new RoutingProblem(f.path(), "", "",
                            "no channel takes this file and the template's unmatched mode is 'fail'"));
                    continue;
                }
                if (template.unmatched() == UnmatchedMode.IGNORE) {
                    continue;
                }
                channel = ct.quarantine;
                quarantine = true;
            }
            CompiledChannel ch = channel;
            FileTokens ft = fileTokens(layout, group, f);
            var expansion = ch.destination.expand(t -> value(t, f, ft, tokens, cardName, layout, template));
            DestinationPattern.Failure failure = expansion.failure();
            String target = expansion.path();
            if (failure != null || target == null) {
                problems.add(failure == null ? new RoutingProblem(f.path(), ch.channel.name(), "", "no destination path")
                        : new RoutingProblem(f.path(), ch.channel.name(), failure.tokens(), failure.message()));
                continue;
            }
            planned.add(new Planned(new PlanEntry(f.path(), ch.channel.name(), target,
                    group == null ? "" : group.id(), f.size(), f.modified(), ch.channel.conflict(), PlanEntry.Action.COPY),
                    quarantine));
        }
        for (CardTree.Skipped s : card.skipped()) {
            warnings.add(new RoutingProblem(s.path(), "", "", s.reason()));
        }
        resolveCollisions(planned, conflicts, problems);
        List<PlanEntry> entries = new ArrayList<>();
        List<PlanEntry> quarantined = new ArrayList<>();
        for (Planned p : planned) {
            if (!p.dropped) {
                (p.quarantine ? quarantined : entries).add(p.entry);
            }
        }
        return new RoutePlan(template.name(), layout.family(), entries, quarantined, unmatched, conflicts, problems, warnings);
    }

    private static Decision decide(CompiledTemplate ct, CardFile f) {
        for (CompiledChannel c : ct.channels) {
            try {
                if (c.takes(f)) {
                    return new Decision(c, null);
                }
            } catch (SafeRegex.BudgetExceeded e) {
                return new Decision(null, c.channel.name());
            }
        }
        return new Decision(null, null);
    }

    /** The group goes where its primary goes; if no channel takes the primary, where the first member that is taken goes. */
    private static Decision decide(CompiledTemplate ct, CardTree card, ClipGroup group) {
        List<String> order = new ArrayList<>();
        order.add(group.primary());
        for (String m : group.members()) {
            if (!m.equals(group.primary())) {
                order.add(m);
            }
        }
        for (String m : order) {
            var f = card.file(m);
            if (f.isEmpty()) {
                continue;
            }
            Decision d = decide(ct, f.get());
            if (d.channel() != null || d.stoppedBy() != null) {
                return d;
            }
        }
        return new Decision(null, null);
    }

    private static FileTokens fileTokens(SourceLayout layout, ClipGroup group, CardFile f) {
        FileTokens own = layout.tokensOf(f.path());
        if (group == null || !own.reel().isEmpty() && !own.clip().isEmpty()) {
            return own;
        }
        FileTokens primary = layout.tokensOf(group.primary());
        return new FileTokens(own.reel().isEmpty() ? primary.reel() : own.reel(),
                own.clip().isEmpty() ? primary.clip() : own.clip());
    }

    private static DateTimeFormatter dateFormat(DestinationPattern.Token t) {
        DateTimeFormatter own = t.formatter();
        return own == null ? DateTimeFormatter.ISO_LOCAL_DATE : own;
    }

    private static String value(DestinationPattern.Token t, CardFile f, FileTokens ft, TokenContext ctx, String cardName,
            SourceLayout layout, Template template) {
        return switch (t.name()) {
            case "project" -> ctx.project();
            case "date" -> dateFormat(t).format(ctx.date());
            case "day" -> ctx.day();
            case "unit" -> ctx.unit();
            case "wu" -> String.join("/", ctx.wu());
            case "cam" -> ctx.cam();
            case "role" -> ctx.role();
            case "card" -> cardName;
            case "device" -> ctx.device();
            case "reel" -> !ft.reel().isEmpty() ? ft.reel() : !layout.reel().isEmpty() ? layout.reel() : cardName;
            case "clip" -> ft.clip().isEmpty() ? f.stem() : ft.clip();
            case "ext" -> f.extension();
            case "name" -> f.name();
            case "stem" -> f.stem();
            case "path" -> f.path();
            case "dir" -> f.folder();
            case "relpath" -> relative(layout.sourceRoots(), f.path(), f.path());
            case "reldir" -> {
                String rel = relative(layout.sourceRoots(), f.path(), f.path());
                int i = rel.lastIndexOf('/');
                yield i < 0 ? "" : rel.substring(0, i);
            }
            default -> {
                String v = ctx.custom().get(t.name());
                yield v == null || v.isEmpty() ? template.tokens().getOrDefault(t.name(), "") : v;
            }
        };
    }

    /** {@code path} below the longest source root that holds it, else {@code fallback}. */
    static String relative(List<String> roots, String path, String fallback) {
        String best = null;
        for (String r : roots) {
            String root = r.endsWith("/") ? r.substring(0, r.length() - 1) : r;
            if (root.isEmpty()) {
                continue;
            }
            if (path.startsWith(root + "/") && (best == null || root.length() > best.length())) {
                best = root;
            }
            if (path.equals(root) && best == null) {
                int i = path.lastIndexOf('/');
                return i < 0 ? path : path.substring(i + 1);
            }
        }
        return best == null ? fallback : path.substring(best.length() + 1);
    }

    private static void resolveCollisions(List<Planned> planned, List<PlanConflict> conflicts, List<RoutingProblem> problems) {
        Map<String, Integer> taken = new HashMap<>();
        for (int i = 0; i < planned.size(); i++) {
            Planned p = planned.get(i);
            String key = SafeNames.collisionKey(p.entry.destination());
            Integer holderIndex = taken.get(key);
            if (holderIndex == null) {
                taken.put(key, i);
                continue;
            }
            Planned holder = planned.get(holderIndex);
            String dest = p.entry.destination();
            List<String> sources = List.of(holder.entry.source(), p.entry.source());
            String sameness = dest.equals(holder.entry.destination()) ? ""
                    : " (the names '" + holder.entry.destination() + "' and '" + dest
                            + "' differ only in case or Unicode form, which exFAT, NTFS and APFS treat as one name)";
            ChannelConflictPolicy policy = p.entry.conflict();
            switch (policy) {
                case VERSION -> {
                    String versioned = null;
                    for (int n = 1; n < 10_000; n++) {
                        String candidate = versioned(dest, n);
                        if (!taken.containsKey(SafeNames.collisionKey(candidate))) {
                            versioned = candidate;
                            break;
                        }
                    }
                    String last = versioned == null ? "" : versioned.substring(versioned.lastIndexOf('/') + 1);
                    if (versioned == null || SafeNames.problem(last).isPresent()) {
                        p.dropped = true;
                        problems.add(new RoutingProblem(p.entry.source(), p.entry.channel(), "",
                                "no free versioned name next to '" + dest + "'"));
                        continue;
                    }
                    p.entry = p.entry.withDestination(versioned);
                    taken.put(SafeNames.collisionKey(versioned), i);
                    conflicts.add(new PlanConflict(dest, sources, p.entry.channel(), policy, Resolution.VERSIONED,
                            "'" + p.entry.source() + "' is written as '" + versioned + "'" + sameness));
                }
                case REPLACE_IF_NEWER -> {
                    boolean newer = p.entry.modified().isAfter(holder.entry.modified());
                    Planned loser = newer ? holder : p;
                    Planned winner = newer ? p : holder;
                    loser.dropped = true;
                    taken.put(key, newer ? i : holderIndex);
                    conflicts.add(new PlanConflict(dest, sources, p.entry.channel(), policy, Resolution.NEWER_KEPT,
                            "'" + winner.entry.source() + "' is " + (newer ? "newer" : "not older") + " and is copied; '"
                                    + loser.entry.source() + "' is not copied" + sameness));
                }
                case APPEND, FAIL -> {
                    p.dropped = true;
                    conflicts.add(new PlanConflict(dest, sources, p.entry.channel(), policy, Resolution.REFUSED,
                            "two files would be written to one name" + sameness));
                    problems.add(new RoutingProblem(p.entry.source(), p.entry.channel(), "",
                            "it would be written to '" + dest + "', where '" + holder.entry.source()
                                    + "' goes too" + sameness + "; the channel's conflict policy is '" + policy.id()
                                    + "' (use version to keep both)"));
                }
                default -> throw new IllegalStateException();
            }
        }
        // A name cannot be a file for one entry and a folder for another.
        Map<String, String> files = new HashMap<>();
        for (Planned p : planned) {
            if (!p.dropped) {
                files.put(SafeNames.collisionKey(p.entry.destination()), p.entry.source());
            }
        }
        for (Planned p : planned) {
            if (p.dropped) {
                continue;
            }
            String d = SafeNames.collisionKey(p.entry.destination());
            for (int i = d.indexOf('/'); i >= 0; i = d.indexOf('/', i + 1)) {
                String other = files.get(d.substring(0, i));
                if (other != null) {
                    problems.add(new RoutingProblem(p.entry.source(), p.entry.channel(), "", "its destination '"
                            + p.entry.destination() + "' runs through '" + p.entry.destination().substring(0, i)
                            + "', which is where the file '" + other + "' goes"));
                    p.dropped = true;
                    break;
                }
            }
        }
    }

    /** {@code a/b/name (n).ext}. */
    static String versioned(String path, int n) {
        int slash = path.lastIndexOf('/');
        String folder = slash < 0 ? "" : path.substring(0, slash + 1);
        String name = path.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? folder + name + " (" + n + ")" : folder + name.substring(0, dot) + " (" + n + ")" + name.substring(dot);
    }

    static RoutePlan checkDestination(RoutePlan plan, Path destinationRoot) throws IOException {
        Path root = destinationRoot.toAbsolutePath().normalize();
        List<PlanConflict> conflicts = new ArrayList<>(plan.conflicts());
        List<RoutingProblem> problems = new ArrayList<>(plan.problems());
        Set<String> keys = new HashSet<>();
        for (PlanEntry e : plan.copies()) {
            keys.add(SafeNames.collisionKey(e.destination()));
        }
        List<PlanEntry> entries = new ArrayList<>();
        List<PlanEntry> quarantined = new ArrayList<>();
        for (PlanEntry e : plan.entries()) {
            entries.add(check(e, root, keys, conflicts, problems));
        }
        for (PlanEntry e : plan.quarantined()) {
            quarantined.add(check(e, root, keys, conflicts, problems));
        }
        return new RoutePlan(plan.template(), plan.layout(), entries, quarantined, plan.unmatched(), conflicts, problems,
                plan.warnings());
    }

    private static PlanEntry check(PlanEntry e, Path root, Set<String> keys, List<PlanConflict> conflicts,
            List<RoutingProblem> problems) throws IOException {
        Path target = resolve(root, e.destination());
        if (!target.startsWith(root)) {
            problems.add(new RoutingProblem(e.source(), e.channel(), "", "its destination leaves the destination root"));
            return e;
        }
        for (Path p = target.getParent(); p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                problems.add(new RoutingProblem(e.source(), e.channel(), "", "'" + root.relativize(p)
                        + "' exists at the destination and is not a folder"));
                return e;
            }
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return e;
        }
        List<String> sources = List.of(e.source());
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            problems.add(new RoutingProblem(e.source(), e.channel(), "", "a folder already exists at '" + e.destination() + "'"));
            conflicts.add(new PlanConflict(e.destination(), sources, e.channel(), e.conflict(), Resolution.REFUSED,
                    "a folder is in the way"));
            return e;
        }
        Instant existing = Files.getLastModifiedTime(target, LinkOption.NOFOLLOW_LINKS).toInstant();
        long existingSize = Files.size(target);
        switch (e.conflict()) {
            case VERSION -> {
                for (int n = 1; n < 10_000; n++) {
                    String candidate = versioned(e.destination(), n);
                    String key = SafeNames.collisionKey(candidate);
                    if (!keys.contains(key) && !Files.exists(resolve(root, candidate), LinkOption.NOFOLLOW_LINKS)) {
                        keys.add(key);
                        conflicts.add(new PlanConflict(e.destination(), sources, e.channel(), e.conflict(),
                                Resolution.VERSIONED, "a file is already there; the copy is written as '" + candidate + "'"));
                        return e.withDestination(candidate);
                    }
                }
                problems.add(new RoutingProblem(e.source(), e.channel(), "", "no free versioned name next to '"
                        + e.destination() + "'"));
                return e;
            }
            case REPLACE_IF_NEWER -> {
                if (e.modified().isAfter(existing)) {
                    conflicts.add(new PlanConflict(e.destination(), sources, e.channel(), e.conflict(),
                            Resolution.EXISTING_REPLACED, "the file there is older (" + existing + ") and is replaced"));
                    return e.withAction(PlanEntry.Action.REPLACE);
                }
                conflicts.add(new PlanConflict(e.destination(), sources, e.channel(), e.conflict(), Resolution.EXISTING_KEPT,
                        "the file there is not older (" + existing + ") and stays; nothing is copied"));
                return e.withAction(PlanEntry.Action.KEEP);
            }
            case APPEND -> {
                if (existingSize == e.size()) {
                    conflicts.add(new PlanConflict(e.destination(), sources, e.channel(), e.conflict(),
                            Resolution.ALREADY_PRESENT, "a file of the same size is there; it is re-verified, not copied"));
                    return e.withAction(PlanEntry.Action.KEEP);
                }
                conflicts.add(new PlanConflict(e.destination(), sources, e.channel(), e.conflict(), Resolution.REFUSED,
                        "a different file (" + existingSize + " bytes, the card's has " + e.size() + ") is there"));
                problems.add(new RoutingProblem(e.source(), e.channel(), "", "a different file is already at '"
                        + e.destination() + "' and the channel's conflict policy is 'append'"));
                return e;
            }
            case FAIL -> {
                conflicts.add(new PlanConflict(e.destination(), sources, e.channel(), e.conflict(), Resolution.REFUSED,
                        "a file is already there"));
                problems.add(new RoutingProblem(e.source(), e.channel(), "", "a file is already at '" + e.destination()
                        + "' and the channel's conflict policy is 'fail'"));
                return e;
            }
            default -> throw new IllegalStateException();
        }
    }

    private static Path resolve(Path root, String relative) {
        Path p = root;
        for (String part : relative.split("/")) {
            p = p.resolve(part);
        }
        return p.normalize();
    }
}
