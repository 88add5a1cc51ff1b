/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.app.internal.parts;

import static io.cartwright.app.internal.parts.Forms.combo;
import static io.cartwright.app.internal.parts.Forms.label;
import static io.cartwright.app.internal.parts.Forms.setText;
import static io.cartwright.app.internal.parts.Forms.text;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
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
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;

import io.cartwright.core.CartwrightException;
import io.cartwright.device.DeviceRecord;
import io.cartwright.device.DeviceRegistry;
import io.cartwright.device.DeviceWatch;
import io.cartwright.device.VolumeRole;
import io.cartwright.project.Assignment;
import io.cartwright.project.CardPlan;
import io.cartwright.project.CardPlanRequest;
import io.cartwright.project.CardPlanner;
import io.cartwright.project.Project;
import io.cartwright.project.ProjectService;
import io.cartwright.project.UnitContext;
import io.cartwright.project.UnitPath;
import io.cartwright.project.WorkUnit;
import io.cartwright.routing.RoutingException;
import io.cartwright.routing.RoutingProblem;
import io.cartwright.routing.Template;
import io.cartwright.routing.spi.CardTree;
import io.cartwright.store.Store;
import io.cartwright.store.StoreManager;

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
 */
public final class RoutingPart implements RowCount {

    private static final int PLAN_DELAY_MS = 200;
    private static final int REFRESH_MS = 2000;
    private static final int WIDE = 900;
    private static final String NEW_TEMPLATE = "(new template)";
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

    /** A card to preview: a mounted device, or a folder. */
    private record Source(String label, Path root, Long device, long mountGeneration) {
    }

    /** What the card is planned for: its own assignment, a work unit, or nothing. */
    private record Target(String label, Long device, UnitPath unit) {
    }

    /** A plan, or why there is none. */
    private record Outcome(CardPlan plan, String error, String hint, List<RoutingProblem> problems) {
    }

    private Store store;
    private Display display;
    private DeviceWatch watch;

    private TemplateDraft draft;
    private String loadedName;
    private boolean dirty;
    private boolean templateChosen;
    private boolean filling;
    private List<String> templateNames = List.of();

    private final List<Source> sources = new ArrayList<>();
    private Source source;
    private boolean sourceChosen;
    private CardTree card;
    private long scanGeneration;
    private boolean scanning;

    private final List<Target> targets = new ArrayList<>();
    private Target target;

    private long planGeneration;
    private boolean planning;
    private boolean planPending;

    private final Runnable planTask = this::planNow;
    private final Runnable refresh = this::refreshAndReschedule;

    private Composite body;
    private Combo templateCombo;
    private Label state;
    private Text nameText;
    private Button save;
    private Combo sourceCombo;
    private Combo targetCombo;
    private SashForm split;
    private Button toggle;
    private boolean editorShown;
    private ChannelEditor editor;
    private PlanPreview preview;

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

