/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.app.internal.parts;

import static io.cartwright.app.internal.parts.Forms.button;
import static io.cartwright.app.internal.parts.Forms.combo;
import static io.cartwright.app.internal.parts.Forms.label;
import static io.cartwright.app.internal.parts.Forms.row;
import static io.cartwright.app.internal.parts.Forms.setText;
import static io.cartwright.app.internal.parts.Forms.text;

import java.util.List;
import java.util.function.UnaryOperator;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import io.cartwright.routing.Channel;
import io.cartwright.routing.ChannelConflictPolicy;
import io.cartwright.routing.UnmatchedMode;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The editing side of the Routing pane, in a scrolled pane: the template's channels in priority
 * order (add, remove, move), the selected channel's name, destination, conflict policy and rules
 * ({@link RuleEditor}), and what happens to files no channel takes. It edits the
 * {@link TemplateDraft} it is given in place and reports each change, so the pane can mark the
 * template modified and plan it again. UI thread only.
 */
final class ChannelEditor {

    private static final List<ChannelConflictPolicy> POLICIES = List.of(ChannelConflictPolicy.FAIL,
            ChannelConflictPolicy.APPEND, ChannelConflictPolicy.VERSION, ChannelConflictPolicy.REPLACE_IF_NEWER);
    private static final List<UnmatchedMode> MODES = List.of(UnmatchedMode.QUARANTINE, UnmatchedMode.IGNORE,
            UnmatchedMode.FAIL);
    private static final String TOKENS = "Tokens: {project} {date} {date:yyyyMMdd} {day} {unit} {wu} {cam} {role} {card} "
            + "{device} {reel} {clip} {name} {stem} {ext} {path} {dir} {relpath} {reldir}, and the template's own.";

    private final Runnable changed;

    private @NonNullByDefault({}) TemplateDraft draft; // set by the first load, before any listener runs
    private int selectedChannel = -1;
    private boolean filling;

    private final ScrolledComposite scroll;
    private final Table channelTable;
    private final Group channelGroup;
    private final Text channelName;
    private final Text destination;
    private final Combo conflict;
    private final RuleEditor rules;
    private final Combo unmatched;
    private final Text quarantine;

    /** @param changed tells that the template changed (not called while the editor fills itself) */
    ChannelEditor(Composite parent, Runnable changed) {
        this.changed = changed;
        scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        Composite editor = new Composite(scroll, SWT.NONE);
        scroll.setContent(editor);
        GridLayoutFactory.fillDefaults().margins(0, 0).spacing(4, 4).applyTo(editor);

        Label heading = new Label(editor, SWT.NONE);
        heading.setText("Channels (the first that takes a file wins)");
        channelTable = new Table(editor, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        channelTable.setHeaderVisible(true);
        channelTable.setLinesVisible(true);
        Panes.columns(channelTable, "#", 28, "Channel", 90, "Takes", 150, "Destination", 330, "Conflict", 100);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, 112).applyTo(channelTable);
        Panes.fillColumn(channelTable, 3);
        channelTable.addListener(SWT.Selection, e -> selectChannel(channelTable.getSelectionIndex()));

        Composite bar = row(editor, 4);
        button(bar, "Add", "Add a channel below the selected one", this::addChannel);
        button(bar, "Remove", "Remove the selected channel", this::removeChannel);
        button(bar, "Up", "Give the selected channel a higher priority", () -> move(-1));
        button(bar, "Down", "Give the selected channel a lower priority", () -> move(1));

        channelGroup = new Group(editor, SWT.NONE);
        channelGroup.setText("Selected channel");
        GridLayoutFactory.swtDefaults().numColumns(2).margins(6, 4).spacing(6, 4).applyTo(channelGroup);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(channelGroup);
        label(channelGroup, "Name");
        channelName = text(channelGroup);
        channelName.addListener(SWT.Modify, e -> editChannel(
                c -> new Channel(channelName.getText(), c.match(), c.exclude(), c.destination(), c.conflict())));
        label(channelGroup, "Destination");
        destination = text(channelGroup);
        destination.setToolTipText(TOKENS);
        destination.addListener(SWT.Modify, e -> editChannel(c -> c.withDestination(destination.getText())));
        label(channelGroup, "On conflict");
        conflict = combo(channelGroup);
        conflict.setItems(POLICIES.stream().map(ChannelConflictPolicy::id).toArray(String[]::new));
        conflict.addListener(SWT.Selection, e -> editChannel(c -> c.withConflict(POLICIES.get(conflict.getSelectionIndex()))));
        rules = new RuleEditor(channelGroup, this::fillChannels, this::redrawSelectedRow, changed);

        Group rest = new Group(editor, SWT.NONE);
        rest.setText("Files no channel takes");
        GridLayoutFactory.swtDefaults().numColumns(2).margins(6, 4).spacing(6, 4).applyTo(rest);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(rest);
        label(rest, "Unmatched");
        unmatched = combo(rest);
        unmatched.setItems(MODES.stream().map(UnmatchedMode::id).toArray(String[]::new));
        unmatched.setToolTipText("quarantine: copied to the quarantine folder; ignore: listed, not copied; fail: the plan is refused");
        unmatched.addListener(SWT.Selection, e -> {
            if (!filling) {
                draft.unmatched = MODES.get(unmatched.getSelectionIndex());
                changed.run();
            }
        });
        label(rest, "Quarantine to");
        quarantine = text(rest);
        quarantine.setToolTipText(TOKENS);
        quarantine.addListener(SWT.Modify, e -> {
            if (!filling) {
                draft.quarantine = draft.quarantine.withDestination(quarantine.getText());
                changed.run();
            }
        });

        scroll.addListener(SWT.Resize, e -> {
            Point size = editor.computeSize(SWT.DEFAULT, SWT.DEFAULT);
            scroll.setMinSize(Math.min(size.x, 340), size.y);
        });
    }

