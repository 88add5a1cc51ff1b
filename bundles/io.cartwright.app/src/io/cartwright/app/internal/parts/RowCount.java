/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.app.internal.parts;

import org.eclipse.jdt.annotation.Nullable;

/** A pane that lists rows; the workbench self-check reports what it shows. */
public interface RowCount {

    /** The main table of the pane, or null for a pane without one. */
    org.eclipse.swt.widgets.@Nullable Table rows();

    default int rowCount() {
        org.eclipse.swt.widgets.Table t = rows();
        return t == null || t.isDisposed() ? 0 : t.getItemCount();
    }

    /** True while the pane is still reading or computing what it shows; the self-check waits for it. */
    default boolean busy() {
        return false;
    }

    /** Each row's cells joined with " | ", at most {@code limit} rows. */
    default java.util.List<String> rowTexts(int limit) {
        org.eclipse.swt.widgets.Table t = rows();
        java.util.List<String> out = new java.util.ArrayList<>();
        if (t == null || t.isDisposed()) {
            return out;
        }
        for (int i = 0; i < Math.min(limit, t.getItemCount()); i++) {
            StringBuilder row = new StringBuilder();
            for (int c = 0; c < t.getColumnCount(); c++) {
                row.append(c == 0 ? "" : " | ").append(t.getItem(i).getText(c));
            }
            out.add(row.toString());
        }
        return out;
    }
}