        reloadTemplateNames();
        reloadSources();
        if (draft == null) {
            loadInitialTemplate();
        }
        // Mounts and unmounts arrive on the registry's thread; the card list is redrawn on the UI thread.
        watch = registry.watch(store, event -> async(this::reloadSources));
        display.timerExec(REFRESH_MS, refresh);
    }

    // ------------------------------------------------------------------ widgets

    private void buildForm(Composite parent) {
        Composite form = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).spacing(6, 4).applyTo(form);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(form);

        label(form, "Template");
        templateCombo = combo(form);
        templateCombo.addListener(SWT.Selection, e -> selectTemplate(templateCombo.getSelectionIndex()));
        state = new Label(form, SWT.NONE);
        GridDataFactory.fillDefaults().hint(70, SWT.DEFAULT).applyTo(state);

        label(form, "Name");
        nameText = text(form);
        nameText.addListener(SWT.Modify, e -> {
            if (!filling) {
                draft.name = nameText.getText();
                changed();
            }
        });
        save = new Button(form, SWT.PUSH);
        save.setText("Save");
        save.setToolTipText("Save the template to the database, replacing the saved one of this name");
        GridDataFactory.fillDefaults().applyTo(save);
        save.addListener(SWT.Selection, e -> save());

        label(form, "Card");
        sourceCombo = combo(form);
        sourceCombo.addListener(SWT.Selection, e -> {
            int i = sourceCombo.getSelectionIndex();
            if (i >= 0 && i < sources.size()) {
                sourceChosen = true;
                selectSource(sources.get(i));
            }
        });
        Button folder = new Button(form, SWT.PUSH);
        folder.setText("Folder...");
        folder.setToolTipText("Preview against a folder instead of a mounted card");
        GridDataFactory.fillDefaults().applyTo(folder);
        folder.addListener(SWT.Selection, e -> chooseFolder());

        label(form, "Plan for");
        targetCombo = combo(form);
        targetCombo.addListener(SWT.Selection, e -> {
            int i = targetCombo.getSelectionIndex();
            if (i >= 0 && i < targets.size()) {
                target = targets.get(i);
                schedulePlan();
            }
        });
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
        split.setMaximizedControl(wide ? null : editorShown ? editor.control() : preview.control());
        toggle.setText(editorShown ? "Preview" : "Channels");
        toggle.setVisible(!wide);
    }

    // ------------------------------------------------------------------ template

    private void reloadTemplateNames() {
        List<String> names = projects.templates(store).stream().map(Template::name).toList();
        if (names.equals(templateNames) && templateCombo.getItemCount() > 0) {
            return;
        }
        templateNames = names;
        List<String> items = new ArrayList<>(names);
        items.add(NEW_TEMPLATE);
        filling = true;
        templateCombo.setItems(items.toArray(String[]::new));
        selectLoadedInCombo();
        filling = false;
    }

    private void selectLoadedInCombo() {
        int index = loadedName == null ? -1 : indexIgnoringCase(templateNames, loadedName);
        templateCombo.select(index >= 0 ? index : templateNames.size());
    }

    private static int indexIgnoringCase(List<String> names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The selected card's template if it is assigned and has one, else the first saved one, else a new one. */
    private void loadInitialTemplate() {
        Optional<String> name = Optional.empty();
        if (source != null && source.device() != null) {
            name = projects.recognise(store, source.device()).flatMap(ctx -> ctx.settings().template());
        }
        Optional<Template> t = name.flatMap(n -> projects.template(store, n));
        if (t.isEmpty() && !templateNames.isEmpty()) {
            t = projects.template(store, templateNames.get(0));
        }
        if (t.isPresent()) {
            load(t.get());
        } else {
            loadNew();
        }
    }

    private void selectTemplate(int index) {
        if (filling || index < 0) {
            return;
        }
        if (dirty && !Forms.confirm(body.getShell(), "Discard the changes to '" + draft.name + "'?")) {
            selectLoadedInCombo();
            return;
        }
        templateChosen = true;
        if (index < templateNames.size()) {
            Optional<Template> t = projects.template(store, templateNames.get(index));
            if (t.isPresent()) {
                load(t.get());
                return;
            }
        }
        loadNew();
    }

    private void load(Template t) {
        draft = TemplateDraft.of(t);
        loadedName = t.name();
        dirty = false;
        fillAll();
        schedulePlan();
    }

    private void loadNew() {
        String name = "new-template";
        for (int n = 2; indexIgnoringCase(templateNames, name) >= 0; n++) {
            name = "new-template-" + n;
        }
        draft = TemplateDraft.fresh(name);
        loadedName = null;
        dirty = true;
        fillAll();
        schedulePlan();
    }

    private void fillAll() {
        filling = true;
        selectLoadedInCombo();
        setText(nameText, draft.name);
        filling = false;
        editor.edit(draft);
        showState();
    }

    private void changed() {
        if (filling) {
            return;
        }
        dirty = true;
        templateChosen = true;
        showState();
        schedulePlan();
    }

    private void showState() {
        state.setText(loadedName == null ? "new" : dirty ? "modified" : "saved");
        state.setForeground(display.getSystemColor(dirty ? SWT.COLOR_DARK_YELLOW : SWT.COLOR_DARK_GREEN));
    }

    private void save() {
        Template t = draft.toTemplate();
        if (t.name().isEmpty()) {
            preview.status("The template needs a name before it can be saved.", SWT.COLOR_RED);
            return;
        }
        Optional<Template> existing = projects.template(store, t.name());
        boolean other = existing.isPresent() && (loadedName == null || !existing.get().name().equalsIgnoreCase(loadedName));
        if (other && !Forms.confirm(body.getShell(),
                "A template called '" + existing.get().name() + "' exists already. Replace it with this one?")) {
            return;
        }
        try {
            Template saved = projects.saveTemplate(store, t, existing.isPresent(), actor());
            loadedName = saved.name();
            dirty = false;
            templateNames = List.of(); // reload the list, with the new name selected
            reloadTemplateNames();
            showState();
            schedulePlan();
        } catch (RoutingException e) {
            show(new Outcome(null, "Not saved: " + firstLine(e.getMessage()), e.hint(), e.problems()));
        } catch (CartwrightException e) {
            show(new Outcome(null, "Not saved: " + e.getMessage(), e.hint(), List.of()));
        }
    }

    private static String actor() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "gui" : user;
    }

    // ------------------------------------------------------------------ card and unit

    private void reloadSources() {
        if (sourceCombo == null || sourceCombo.isDisposed()) {
            return;
        }
        List<DeviceRecord> mounted = registry.list(store, false).stream()
                .filter(d -> d.mountPoint() != null && d.role() != VolumeRole.SYSTEM && d.role() != VolumeRole.BACKUP)
                .sorted(Comparator.comparing(DeviceRecord::lastSeen).reversed()).toList();
        List<Source> list = new ArrayList<>();
        for (DeviceRecord d : mounted) {
            list.add(new Source(sourceLabel(d), d.mountPoint(), d.id(), d.mountGeneration()));
        }
        for (Source s : sources) {
            if (s.device() == null) {
                list.add(s); // folders chosen by hand stay
            }
        }
        Source current = source;
        if (current != null && current.device() != null && list.stream().noneMatch(s -> Objects.equals(s.device(), current.device()))) {
            // The card went away: keep previewing what was read from it, and say so.
            list.add(new Source(current.label().endsWith(" (not mounted)") ? current.label() : current.label() + " (not mounted)",
                    current.root(), current.device(), current.mountGeneration()));
        }
        sources.clear();
        sources.addAll(list);
        sourceCombo.setItems(list.stream().map(Source::label).toArray(String[]::new));

        Source next = current;
        if (!sourceChosen) {
            next = mounted.stream().filter(d -> projects.currentAssignment(store, d.id()).isPresent()).findFirst()
                    .or(() -> mounted.stream().findFirst())
                    .flatMap(d -> list.stream().filter(s -> Objects.equals(s.device(), d.id())).findFirst()).orElse(current);
        } else if (current != null && current.device() != null) {
            next = list.stream().filter(s -> Objects.equals(s.device(), current.device())).findFirst().orElse(current);
        }
        if (next != null && (current == null || !next.root().equals(current.root())
                || next.mountGeneration() != current.mountGeneration() || !Objects.equals(next.device(), current.device()))) {
            selectSource(next); // a new card, or the same card mounted again: read it again
            if (!sourceChosen && !templateChosen) {
                loadInitialTemplate(); // nobody chose yet: the template the card's assignment routes with
            }
        } else {
            source = next;
            selectSourceInCombo();
            reloadTargets();
        }
    }

    private String sourceLabel(DeviceRecord d) {
        String name = !d.name().isEmpty() ? d.name() : !d.label().isEmpty() ? d.label() : "card";
        String assigned = projects.currentAssignment(store, d.id()).map(a -> ", " + a.unit() + " " + a.role()).orElse("");
        return name + "  #" + d.id() + assigned + "  (" + d.mountPoint() + ")";
    }

    private void selectSourceInCombo() {
        int i = source == null ? -1 : sources.indexOf(source);
        if (i < 0 && source != null) {
            for (int k = 0; k < sources.size(); k++) {
                if (sources.get(k).root().equals(source.root())) {
                    i = k;
                }
            }
        }
        if (i >= 0) {
            sourceCombo.select(i);
        }
    }

    private void chooseFolder() {
        DirectoryDialog dialog = new DirectoryDialog(body.getShell());
        dialog.setText("Preview against a folder");
        dialog.setMessage("Choose a card's folder (or a copy of one) to plan.");
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        Path root = Path.of(chosen);
        Source s = new Source(root.getFileName() == null ? chosen : root.getFileName() + "  (" + root + ")", root, null, 0);
        sources.removeIf(x -> x.device() == null && x.root().equals(root));
        sources.add(s);
        sourceCombo.setItems(sources.stream().map(Source::label).toArray(String[]::new));
        sourceChosen = true;
        selectSource(s);
    }

    /** Reads the card's tree off the UI thread (metadata only), then plans it. */
    private void selectSource(Source s) {
        source = s;
        selectSourceInCombo();
        reloadTargets();
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

    private void reloadTargets() {
        List<Target> list = new ArrayList<>();
        if (source != null && source.device() != null) {
            long id = source.device();
            Optional<Assignment> a = projects.currentAssignment(store, id);
            a.ifPresent(x -> list.add(new Target("its assignment: " + x.unit() + " (" + x.role() + ")", id, null)));
        }
        list.add(new Target("no project (card tokens only)", null, null));
        for (Project p : projects.projects(store)) {
            list.add(new Target(p.name(), null, UnitPath.of(p.name())));
            for (WorkUnit u : projects.units(store, p.name())) {
                list.add(new Target(u.path().toString(), null, u.path()));
            }
        }
        boolean same = list.equals(targets);
        targets.clear();
        targets.addAll(list);
        if (!same) {
            targetCombo.setItems(list.stream().map(Target::label).toArray(String[]::new));
        }
        if (target == null || !list.contains(target) || !Objects.equals(target.device(), source == null ? null : source.device())
                && target.device() != null) {
            target = list.get(0);
        }
        targetCombo.select(list.indexOf(target));
    }

    private void refreshAndReschedule() {
        if (preview == null || preview.isDisposed()) {
            return;
        }
        reloadTemplateNames();
        if (!dirty && loadedName != null) {
            // Saved elsewhere (templates import --replace): show what is in the database now.
            projects.template(store, loadedName).filter(t -> !t.equals(draft.toTemplate())).ifPresent(this::load);
        }
        List<Target> before = List.copyOf(targets);
        Target chosen = target;
        reloadTargets();
        if (!before.equals(targets) || !Objects.equals(chosen, target)) {
            schedulePlan(); // an assignment, unit or project changed
        }
        display.timerExec(REFRESH_MS, refresh);
    }

    // ------------------------------------------------------------------ plan and preview

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
        if (card == null) {
            if (!scanning) {
                preview.message(source == null ? "Mount a card, or choose a folder, to see where its files will land."
                        : "The card could not be read.", SWT.COLOR_DARK_GRAY);
            }
            return;
        }
        CardPlanRequest request = CardPlanRequest.on(LocalDate.now()).withTemplate(draft.toTemplate());
        if (target != null && target.device() != null) {
            request = request.withDevice(target.device());
        } else if (target != null && target.unit() != null) {
            request = request.withUnit(target.unit());
        }
        CardPlanRequest r = request;
        CardTree tree = card;
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
        if (o.plan() != null) {
            preview.show(o.plan());
        } else {
            preview.failure(o.error(), o.hint(), o.problems(), this::ruleOrigin);
        }
    }

    /**
     * Where a channel rule of the card's assignment or unit comes from, when it overrides
     * {@code channel}: a bad destination may not be the template's at all.
     */
    private String ruleOrigin(String channel) {
        if (channel.isEmpty() || target == null || target.device() == null && target.unit() == null) {
            return "";
        }
        try {
            Optional<UnitContext> ctx = target.device() != null ? projects.recognise(store, target.device())
                    : Optional.of(projects.context(store, target.unit()));
            return ctx.flatMap(c -> c.settings().effective().channelRules().keySet().stream()
                    .filter(k -> k.equalsIgnoreCase(channel)).findFirst()
                    .map(k -> " (this channel's rule is set by " + c.settings().origin("channelRules." + k) + ")")).orElse("");
        } catch (RuntimeException e) {
            return ""; // the unit went away meanwhile; the problem itself is still shown
        }
    }

    private static String firstLine(String message) {
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
    public Table rows() {
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