    /** The scrolled pane, for the part to place beside or instead of the preview. */
    Control control() {
        return scroll;
    }

    /** Shows {@code template} for editing, its first channel selected. */
    void edit(TemplateDraft template) {
        draft = template;
        selectedChannel = draft.channels.isEmpty() ? -1 : 0;
        rules.clearSelection();
        filling = true;
        unmatched.select(MODES.indexOf(draft.unmatched));
        setText(quarantine, draft.quarantine.destination());
        filling = false;
        fillChannels();
    }

    private void fillChannels() {
        filling = true;
        channelTable.setRedraw(false);
        channelTable.removeAll();
        for (int i = 0; i < draft.channels.size(); i++) {
            new TableItem(channelTable, SWT.NONE).setText(channelRow(i));
        }
        if (selectedChannel >= 0 && selectedChannel < draft.channels.size()) {
            channelTable.setSelection(selectedChannel);
        }
        channelTable.setRedraw(true);
        filling = false;
        fillChannel();
    }

    private String[] channelRow(int i) {
        Channel c = draft.channels.get(i);
        return new String[] {Integer.toString(i + 1), c.name(), TemplateDraft.describe(c), c.destination(), c.conflict().id()};
    }

    private void redrawSelectedRow() {
        channelTable.getItem(selectedChannel).setText(channelRow(selectedChannel));
    }

    private void fillChannel() {
        boolean has = selectedChannel >= 0 && selectedChannel < draft.channels.size();
        filling = true;
        for (Control c : channelGroup.getChildren()) {
            Forms.setEnabledDeep(c, has);
        }
        if (has) {
            Channel c = draft.channels.get(selectedChannel);
            setText(channelName, c.name());
            setText(destination, c.destination());
            conflict.select(POLICIES.indexOf(c.conflict()));
        } else {
            setText(channelName, "");
            setText(destination, "");
            conflict.deselectAll();
        }
        filling = false;
        rules.show(draft, selectedChannel);
    }

    private void selectChannel(int index) {
        selectedChannel = index;
        rules.clearSelection();
        fillChannel();
    }

    private void addChannel() {
        selectedChannel = draft.add(selectedChannel);
        rules.clearSelection();
        fillChannels();
        changed.run();
    }

    private void removeChannel() {
        if (selectedChannel >= 0 && selectedChannel < draft.channels.size()) {
            draft.channels.remove(selectedChannel);
            selectedChannel = Math.min(selectedChannel, draft.channels.size() - 1);
            rules.clearSelection();
            fillChannels();
            changed.run();
        }
    }

    private void move(int delta) {
        if (selectedChannel >= 0) {
            int to = draft.move(selectedChannel, delta);
            if (to != selectedChannel) {
                selectedChannel = to;
                fillChannels();
                changed.run();
            }
        }
    }

    /** Replaces the selected channel with {@code edit} of it, and redraws its row. */
    private void editChannel(UnaryOperator<Channel> edit) {
        if (filling || selectedChannel < 0 || selectedChannel >= draft.channels.size()) {
            return;
        }
        draft.channels.set(selectedChannel, edit.apply(draft.channels.get(selectedChannel)));
        redrawSelectedRow();
        changed.run();
    }
}
