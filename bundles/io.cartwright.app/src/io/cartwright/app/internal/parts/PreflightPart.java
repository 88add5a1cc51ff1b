/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.app.internal.parts;

import jakarta.annotation.PostConstruct;

import org.eclipse.swt.widgets.Composite;

/** The Preflight pane. */
public final class PreflightPart {

    @PostConstruct
    public void create(Composite parent) {
        Composite body = Panes.frame(parent, "Preflight", "Checks that must pass before a card may be formatted.");
        Panes.table(body, "No card selected.", "Check", "Result", "Detail");
    }
}
