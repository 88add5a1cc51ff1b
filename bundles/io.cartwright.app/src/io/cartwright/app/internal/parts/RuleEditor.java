/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.app.internal.parts;

import static io.cartwright.app.internal.parts.Forms.button;
import static io.cartwright.app.internal.parts.Forms.row;
import static io.cartwright.app.internal.parts.Forms.setText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import io.cartwright.routing.Matcher;
import io.cartwright.routing.MatcherKind;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The rules of the selected channel in the Routing pane: a table of what the channel takes and
 * excludes, a row to edit the selected rule, and buttons to add and remove rules. It fills two
 * columns of the channel's group. A rule edit changes the channel, so the {@link ChannelEditor}
 * that owns this one redraws the channel's row, or all channels when rules come or go. UI thread only.
 */
final class RuleEditor {

    private final Runnable refillChannels;
    private final Runnable redrawChannel;
    private final Runnable changed;

    private @NonNullByDefault({}) TemplateDraft draft; // set by the first load, before any listener runs
    private int channel = -1;
    private int selectedRule = -1;
    private boolean filling;

    private final Table ruleTable;
    private final Combo ruleRole;
    private final Combo ruleKind;
    private final Text ruleValue;
    private final Combo ruleOn;
    private final Button ruleCase;

    /**
     * @param refillChannels redraws every channel (and, through {@link #show}, these rules)
     * @param redrawChannel redraws the row of the channel whose rules changed
     * @param changed tells that the template changed
     */
    RuleEditor(Composite group, Runnable refillChannels, Runnable redrawChannel, Runnable changed) {
        this.refillChannels = refillChannels;
        this.redrawChannel = redrawChannel;
        this.changed = changed;

        ruleTable = new Table(group, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL);
        ruleTable.setHeaderVisible(true);
        ruleTable.setLinesVisible(true);
        Panes.columns(ruleTable, "Rule", 70, "Kind", 90, "Value", 170, "On", 50, "Case", 70);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(200, 100).applyTo(ruleTable);
        Panes.fillColumn(ruleTable, 2);
        ruleTable.addListener(SWT.Selection, e -> {
            selectedRule = ruleTable.getSelectionIndex();
            fillRule();
        });
        Composite ruleRow = row(group, 5);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(ruleRow);
        ruleRole = new Combo(ruleRow, SWT.READ_ONLY | SWT.DROP_DOWN);
        ruleRole.setItems("takes", "excludes");
        ruleKind = new Combo(ruleRow, SWT.READ_ONLY | SWT.DROP_DOWN);
        ruleKind.setItems(Arrays.stream(MatcherKind.values()).map(MatcherKind::id).toArray(String[]::new));
        ruleValue = new Text(ruleRow, SWT.BORDER | SWT.SINGLE);
        GridDataFactory.fillDefaults().grab(true, false).hint(80, SWT.DEFAULT).applyTo(ruleValue);
        ruleOn = new Combo(ruleRow, SWT.READ_ONLY | SWT.DROP_DOWN);
        ruleOn.setItems("name", "path");
        ruleCase = new Button(ruleRow, SWT.CHECK);
        ruleCase.setText("match case");
        for (Combo c : List.of(ruleRole, ruleKind, ruleOn)) {
            c.addListener(SWT.Selection, e -> editRule());
        }
        ruleValue.addListener(SWT.Modify, e -> editRule());
        ruleCase.addListener(SWT.Selection, e -> editRule());
        Composite ruleBar = row(group, 3);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(ruleBar);
        button(ruleBar, "Add rule", "Take files this rule matches (any rule is enough)", () -> addRule(false));
        button(ruleBar, "Add exclusion", "Keep files this rule matches out of the channel", () -> addRule(true));
        button(ruleBar, "Remove rule", "Remove the selected rule", this::removeRule);
    }

    /** Forgets the selected rule, so the next {@link #show} selects the channel's first. */
    void clearSelection() {
        selectedRule = -1;
    }

