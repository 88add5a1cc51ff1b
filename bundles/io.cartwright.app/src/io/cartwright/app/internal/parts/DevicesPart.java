/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.app.internal.parts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

import io.cartwright.core.ByteSizes;
import io.cartwright.device.DeviceDetails;
import io.cartwright.device.DeviceRecord;
import io.cartwright.device.DeviceRegistry;
import io.cartwright.device.DeviceState;
import io.cartwright.device.DeviceWatch;
import io.cartwright.device.HistoryEntry;
import io.cartwright.store.Store;
import io.cartwright.store.StoreManager;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The Devices pane: every card and drive the registry knows, live. A registry watch stays open
 * while the workbench runs, so mounts and unmounts are recorded (with their mount generations) and
 * the list redraws as they happen; selecting a device shows its lifetime history.
 */
public final class DevicesPart implements RowCount {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @Inject
    @Service
    StoreManager stores;

    @Inject
    @Service
    DeviceRegistry registry;

    private @NonNullByDefault({}) Store store; // set in @PostConstruct
    private @NonNullByDefault({}) Table devices; // set in @PostConstruct
    private @NonNullByDefault({}) Table history; // set in @PostConstruct
    private @NonNullByDefault({}) DeviceWatch watch; // set in @PostConstruct
    private long selected = -1;

    @PostConstruct
    public void create(Composite parent) {
        store = stores.openDefault();
        Composite body = Panes.frame(parent, "Devices",
                "Cards and drives seen by this machine; unknown cards arrive as UNREGISTERED.");
        SashForm split = new SashForm(body, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(split);
        devices = Panes.table(holder(split), "", "Status", "Label", "Name", "Serial", "Vendor", "Filesystem", "Capacity",
                "Role", "Mounted at");
        history = Panes.table(holder(split), "", "When", "What", "Gen", "Detail");
        split.setWeights(60, 40);
        devices.addListener(SWT.Selection, e -> {
            TableItem[] sel = devices.getSelection();
            selected = sel.length == 0 ? -1 : (Long) sel[0].getData();
            showHistory();
        });
        reload();
        Display display = parent.getDisplay();
        // Events arrive on the registry's thread; the table is redrawn on the UI thread.
        watch = registry.watch(store, event -> display.asyncExec(this::reload));
    }

    private static Composite holder(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        org.eclipse.jface.layout.GridLayoutFactory.fillDefaults().applyTo(c);
        return c;
    }

    private void reload() {
        if (devices == null || devices.isDisposed()) {
            return;
        }
        List<DeviceRecord> list = registry.list(store, false);
        devices.setRedraw(false);
        devices.removeAll();
        for (DeviceRecord d : list) {
            TableItem item = new TableItem(devices, SWT.NONE);
            item.setData(d.id());
            item.setText(new String[] {d.state().name(), nz(d.label()), nz(d.name()), nz(d.serial()),
                    (nz(d.vendor()) + " " + nz(d.model())).strip(), nz(d.fsType()), ByteSizes.format(d.capacity()),
                    d.role().name().toLowerCase(Locale.ROOT), String.valueOf(Objects.requireNonNullElse(d.mountPoint(), ""))});
            item.setForeground(0, devices.getDisplay().getSystemColor(colour(d.state())));
            if (d.id() == selected) {
                devices.setSelection(item);
            }
        }
        devices.setRedraw(true);
        showHistory();
    }

    private static int colour(DeviceState state) {
        return switch (state) {
            case LIVE -> SWT.COLOR_DARK_GREEN;
            case UNREGISTERED -> SWT.COLOR_DARK_YELLOW;
            case OFFLINE -> SWT.COLOR_DARK_GRAY;
            default -> SWT.COLOR_DARK_BLUE;
        };
    }

    private void showHistory() {
        history.removeAll();
        if (selected < 0) {
            return;
        }
        registry.show(store, Long.toString(selected)).map(DeviceDetails::history).orElse(List.of())
                .forEach(this::addHistory);
    }

    private void addHistory(HistoryEntry h) {
        new TableItem(history, SWT.NONE).setText(new String[] {TIME.format(h.at()), h.kind(),
                h.mountGeneration() > 0 ? Long.toString(h.mountGeneration()) : "", h.detail()});
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public @Nullable Table rows() {
        return devices;
    }

    @PreDestroy
    void dispose() {
        if (watch != null) {
            watch.close();
        }
    }
}
