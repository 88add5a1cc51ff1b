/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.app.internal.parts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;

import io.cartwright.device.DeviceRecord;
import io.cartwright.device.DeviceRegistry;
import io.cartwright.project.Assignment;
import io.cartwright.project.Project;
import io.cartwright.project.ProjectService;
import io.cartwright.project.UnitPath;
import io.cartwright.project.WorkUnit;
import io.cartwright.store.Store;
import io.cartwright.store.StoreManager;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The Projects pane, like a production board: each project's work units as a tree with the cards
 * currently assigned to them (role, camera, auto-offload rule) under their unit. Redrawn when the
 * database changes, whichever front door changed it.
 */
public final class ProjectsPart implements RowCount {

    private static final int REFRESH_MS = 2000;

    @Inject
    @Service
    StoreManager stores;

    @Inject
    @Service
    ProjectService projects;

    @Inject
    @Service
    DeviceRegistry devices;

    private @NonNullByDefault({}) Store store; // set in @PostConstruct
    private @NonNullByDefault({}) Tree tree; // set in @PostConstruct
    private String shown = "";
    private final Runnable refresh = this::refreshAndReschedule;

    @PostConstruct
    public void create(Composite parent) {
        store = stores.openDefault();
        Composite body = Panes.frame(parent, "Projects",
                "Projects, shoot days, units and camera roles, with the cards assigned to them.");
        tree = new Tree(body, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        tree.setHeaderVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(tree);
        for (String[] c : new String[][] {{"Project / unit / card", "170"}, {"Kind / role", "90"}, {"Auto", "70"}}) {
            TreeColumn column = new TreeColumn(tree, SWT.LEFT);
            column.setText(c[0]);
            column.setWidth(Integer.parseInt(c[1]));
        }
        refreshAndReschedule();
    }

    private void refreshAndReschedule() {
        if (tree == null || tree.isDisposed()) {
            return;
        }
        List<Row> rows = boardRows();
        String signature = rows.toString();
        if (!signature.equals(shown)) { // rebuilding keeps nothing to lose only when something changed
            shown = signature;
            tree.setRedraw(false);
            tree.removeAll();
            Map<String, TreeItem> items = new LinkedHashMap<>(); // parents before children, for expanding
            for (Row r : rows) {
                TreeItem parentItem = r.parent() == null ? null : items.get(r.parent());
                TreeItem item = parentItem == null ? new TreeItem(tree, SWT.NONE) : new TreeItem(parentItem, SWT.NONE);
                item.setText(new String[] {r.label(), r.kind(), r.auto()});
                items.put(r.key(), item);
            }
            items.values().forEach(i -> i.setExpanded(true));
            tree.setRedraw(true);
        }
        Display.getCurrent().timerExec(REFRESH_MS, refresh);
    }

    /** One line of the board; {@code parent} is the key of the line it hangs under. */
    private record Row(String key, @Nullable String parent, String label, String kind, String auto) {
    }

    private List<Row> boardRows() {
        List<Row> rows = new ArrayList<>();
        for (Project p : projects.projects(store)) {
            String projectKey = "p:" + p.name();
            rows.add(new Row(projectKey, null, p.name(), "project", auto(p.defaults().autoOffload())));
            for (WorkUnit u : projects.units(store, p.name())) {
                UnitPath parentPath = u.path().parent();
                String parentKey = parentPath.isProject() ? projectKey : "u:" + parentPath;
                rows.add(new Row("u:" + u.path(), parentKey, u.name(), u.kind().name().toLowerCase(java.util.Locale.ROOT),
                        auto(u.overrides().autoOffload())));
            }
            for (Assignment a : projects.assignments(store, p.name())) {
                if (a.endedAt() != null) {
                    continue;
                }
                String card = devices.device(store, a.deviceId()).map(ProjectsPart::cardName)
                        .orElse("card #" + a.deviceId());
                rows.add(new Row("a:" + a.id(), "u:" + a.unit(), card, a.role() + (a.camera().isEmpty() ? "" : " " + a.camera()),
                        auto(a.overrides().autoOffload())));
            }
        }
        return rows;
    }

    private static String cardName(DeviceRecord d) {
        String name = !d.name().isEmpty() ? d.name() : d.label();
        return (name.isEmpty() ? "card" : name) + " #" + d.id();
    }

    private static String auto(@Nullable Object rule) {
        return rule == null ? "" : rule.toString().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @Override
    public @Nullable Table rows() {
        return null; // a tree, counted below
    }

    @Override
    public int rowCount() {
        return rowTexts(Integer.MAX_VALUE).size();
    }

    @Override
    public List<String> rowTexts(int limit) {
        List<String> out = new ArrayList<>();
        if (tree != null && !tree.isDisposed()) {
            for (TreeItem item : tree.getItems()) {
                collect(item, "", out, limit);
            }
        }
        return out;
    }

    private static void collect(TreeItem item, String indent, List<String> out, int limit) {
        if (out.size() >= limit) {
            return;
        }
        out.add(indent + item.getText(0) + " | " + item.getText(1) + " | " + item.getText(2));
        for (TreeItem child : item.getItems()) {
            collect(child, indent + "  ", out, limit);
        }
    }

    @PreDestroy
    void dispose() {
        if (tree != null && !tree.isDisposed()) {
            tree.getDisplay().timerExec(-1, refresh);
        }
    }
}