    /** Shows the rules of {@code channelIndex} of {@code template} (-1: no channel is selected). */
    void show(TemplateDraft template, int channelIndex) {
        draft = template;
        channel = channelIndex;
        filling = true;
        ruleTable.removeAll();
        if (hasChannel()) {
            List<TemplateDraft.Rule> rules = draft.rules(channel);
            for (TemplateDraft.Rule r : rules) {
                new TableItem(ruleTable, SWT.NONE).setText(cells(r));
            }
            if (selectedRule < 0 && !rules.isEmpty()) {
                selectedRule = 0;
            }
            if (selectedRule >= rules.size()) {
                selectedRule = rules.size() - 1;
            }
            if (selectedRule >= 0) {
                ruleTable.setSelection(selectedRule);
            }
        } else {
            selectedRule = -1;
        }
        filling = false;
        fillRule();
    }

    private boolean hasChannel() {
        return draft != null && channel >= 0 && channel < draft.channels.size();
    }

    private static String[] cells(TemplateDraft.Rule r) {
        Matcher m = r.matcher();
        return new String[] {r.exclude() ? "excludes" : "takes", m.kind().id(), m.value(), m.on().id(),
                m.ignoreCase() ? "any case" : "exact"};
    }

    private void fillRule() {
        filling = true;
        List<TemplateDraft.Rule> rules = hasChannel() ? draft.rules(channel) : List.of();
        boolean has = selectedRule >= 0 && selectedRule < rules.size();
        for (Control c : List.of(ruleRole, ruleKind, ruleValue, ruleOn, ruleCase)) {
            c.setEnabled(has);
        }
        if (has) {
            TemplateDraft.Rule r = rules.get(selectedRule);
            ruleRole.select(r.exclude() ? 1 : 0);
            ruleKind.select(r.matcher().kind().ordinal());
            setText(ruleValue, r.matcher().value());
            ruleOn.select(r.matcher().on() == Matcher.Scope.PATH ? 1 : 0);
            ruleCase.setSelection(!r.matcher().ignoreCase());
        } else {
            setText(ruleValue, "");
        }
        filling = false;
    }

    private void editRule() {
        if (filling || channel < 0 || selectedRule < 0) {
            return;
        }
        List<TemplateDraft.Rule> rules = new ArrayList<>(draft.rules(channel));
        if (selectedRule >= rules.size()) {
            return;
        }
        MatcherKind kind = MatcherKind.values()[Math.max(0, ruleKind.getSelectionIndex())];
        TemplateDraft.Rule rule = new TemplateDraft.Rule(ruleRole.getSelectionIndex() == 1, new Matcher(kind,
                ruleValue.getText(), ruleOn.getSelectionIndex() == 1 ? Matcher.Scope.PATH : Matcher.Scope.NAME,
                !ruleCase.getSelection()));
        boolean moved = rule.exclude() != rules.get(selectedRule).exclude();
        rules.set(selectedRule, rule);
        draft.setRules(channel, rules);
        if (moved) {
            selectedRule = draft.rules(channel).indexOf(rule); // takes first, then exclusions
            show(draft, channel);
        } else {
            ruleTable.getItem(selectedRule).setText(cells(rule));
        }
        redrawChannel.run();
        changed.run();
    }

    private void addRule(boolean exclude) {
        if (!hasChannel()) {
            return;
        }
        List<TemplateDraft.Rule> rules = new ArrayList<>(draft.rules(channel));
        TemplateDraft.Rule rule = new TemplateDraft.Rule(exclude, Matcher.extension(""));
        rules.add(rule);
        draft.setRules(channel, rules);
        selectedRule = exclude ? rules.size() - 1 : draft.channels.get(channel).match().size() - 1;
        refillChannels.run();
        ruleValue.setFocus();
        changed.run();
    }

    private void removeRule() {
        if (channel >= 0 && selectedRule >= 0) {
            List<TemplateDraft.Rule> rules = new ArrayList<>(draft.rules(channel));
            if (selectedRule < rules.size()) {
                rules.remove(selectedRule);
                draft.setRules(channel, rules);
                selectedRule = Math.min(selectedRule, rules.size() - 1);
                refillChannels.run();
                changed.run();
            }
        }
    }
}
