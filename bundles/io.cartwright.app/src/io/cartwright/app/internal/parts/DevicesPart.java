/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.app.internal.parts;

import jakarta.annotation.PostConstruct;

import org.eclipse.swt.widgets.Composite;

/** The Devices pane. */
public final class DevicesPart {

    @PostConstruct
    public void create(Composite parent) {
        Composite body = Panes.frame(parent, "Devices", "Cards and drives seen by this machine; unknown cards arrive as UNREGISTERED.");
        Panes.table(body, "No cards connected.", "Status", "Label", "Serial", "Vendor", "Filesystem", "Capacity");
    }
}
