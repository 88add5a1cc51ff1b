/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.app.internal.parts;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * The widgets the Routing pane's forms are made of, so its editors share one look: a label, a
 * read-only combo and a text that fill their grid cell, a row of buttons. UI thread only.
 */
final class Forms {

    private Forms() {
    }

    static void label(Composite parent, String text) {
        Label l = new Label(parent, SWT.NONE);
        l.setText(text);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).applyTo(l);
    }

    static Combo combo(Composite parent) {
        Combo c = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        GridDataFactory.fillDefaults().grab(true, false).hint(120, SWT.DEFAULT).applyTo(c);
        c.setVisibleItemCount(20);
        return c;
    }

    static Text text(Composite parent) {
        Text t = new Text(parent, SWT.BORDER | SWT.SINGLE);
        GridDataFactory.fillDefaults().grab(true, false).hint(120, SWT.DEFAULT).applyTo(t);
        return t;
    }

    static Composite row(Composite parent, int columns) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(columns).spacing(4, 4).applyTo(c);
        return c;
    }

    static void button(Composite parent, String text, String tip, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tip);
        b.addListener(SWT.Selection, e -> action.run());
    }

    static void setText(Text t, String value) {
        if (!t.getText().equals(value)) {
            t.setText(value); // only when different, so typing keeps its caret
        }
    }

    static void setEnabledDeep(Control c, boolean enabled) {
        c.setEnabled(enabled);
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                setEnabledDeep(child, enabled);
            }
        }
    }

    /** Asks a yes/no question in a dialog titled "Routing"; true for yes. */
    static boolean confirm(Shell shell, String question) {
        MessageBox box = new MessageBox(shell, SWT.ICON_QUESTION | SWT.YES | SWT.NO);
        box.setText("Routing");
        box.setMessage(question);
        return box.open() == SWT.YES;
    }
}
