/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.app.internal.parts;

import static io.cartwright.app.internal.parts.Forms.combo;
import static io.cartwright.app.internal.parts.Forms.label;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;

import io.cartwright.device.DeviceRecord;
import io.cartwright.device.DeviceRegistry;
import io.cartwright.device.VolumeRole;
import io.cartwright.project.Assignment;
import io.cartwright.project.Project;
import io.cartwright.project.ProjectService;
import io.cartwright.project.UnitPath;
import io.cartwright.project.WorkUnit;
import io.cartwright.store.Store;

import org.eclipse.jdt.annotation.Nullable;

/**
 * What the Routing pane previews: the "Card" and "Plan for" rows of its form. The card is a mounted
 * one from the device registry or a folder chosen by hand; until someone chooses, it follows the
 * newest mounted card, preferring an assigned one. It is planned for the card's own assignment, a
 * project or work unit, or no project. Reading the card is the pane's job: a newly selected card is
 * handed to it. UI thread only.
 */
final class CardPicker {

    /** A card to preview: a mounted device (with the mount it was read from), or a folder. */
    record Source(String label, Path root, @Nullable Long device, long mountGeneration) {
    }

    /** What the card is planned for: its own assignment, a work unit, or nothing. */
    record Target(String label, @Nullable Long device, @Nullable UnitPath unit) {
    }

    private final ProjectService projects;
    private final DeviceRegistry registry;
    private final Store store;
    private final Consumer<Source> selected;
    private final Runnable targetChosen;

    private final List<Source> sources = new ArrayList<>();
    private @Nullable Source source;
    private boolean sourceChosen;
    private final List<Target> targets = new ArrayList<>();
    private @Nullable Target target;

    private final Combo sourceCombo;
    private final Combo targetCombo;

    /**
     * Adds the "Card" row and the first two cells of the "Plan for" row to {@code form}, a grid of
     * three columns; the pane puts its own button in the third.
     *
     * @param selected reads and plans a card that was newly selected, or mounted again
     * @param targetChosen plans again for the target chosen by hand
     */
    CardPicker(Composite form, ProjectService projects, DeviceRegistry registry, Store store, Consumer<Source> selected,
            Runnable targetChosen) {
        this.projects = projects;
        this.registry = registry;
        this.store = store;
        this.selected = selected;
        this.targetChosen = targetChosen;

        label(form, "Card");
        sourceCombo = combo(form);
        sourceCombo.addListener(SWT.Selection, e -> {
            int i = sourceCombo.getSelectionIndex();
            if (i >= 0 && i < sources.size()) {
                sourceChosen = true;
                select(sources.get(i));
            }
        });
        Button folder = new Button(form, SWT.PUSH);
        folder.setText("Folder...");
        folder.setToolTipText("Preview against a folder instead of a mounted card");
        GridDataFactory.fillDefaults().applyTo(folder);
        folder.addListener(SWT.Selection, e -> chooseFolder());

        label(form, "Plan for");
        targetCombo = combo(form);
        targetCombo.addListener(SWT.Selection, e -> {
            int i = targetCombo.getSelectionIndex();
            if (i >= 0 && i < targets.size()) {
                target = targets.get(i);
                targetChosen.run();
            }
        });
    }

    /** The card previewed, or null before there is one. */
    @Nullable
    Source source() {
        return source;
    }

    /** What the card is planned for, or null before there is a card. */
    @Nullable
    Target target() {
        return target;
    }

    /** True once someone chose a card or folder by hand; until then the newest mounted card is followed. */
    boolean chosen() {
        return sourceChosen;
    }

