/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.app.internal.parts;

import jakarta.annotation.PostConstruct;

import org.eclipse.swt.widgets.Composite;

/** The Projects pane. */
public final class ProjectsPart {

    @PostConstruct
    public void create(Composite parent) {
        Composite body = Panes.frame(parent, "Projects", "Projects, shoot days, units and camera roles, with the cards assigned to them.");
        Panes.table(body, "No projects yet.", "Project / unit", "Role", "Cards");
    }
}
