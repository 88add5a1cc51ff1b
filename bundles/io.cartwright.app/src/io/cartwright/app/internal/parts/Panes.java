/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.app.internal.parts;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/** The common look of a pane: a heading, one line that says what the pane is for, then content. */
final class Panes {

    private Panes() {
    }

    static Composite frame(Composite parent, String heading, String purpose) {
        GridLayoutFactory.fillDefaults().margins(10, 8).spacing(6, 6).applyTo(parent);
        Label title = new Label(parent, SWT.NONE);
        title.setText(heading);
        title.setFont(JFaceResources.getHeaderFont());
        Label text = new Label(parent, SWT.WRAP);
        text.setText(purpose);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(text);
        Composite body = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        GridLayoutFactory.fillDefaults().applyTo(body);
        return body;
    }

    /** A table with the columns the pane will fill, and a one-row hint while it is empty. */
    static Table table(Composite body, String emptyHint, String... columns) {
        if (!emptyHint.isEmpty()) {
            Label hint = new Label(body, SWT.WRAP);
            hint.setText(emptyHint);
            hint.setForeground(body.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(hint);
        }
        Table table = new Table(body, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        for (String c : columns) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(c);
            column.setWidth(Math.max(80, c.length() * 11));
        }
        return table;
    }

    /** Adds columns to {@code table}: name, width, name, width, ... */
    static void columns(Table table, Object... nameWidth) {
        for (int i = 0; i < nameWidth.length; i += 2) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText((String) nameWidth[i]);
            column.setWidth((Integer) nameWidth[i + 1]);
        }
    }

    /** Gives {@code column} the width the other columns leave, so it needs no sideways scrolling. */
    static void fillColumn(Table table, int column) {
        int initial = table.getColumn(column).getWidth();
        table.addListener(SWT.Resize, e -> {
            int others = 0;
            for (int i = 0; i < table.getColumnCount(); i++) {
                others += i == column ? 0 : table.getColumn(i).getWidth();
            }
            table.getColumn(column).setWidth(Math.max(Math.min(initial, 160), table.getClientArea().width - others));
        });
    }
}
