/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.app.internal.parts;

import jakarta.annotation.PostConstruct;

import org.eclipse.swt.widgets.Composite;

/** The Routing pane. */
public final class RoutingPart {

    @PostConstruct
    public void create(Composite parent) {
        Composite body = Panes.frame(parent, "Routing", "Templates that split a card into channels and name every destination path.");
        Panes.table(body, "No templates yet.", "Channel", "Match", "Destination");
    }
}
