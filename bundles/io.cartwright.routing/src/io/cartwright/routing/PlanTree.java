/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.jdt.annotation.Nullable;

/**
 * A plan's destinations as a folder tree, the way people read it: what the workbench's Routing pane
 * and {@code cartwright route plan --tree} show. Every file the plan copies (channel entries and
 * quarantined files) is a leaf at its destination. A folder that holds nothing but one folder is
 * joined with it into one node ({@code NIGHTJAR/20260617_DAY01/MAIN}), so deep patterns stay short.
 *
 * @param name a file name, or one or more folder names joined with '/'; empty for the root
 * @param path the full destination path below the destination root; empty for the root
 * @param entry the planned file for a file node; null for folders
 * @param children folders first, then files, each by name (ignoring case, then exactly)
 */
public record PlanTree(String name, String path, @Nullable PlanEntry entry, List<PlanTree> children) {

    private static final Comparator<String> BY_NAME = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    public PlanTree {
        children = children == null ? List.of() : List.copyOf(children);
    }

    /** The tree of everything {@code plan} copies ({@link RoutePlan#copies()}). */
    public static PlanTree of(RoutePlan plan) {
        Folder root = new Folder();
        for (PlanEntry e : plan.copies()) {
            String[] parts = e.destination().split("/");
            Folder f = root;
            for (int i = 0; i < parts.length - 1; i++) {
                f = f.folders.computeIfAbsent(parts[i], k -> new Folder());
            }
            f.files.add(e);
        }
        return build("", "", root, false);
    }

    private static final class Folder {
        final Map<String, Folder> folders = new TreeMap<>(BY_NAME);
        final List<PlanEntry> files = new ArrayList<>();
    }

    private static PlanTree build(String name, String path, Folder folder, boolean compact) {
        if (compact && folder.files.isEmpty() && folder.folders.size() == 1) {
            Map.Entry<String, Folder> only = folder.folders.entrySet().iterator().next();
            return build(name + "/" + only.getKey(), path + "/" + only.getKey(), only.getValue(), true);
        }
        List<PlanTree> children = new ArrayList<>();
        folder.folders.forEach((n, f) -> children.add(build(n, path.isEmpty() ? n : path + "/" + n, f, true)));
        folder.files.stream().sorted(Comparator.comparing(e -> fileName(e.destination()), BY_NAME))
                .forEach(e -> children.add(new PlanTree(fileName(e.destination()), e.destination(), e, List.of())));
        return new PlanTree(name, path, null, children);
    }

    private static String fileName(String destination) {
        return destination.substring(destination.lastIndexOf('/') + 1);
    }

    /** True for a planned file, false for a folder. */
    public boolean isFile() {
        return entry != null;
    }

    /** The planned files at and below this node, in tree order. */
    public List<PlanEntry> files() {
        List<PlanEntry> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(PlanTree node, List<PlanEntry> out) {
        if (node.entry != null) {
            out.add(node.entry);
        }
        node.children.forEach(c -> collect(c, out));
    }

    /** The bytes of the files at and below this node. */
    public long bytes() {
        return files().stream().mapToLong(PlanEntry::size).sum();
    }
}