    /** Lists the mounted cards again (after a mount or unmount), and follows the newest if nobody chose. */
    void reloadSources() {
        if (sourceCombo.isDisposed()) {
            return;
        }
        List<DeviceRecord> mounted = registry.list(store, false).stream()
                .filter(d -> d.mountPoint() != null && d.role() != VolumeRole.SYSTEM && d.role() != VolumeRole.BACKUP)
                .sorted(Comparator.comparing(DeviceRecord::lastSeen).reversed()).toList();
        List<Source> list = new ArrayList<>();
        for (DeviceRecord d : mounted) {
            Path at = d.mountPoint();
            if (at != null) { // filtered above; unmounted in between
                list.add(new Source(sourceLabel(d), at, d.id(), d.mountGeneration()));
            }
        }
        for (Source s : sources) {
            if (s.device() == null) {
                list.add(s); // folders chosen by hand stay
            }
        }
        Source current = source;
        if (current != null && current.device() != null && list.stream().noneMatch(s -> Objects.equals(s.device(), current.device()))) {
            // The card went away: keep previewing what was read from it, and say so.
            list.add(new Source(current.label().endsWith(" (not mounted)") ? current.label() : current.label() + " (not mounted)",
                    current.root(), current.device(), current.mountGeneration()));
        }
        sources.clear();
        sources.addAll(list);
        sourceCombo.setItems(list.stream().map(Source::label).toArray(String[]::new));

        Source next = current;
        if (!sourceChosen) {
            Optional<Source> first = mounted.stream().filter(d -> projects.currentAssignment(store, d.id()).isPresent())
                    .findFirst().or(() -> mounted.stream().findFirst())
                    .flatMap(d -> list.stream().filter(s -> Objects.equals(s.device(), d.id())).findFirst());
            next = first.isPresent() ? first.get() : current;
        } else if (current != null && current.device() != null) {
            next = list.stream().filter(s -> Objects.equals(s.device(), current.device())).findFirst().orElse(current);
        }
        if (next != null && (current == null || !next.root().equals(current.root())
                || next.mountGeneration() != current.mountGeneration() || !Objects.equals(next.device(), current.device()))) {
            select(next); // a new card, or the same card mounted again: read it again
        } else {
            source = next;
            selectSourceInCombo();
            reloadTargets();
        }
    }

    /**
     * Lists the assignment, projects and units again (they change elsewhere too).
     *
     * @return whether the list or the chosen target changed, so the plan is stale
     */
    boolean refreshTargets() {
        List<Target> before = List.copyOf(targets);
        Target chosenBefore = target;
        reloadTargets();
        return !before.equals(targets) || !Objects.equals(chosenBefore, target);
    }

    private String sourceLabel(DeviceRecord d) {
        String name = !d.name().isEmpty() ? d.name() : !d.label().isEmpty() ? d.label() : "card";
        String assigned = projects.currentAssignment(store, d.id()).map(a -> ", " + a.unit() + " " + a.role()).orElse("");
        return name + "  #" + d.id() + assigned + "  (" + d.mountPoint() + ")";
    }

    private void selectSourceInCombo() {
        Source source = this.source;
        int i = source == null ? -1 : sources.indexOf(source);
        if (i < 0 && source != null) {
            for (int k = 0; k < sources.size(); k++) {
                if (sources.get(k).root().equals(source.root())) {
                    i = k;
                }
            }
        }
        if (i >= 0) {
            sourceCombo.select(i);
        }
    }

    private void chooseFolder() {
        DirectoryDialog dialog = new DirectoryDialog(sourceCombo.getShell());
        dialog.setText("Preview against a folder");
        dialog.setMessage("Choose a card's folder (or a copy of one) to plan.");
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        Path root = Path.of(chosen);
        Source s = new Source(root.getFileName() == null ? chosen : root.getFileName() + "  (" + root + ")", root, null, 0);
        sources.removeIf(x -> x.device() == null && x.root().equals(root));
        sources.add(s);
        sourceCombo.setItems(sources.stream().map(Source::label).toArray(String[]::new));
        sourceChosen = true;
        select(s);
    }

    private void select(Source s) {
        source = s;
        selectSourceInCombo();
        reloadTargets();
        selected.accept(s);
    }

    private void reloadTargets() {
        List<Target> list = new ArrayList<>();
        Source source = this.source;
        Long device = source == null ? null : source.device();
        if (device != null) {
            long id = device;
            Optional<Assignment> a = projects.currentAssignment(store, id);
            a.ifPresent(x -> list.add(new Target("its assignment: " + x.unit() + " (" + x.role() + ")", id, null)));
        }
        list.add(new Target("no project (card tokens only)", null, null));
        for (Project p : projects.projects(store)) {
            list.add(new Target(p.name(), null, UnitPath.of(p.name())));
            for (WorkUnit u : projects.units(store, p.name())) {
                list.add(new Target(u.path().toString(), null, u.path()));
            }
        }
        boolean same = list.equals(targets);
        targets.clear();
        targets.addAll(list);
        if (!same) {
            targetCombo.setItems(list.stream().map(Target::label).toArray(String[]::new));
        }
        Target chosen = target;
        if (chosen == null || !list.contains(chosen)
                || !Objects.equals(chosen.device(), device) && chosen.device() != null) {
            chosen = list.get(0);
            target = chosen;
        }
        targetCombo.select(list.indexOf(chosen));
    }
}
