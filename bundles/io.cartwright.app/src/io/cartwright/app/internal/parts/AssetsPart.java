/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.app.internal.parts;

import jakarta.annotation.PostConstruct;

import org.eclipse.swt.widgets.Composite;

/** The Assets pane. */
public final class AssetsPart {

    @PostConstruct
    public void create(Composite parent) {
        Composite body = Panes.frame(parent, "Assets", "Verified clips with their metadata, thumbnails and review state.");
        Panes.table(body, "No assets yet.", "Clip", "Camera", "Codec", "Duration", "Review");
    }
}
