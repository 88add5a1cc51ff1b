/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.app.internal.parts;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;

import io.cartwright.core.CartwrightException;
import io.cartwright.device.DeviceRegistry;
import io.cartwright.device.DeviceWatch;
import io.cartwright.project.CardPlan;
import io.cartwright.project.CardPlanRequest;
import io.cartwright.project.CardPlanner;
import io.cartwright.project.ProjectService;
import io.cartwright.project.UnitContext;
import io.cartwright.project.UnitPath;
import io.cartwright.routing.RoutingException;
import io.cartwright.routing.RoutingProblem;
import io.cartwright.routing.spi.CardTree;
import io.cartwright.store.Store;
import io.cartwright.store.StoreManager;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The Routing pane: edits a routing template (channels in priority order, their rules, destination
 * patterns and conflict policies, what happens to files no channel takes) and previews, live, where
 * every file of a chosen card would land. The card is a mounted one from the device registry (kept
 * current by a registry watch) or any folder; it is planned for the card's own assignment, a work
 * unit, or no project, through {@link CardPlanner}, the same service {@code cartwright route plan}
 * and {@code cartwright offload} use, so the preview is what the offload copies. Quarantined and
 * uncopied files, conflicts and every reason to refuse the plan or the template are listed under
 * the tree ({@link PlanPreview}). Save writes the template to the database (replacing the one of
 * that name). Reading the card and planning run off the UI thread; only the newest result is shown.
 * <p>
 * This class wires the pane's pieces together: the {@link TemplateBar} (which template, and
 * saving it), the {@link CardPicker} (which card, planned for what), the {@link ChannelEditor} and
 * the {@link PlanPreview}; it reads the card and plans, debounced, whenever one of them changes.
 */
public final class RoutingPart implements RowCount {

    private static final int PLAN_DELAY_MS = 200;
    private static final int REFRESH_MS = 2000;
    private static final int WIDE = 900;

    @Inject
    @Service
    StoreManager stores;

    @Inject
    @Service
    ProjectService projects;

    @Inject
    @Service
    CardPlanner planner;

    @Inject
    @Service
    DeviceRegistry registry;

    /** A plan, or why there is none. */
    private record Outcome(@Nullable CardPlan plan, @Nullable String error, @Nullable String hint,
            List<RoutingProblem> problems) {
    }

    private @NonNullByDefault({}) Store store; // set in @PostConstruct
    private @NonNullByDefault({}) Display display; // set in @PostConstruct
    private @NonNullByDefault({}) DeviceWatch watch; // set in @PostConstruct

    private @Nullable CardTree card;
    private long scanGeneration;
    private boolean scanning;

    private long planGeneration;
    private boolean planning;
    private boolean planPending;

    private final Runnable planTask = this::planNow;
    private final Runnable refresh = this::refreshAndReschedule;

    private @NonNullByDefault({}) Composite body; // set in @PostConstruct
    private @NonNullByDefault({}) TemplateBar templates; // set in @PostConstruct
    private @NonNullByDefault({}) CardPicker cards; // set in @PostConstruct
    private @NonNullByDefault({}) SashForm split; // set in @PostConstruct
    private @NonNullByDefault({}) ChannelEditor editor; // set in @PostConstruct
    private @NonNullByDefault({}) PlanPreview preview; // set in @PostConstruct
    private @NonNullByDefault({}) Button toggle; // set in @PostConstruct
    private boolean editorShown;

