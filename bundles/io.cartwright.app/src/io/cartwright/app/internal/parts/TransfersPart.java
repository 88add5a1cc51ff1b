/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.app.internal.parts;

import jakarta.annotation.PostConstruct;

import org.eclipse.swt.widgets.Composite;

/** The Transfers pane. */
public final class TransfersPart {

    @PostConstruct
    public void create(Composite parent) {
        Composite body = Panes.frame(parent, "Transfers", "Offload jobs: every file read once, written to every destination, re-read and verified.");
        Panes.table(body, "No transfers yet. Run: cartwright offload SOURCE --to DEST", "Job", "State", "Files", "Bytes", "Rate", "Destinations");
    }
}
