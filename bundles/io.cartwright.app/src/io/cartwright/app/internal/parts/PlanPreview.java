/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.app.internal.parts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;

import io.cartwright.core.ByteSizes;
import io.cartwright.project.CardPlan;
import io.cartwright.routing.PlanConflict;
import io.cartwright.routing.PlanEntry;
import io.cartwright.routing.PlanTree;
import io.cartwright.routing.RoutePlan;
import io.cartwright.routing.RoutingProblem;
import io.cartwright.routing.UnmatchedMode;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The preview side of the Routing pane: one line saying whether the offload may run, the tree of
 * destinations ({@link PlanTree}) with each file's channel and card path, and a list of what needs
 * a look (problems, quarantined and uncopied files, conflicts, files that are never copied). It
 * also keeps what it shows as lines of text for the workbench self-check. UI thread only.
 */
final class PlanPreview {

    private static final int EXPAND_ALL_LIMIT = 400;

    private final Composite control;
    private final Label status;
    private final Tree tree;
    private final Table issues;
    private final List<String> lines = new ArrayList<>();

    PlanPreview(Composite parent) {
        control = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(4, 4).applyTo(control);
        status = new Label(control, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(status);
        // Tree and list share the height in proportion, so neither disappears in a small pane.
        SashForm lists = new SashForm(control, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(lists);
        tree = new Tree(lists, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        tree.setHeaderVisible(true);
        tree.setLinesVisible(true);
        for (Object[] c : new Object[][] {{"Destination (below each destination root)", 330}, {"Channel", 95},
                {"From the card", 300}}) {
            TreeColumn column = new TreeColumn(tree, SWT.LEFT);
            column.setText((String) c[0]);
            column.setWidth((Integer) c[1]);
        }
        tree.addListener(SWT.Resize, e -> {
            int others = tree.getColumn(1).getWidth() + tree.getColumn(2).getWidth();
            tree.getColumn(0).setWidth(Math.max(240, tree.getClientArea().width - others));
        });
        issues = new Table(lists, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        issues.setHeaderVisible(true);
        issues.setLinesVisible(true);
        Panes.columns(issues, "Needs a look", 115, "File or channel", 260, "Detail", 520);
        Panes.fillColumn(issues, 2);
        lists.setWeights(70, 30);
    }

    Composite control() {
        return control;
    }

    boolean isDisposed() {
        return control.isDisposed();
    }

    /** Only a message (nothing to preview yet, or the card cannot be read). */
    void message(String text, int colour) {
        clear();
        status(text, colour);
    }

    /** Changes the status line and keeps the preview (reading a card, a template not saved). */
    void status(String text, int colour) {
        if (status.isDisposed()) {
            return;
        }
        status.setText(text);
        status.setForeground(status.getDisplay().getSystemColor(colour));
        control.layout(true);
        String line = "status | " + text;
        if (lines.isEmpty()) {
            lines.add(line);
        } else {
            lines.set(0, line);
        }
    }

    /**
     * Why there is no plan: the template cannot be used ({@code problems} without a file), or
     * another error. {@code ruleOrigin} says, for a channel, where a rule overriding it comes from.
     */
    void failure(String error, @Nullable String hint, List<RoutingProblem> problems,
            UnaryOperator<String> ruleOrigin) {
        clear();
        status(error + (hint == null || hint.isBlank() ? "" : " " + hint), SWT.COLOR_RED);
        issues.setRedraw(false);
        for (RoutingProblem p : problems) {
            issue(p.file().isEmpty() ? "Template" : "Problem", where(p), p.message() + ruleOrigin.apply(p.channel()), SWT.COLOR_RED);
        }
        if (problems.isEmpty()) {
            issue("Error", "", error, SWT.COLOR_RED);
        }
        issues.setRedraw(true);
    }

    /** A plan: the tree of destinations, then what needs a look. */
    void show(CardPlan cardPlan) {
        clear();
        RoutePlan plan = cardPlan.plan();
        status(summary(cardPlan), plan.executable() ? SWT.COLOR_DARK_GREEN : SWT.COLOR_RED);
        tree.setRedraw(false);
        issues.setRedraw(false);
        Set<String> conflicted = new HashSet<>();
        plan.conflicts().forEach(c -> conflicted.addAll(c.sources()));
        Set<String> quarantined = new HashSet<>();
        plan.quarantined().forEach(e -> quarantined.add(e.source()));
        PlanTree root = PlanTree.of(plan);
        for (PlanTree node : root.children()) {
            addNode(null, node, conflicted, quarantined);
        }
        int files = plan.copies().size();
        for (TreeItem item : tree.getItems()) {
            expand(item, files <= EXPAND_ALL_LIMIT ? Integer.MAX_VALUE : 2);
        }
        for (PlanEntry e : root.files()) {
            lines.add(e.destination() + " | " + e.channel() + " | " + e.source());
        }
        for (RoutingProblem p : plan.problems()) {
            issue("Problem", where(p), p.message(), SWT.COLOR_RED);
        }
        for (PlanEntry e : plan.quarantined()) {
            issue("Quarantined", e.source(), "no channel takes it; it goes to " + e.destination(), SWT.COLOR_DARK_YELLOW);
        }
        for (String u : plan.unmatched()) {
            // In fail mode each unmatched file is one of the problems above already.
            if (!quarantined.contains(u) && cardPlan.template().unmatched() != UnmatchedMode.FAIL) {
                issue("Unmatched", u, "no channel takes it; listed, not copied (unmatched: ignore)", SWT.COLOR_DARK_YELLOW);
            }
        }
        for (PlanConflict c : plan.conflicts()) {
            issue("Conflict", String.join(", ", c.sources()), c.policy().id() + ", "
                    + c.resolution().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + c.detail(),
                    c.resolution() == PlanConflict.Resolution.REFUSED ? SWT.COLOR_RED : SWT.COLOR_DARK_MAGENTA);
        }
        for (RoutingProblem w : plan.warnings()) {
            issue("Not copied", w.file(), w.message(), SWT.COLOR_DARK_GRAY);
        }
        tree.setRedraw(true);
        issues.setRedraw(true);
    }

    /** The status, every planned file ({@code destination | channel | card path}), then what needs a look. */
    List<String> lines() {
        return lines;
    }

    private void clear() {
        tree.removeAll();
        issues.removeAll();
        lines.clear();
    }

    private static String summary(CardPlan p) {
        RoutePlan plan = p.plan();
        long bytes = plan.copies().stream().filter(e -> e.action() != PlanEntry.Action.KEEP).mapToLong(PlanEntry::size).sum();
        int ignored = plan.unmatched().size() - plan.quarantined().size();
        String where = "Template '" + plan.template() + "' on " + p.cardName()
                + (p.layout().family().isEmpty() ? "" : " (" + p.layout().family() + ")")
                + p.unit().map(u -> ", for " + u.path()).orElse("") + ": ";
        String counts = plan.entries().size() + " files in channels, " + plan.quarantined().size() + " quarantined, "
                + ignored + " not copied, " + plan.conflicts().size() + (plan.conflicts().size() == 1 ? " conflict" : " conflicts")
                + ", " + ByteSizes.format(bytes) + " to copy.";
        return plan.executable() ? where + counts + " The offload may run."
                : where + "refused, " + plan.problems().size() + (plan.problems().size() == 1 ? " problem" : " problems")
                        + " (listed below); an offload would write nothing. " + counts;
    }

    private static String where(RoutingProblem p) {
        String w = p.file();
        if (!p.channel().isEmpty()) {
            w += (w.isEmpty() ? "" : ", ") + "channel '" + p.channel() + "'";
        }
        if (!p.token().isEmpty()) {
            w += (w.isEmpty() ? "" : ", ") + "token " + p.token();
        }
        return w;
    }

    private void addNode(@Nullable TreeItem parent, PlanTree node, Set<String> conflicted, Set<String> quarantined) {
        TreeItem item = parent == null ? new TreeItem(tree, SWT.NONE) : new TreeItem(parent, SWT.NONE);
        PlanEntry e = node.entry();
        if (e != null) {
            String action = e.action() == PlanEntry.Action.COPY ? "" : " (" + e.action().name().toLowerCase(Locale.ROOT) + ")";
            item.setText(new String[] {node.name(), e.channel() + action, e.source()});
            int colour = conflicted.contains(e.source()) ? SWT.COLOR_DARK_MAGENTA
                    : quarantined.contains(e.source()) ? SWT.COLOR_DARK_YELLOW
                    : e.action() == PlanEntry.Action.KEEP ? SWT.COLOR_DARK_GRAY : -1;
            if (colour >= 0) {
                item.setForeground(tree.getDisplay().getSystemColor(colour));
            }
            return;
        }
        List<PlanEntry> files = node.files();
        item.setText(new String[] {node.name() + "/", "", files.size() + (files.size() == 1 ? " file, " : " files, ")
                + ByteSizes.format(files.stream().mapToLong(PlanEntry::size).sum())});
        for (PlanTree child : node.children()) {
            addNode(item, child, conflicted, quarantined);
        }
    }

    private static void expand(TreeItem item, int levels) {
        if (levels <= 0 || item.getItemCount() == 0) {
            return;
        }
        item.setExpanded(true);
        for (TreeItem child : item.getItems()) {
            expand(child, levels - 1);
        }
    }

    private void issue(String what, String file, String detail, int colour) {
        TableItem item = new TableItem(issues, SWT.NONE);
        item.setText(new String[] {what, file, detail});
        item.setForeground(0, issues.getDisplay().getSystemColor(colour));
        lines.add(what + " | " + file + " | " + detail);
    }
}