    @PostConstruct
    public void create(Composite parent) {
        store = stores.openDefault();
        display = parent.getDisplay();
        body = Panes.frame(parent, "Routing", "Channels in priority order (the first that takes a file wins), "
                + "previewed live against a card: where every file will land, exactly as the offload copies it. "
                + "Double-click the tab to edit beside the preview.");
        buildForm(body);
        split = new SashForm(body, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(split);
        editor = new ChannelEditor(split, this::changed);
        preview = new PlanPreview(split);
        split.setWeights(45, 55);
        body.addListener(SWT.Resize, e -> orient());

        templates.reloadNames();
        cards.reloadSources();
        if (templates.draft() == null) {
            templates.loadInitial(device(cards.source()));
        }
        // Mounts and unmounts arrive on the registry's thread; the card list is redrawn on the UI thread.
        watch = registry.watch(store, event -> async(cards::reloadSources));
        display.timerExec(REFRESH_MS, refresh);
    }

    /** The form above the editor and preview: template and name, then card and target, in one grid. */
    private void buildForm(Composite parent) {
        Composite form = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).spacing(6, 4).applyTo(form);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(form);

        templates = new TemplateBar(form, projects, store, new TemplateBar.Host() {
            @Override
            public void loaded(TemplateDraft draft) {
                editor.edit(draft);
                schedulePlan();
            }

            @Override
            public void replan() {
                schedulePlan();
            }

            @Override
            public void warn(String message) {
                preview.status(message, SWT.COLOR_RED);
            }

            @Override
            public void refused(String error, String hint, List<RoutingProblem> problems) {
                show(new Outcome(null, error, hint, problems));
            }
        });
        cards = new CardPicker(form, projects, registry, store, this::cardSelected, this::schedulePlan);
        toggle = new Button(form, SWT.PUSH);
        toggle.setText("Channels");
        toggle.setToolTipText("Switch between the channels and the preview (side by side when the pane is wide)");
        GridDataFactory.fillDefaults().applyTo(toggle);
        toggle.addListener(SWT.Selection, e -> {
            editorShown = !editorShown;
            orient();
        });
    }

    /**
     * Side by side when the pane is wide (maximised); when it is narrow, the preview or the channels
     * fill it, switched with the button next to "Plan for".
     */
    private void orient() {
        if (split.isDisposed()) {
            return;
        }
        boolean wide = body.getClientArea().width >= WIDE;
        split.setOrientation(wide ? SWT.HORIZONTAL : SWT.VERTICAL);
        Control shown = editorShown ? editor.control() : preview.control();
        split.setMaximizedControl(wide ? null : shown);
        toggle.setText(editorShown ? "Preview" : "Channels");
        toggle.setVisible(!wide);
    }

    /** The template was edited in the bar or the editor. */
    private void changed() {
        templates.modified();
        schedulePlan();
    }

    private static @Nullable Long device(CardPicker.@Nullable Source source) {
        return source == null ? null : source.device();
    }

    // ------------------------------------------------------------------ card

    /** A new card (or the same one mounted again) was selected: read it, and, if nobody chose yet, its template. */
    private void cardSelected(CardPicker.Source s) {
        scan(s);
        if (!cards.chosen() && !templates.chosen()) {
            templates.loadInitial(s.device()); // nobody chose yet: the template the card's assignment routes with
        }
    }

    /** Reads the card's tree off the UI thread (metadata only), then plans it. */
    private void scan(CardPicker.Source s) {
        card = null;
        scanning = true;
        long token = ++scanGeneration;
        preview.status("Reading " + s.root() + "...", SWT.COLOR_DARK_GRAY);
        Thread.ofVirtual().name("cartwright-routing-scan").start(() -> {
            CardTree tree = null;
            String error = null;
            try {
                tree = CardTree.scan(s.root());
            } catch (IOException | RuntimeException e) {
                error = e.getMessage();
            }
            CardTree read = tree;
            String failure = error;
            async(() -> {
                if (token != scanGeneration) {
                    return;
                }
                scanning = false;
                card = read;
                if (read == null) {
                    show(new Outcome(null, "Cannot read " + s.root() + ": " + failure, "Is the card still mounted?", List.of()));
                } else {
                    planNow();
                }
            });
        });
    }

    private void refreshAndReschedule() {
        if (preview == null || preview.isDisposed()) {
            return;
        }
        templates.reloadNames();
        templates.reloadIfSavedElsewhere();
        if (cards.refreshTargets()) {
            schedulePlan(); // an assignment, unit or project changed
        }
        display.timerExec(REFRESH_MS, refresh);
    }

    // ------------------------------------------------------------------ plan and preview

    /** Plans once the edits pause, so typing a destination does not plan every keystroke. */
    private void schedulePlan() {
        if (display.isDisposed()) {
            return;
        }
        planPending = true;
        display.timerExec(-1, planTask);
        display.timerExec(PLAN_DELAY_MS, planTask);
    }

