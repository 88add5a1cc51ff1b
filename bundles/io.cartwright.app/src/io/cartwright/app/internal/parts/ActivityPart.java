/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.app.internal.parts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

import io.cartwright.store.Activity;
import io.cartwright.store.ActivityLog;
import io.cartwright.store.Store;
import io.cartwright.store.StoreManager;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/** The Activity pane: the newest rows of the database's append-only activity log. */
public final class ActivityPart implements RowCount {

    private static final int ROWS = 500;
    private static final int REFRESH_MS = 2000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @Inject
    @Service
    StoreManager stores;

    private @NonNullByDefault({}) Table table; // set in @PostConstruct
    private @NonNullByDefault({}) Store store; // set in @PostConstruct
    private long shownNewest = -1;
    private final Runnable refresh = this::refreshAndReschedule;

    @PostConstruct
    public void create(Composite parent) {
        store = stores.openDefault();
        Composite body = Panes.frame(parent, "Activity",
                "Everything that happened, newest first: " + store.file());
        table = Panes.table(body, "", "When", "Who", "Subject", "Action", "Detail");
        table.getColumn(0).setWidth(150);
        table.getColumn(2).setWidth(160);
        table.getColumn(3).setWidth(140);
        table.getColumn(4).setWidth(420);
        refreshAndReschedule();
    }

    private void refreshAndReschedule() {
        if (table == null || table.isDisposed()) {
            return;
        }
        List<Activity> rows = ActivityLog.recent(store, ROWS);
        long newest = rows.isEmpty() ? 0 : rows.get(0).at().toEpochMilli() + rows.size();
        if (newest != shownNewest) {
            shownNewest = newest;
            table.setRedraw(false);
            table.removeAll();
            for (Activity a : rows) {
                TableItem item = new TableItem(table, SWT.NONE);
                item.setText(new String[] {TIME.format(a.at()), a.actor(), a.subjectKind() + " " + a.subjectId(),
                        a.action(), a.detail()});
            }
            table.setRedraw(true);
        }
        Display.getCurrent().timerExec(REFRESH_MS, refresh);
    }

    @Override
    public @Nullable Table rows() {
        return table;
    }

    @PreDestroy
    void dispose() {
        if (table != null && !table.isDisposed()) {
            table.getDisplay().timerExec(-1, refresh);
        }
    }
}