    private void planNow() {
        planPending = false;
        if (preview == null || preview.isDisposed()) {
            return;
        }
        CardTree tree = card;
        if (tree == null) {
            if (!scanning) {
                preview.message(cards.source() == null ? "Mount a card, or choose a folder, to see where its files will land."
                        : "The card could not be read.", SWT.COLOR_DARK_GRAY);
            }
            return;
        }
        CardPlanRequest request = CardPlanRequest.on(LocalDate.now()).withTemplate(templates.draft().toTemplate());
        CardPicker.Target target = cards.target();
        if (target != null && target.device() != null) {
            request = request.withDevice(target.device());
        } else if (target != null && target.unit() != null) {
            request = request.withUnit(target.unit());
        }
        CardPlanRequest r = request;
        long token = ++planGeneration;
        planning = true;
        Thread.ofVirtual().name("cartwright-routing-plan").start(() -> {
            Outcome o;
            try {
                o = new Outcome(planner.plan(store, tree, r), null, null, List.of());
            } catch (RoutingException e) {
                o = new Outcome(null, "The template cannot be used: " + firstLine(e.getMessage()), e.hint(), e.problems());
            } catch (CartwrightException e) {
                o = new Outcome(null, e.getMessage(), e.hint(), List.of());
            } catch (RuntimeException e) {
                o = new Outcome(null, "Cannot plan: " + e, "", List.of());
            }
            Outcome outcome = o;
            async(() -> {
                if (token == planGeneration) {
                    planning = false;
                    show(outcome);
                }
            });
        });
    }

    private void show(Outcome o) {
        CardPlan plan = o.plan();
        if (plan != null) {
            preview.show(plan);
        } else {
            String error = o.error();
            preview.failure(error == null ? "Cannot plan." : error, o.hint(), o.problems(), this::ruleOrigin);
        }
    }

    /**
     * Where a channel rule of the card's assignment or unit comes from, when it overrides
     * {@code channel}: a bad destination may not be the template's at all.
     */
    private String ruleOrigin(String channel) {
        CardPicker.Target target = cards.target();
        Long device = target == null ? null : target.device();
        UnitPath unit = target == null ? null : target.unit();
        if (channel.isEmpty() || device == null && unit == null) {
            return "";
        }
        try {
            Optional<UnitContext> ctx = device != null ? projects.recognise(store, device)
                    : unit != null ? Optional.of(projects.context(store, unit)) : Optional.empty();
            return ctx.flatMap(c -> c.settings().channelRules().keySet().stream()
                    .filter(k -> k.equalsIgnoreCase(channel)).findFirst()
                    .map(k -> " (this channel's rule is set by " + c.settings().origin("channelRules." + k) + ")")).orElse("");
        } catch (RuntimeException e) {
            return ""; // the unit went away meanwhile; the problem itself is still shown
        }
    }

    /** The first line of a routing service message; the problems it lists are shown one by one. */
    static String firstLine(String message) {
        int nl = message == null ? -1 : message.indexOf('\n');
        return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
    }

    private void async(Runnable r) {
        if (!display.isDisposed()) {
            display.asyncExec(() -> {
                if (preview != null && !preview.isDisposed()) {
                    r.run();
                }
            });
        }
    }

    // ------------------------------------------------------------------ self-check

    @Override
    public @Nullable Table rows() {
        return null; // a tree and a list, reported below
    }

    /** The preview as lines: the status, every planned file (destination | channel | card path), then what needs a look. */
    @Override
    public List<String> rowTexts(int limit) {
        List<String> lines = preview == null ? List.of() : preview.lines();
        return List.copyOf(lines.subList(0, Math.min(limit, lines.size())));
    }

    @Override
    public int rowCount() {
        return preview == null ? 0 : preview.lines().size();
    }

    @Override
    public boolean busy() {
        return scanning || planning || planPending;
    }

    @PreDestroy
    void dispose() {
        if (watch != null) {
            watch.close();
        }
        if (!display.isDisposed()) {
            display.timerExec(-1, refresh);
            display.timerExec(-1, planTask);
        }
    }
}
