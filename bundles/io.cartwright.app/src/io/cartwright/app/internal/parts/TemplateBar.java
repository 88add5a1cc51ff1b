/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.app.internal.parts;

import static io.cartwright.app.internal.parts.Forms.combo;
import static io.cartwright.app.internal.parts.Forms.label;
import static io.cartwright.app.internal.parts.Forms.setText;
import static io.cartwright.app.internal.parts.Forms.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import io.cartwright.core.CartwrightException;
import io.cartwright.project.ProjectService;
import io.cartwright.routing.RoutingException;
import io.cartwright.routing.RoutingProblem;
import io.cartwright.routing.Template;
import io.cartwright.store.Store;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Which template the Routing pane edits, and saving it: the "Template" and "Name" rows of the
 * pane's form, with whether the edit is new, modified or saved. It owns the {@link TemplateDraft}
 * being edited; loading one hands it to the {@link Host}, which shows it in the editor and plans
 * it. Save writes the template to the database, replacing the one of that name. UI thread only.
 */
final class TemplateBar {

    private static final String NEW_TEMPLATE = "(new template)";

    /** What the bar needs from the pane, which owns the editor and the preview. */
    interface Host {

        /** A template was loaded, or a new one started: edit it and plan it. */
        void loaded(TemplateDraft draft);

        /** The name changed, or the template was saved: plan again. */
        void replan();

        /** Says, in the preview, why nothing was done. */
        void warn(String message);

        /** Says, in the preview, why the routing service refused to save the template. */
        void refused(String error, String hint, List<RoutingProblem> problems);
    }

    private final ProjectService projects;
    private final Store store;
    private final Host host;

    private @NonNullByDefault({}) TemplateDraft draft; // set by the first load, before any listener runs
    private @Nullable String loadedName;
    private boolean dirty;
    private boolean chosen;
    private boolean filling;
    private List<String> templateNames = List.of();

    private final Combo templateCombo;
    private final Label state;
    private final Text nameText;

    /** Adds two rows to {@code form}, a grid of three columns. */
    TemplateBar(Composite form, ProjectService projects, Store store, Host host) {
        this.projects = projects;
        this.store = store;
        this.host = host;

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
                modified();
                host.replan();
            }
        });
        Button save = new Button(form, SWT.PUSH);
        save.setText("Save");
        save.setToolTipText("Save the template to the database, replacing the saved one of this name");
        GridDataFactory.fillDefaults().applyTo(save);
        save.addListener(SWT.Selection, e -> save());
    }

    /** The template being edited, or null before the first is loaded. */
    TemplateDraft draft() {
        return draft;
    }

    /** True once someone chose or edited a template, so the card's own template no longer replaces it. */
    boolean chosen() {
        return chosen;
    }

    /** The draft was edited: it is no longer what is saved. */
    void modified() {
        dirty = true;
        chosen = true;
        showState();
    }

    void reloadNames() {
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

    /** When the loaded template is unchanged here but was saved elsewhere, shows what the database has now. */
    void reloadIfSavedElsewhere() {
        if (!dirty && loadedName != null) {
            // Saved elsewhere (templates import --replace): show what is in the database now.
            projects.template(store, loadedName).filter(t -> !t.equals(draft.toTemplate())).ifPresent(this::load);
        }
    }

    /**
     * Loads the template of {@code device}'s assignment if it has one (null: no card), else the
     * first saved one, else a new one.
     */
    void loadInitial(@Nullable Long device) {
        Optional<String> name = Optional.empty();
        if (device != null) {
            name = projects.recognise(store, device).flatMap(ctx -> ctx.settings().template());
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

    private void selectTemplate(int index) {
        if (filling || index < 0) {
            return;
        }
        if (dirty && !Forms.confirm(templateCombo.getShell(), "Discard the changes to '" + draft.name + "'?")) {
            selectLoadedInCombo();
            return;
        }
        chosen = true;
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
        loadedName = t.name();
        dirty = false;
        show(TemplateDraft.of(t));
    }

    private void loadNew() {
        String name = "new-template";
        for (int n = 2; indexIgnoringCase(templateNames, name) >= 0; n++) {
            name = "new-template-" + n;
        }
        loadedName = null;
        dirty = true;
        show(TemplateDraft.fresh(name));
    }

    private void show(TemplateDraft loaded) {
        draft = loaded;
        filling = true;
        selectLoadedInCombo();
        setText(nameText, draft.name);
        filling = false;
        showState();
        host.loaded(draft);
    }

    private void showState() {
        state.setText(loadedName == null ? "new" : dirty ? "modified" : "saved");
        state.setForeground(state.getDisplay().getSystemColor(dirty ? SWT.COLOR_DARK_YELLOW : SWT.COLOR_DARK_GREEN));
    }

    private void save() {
        Template t = draft.toTemplate();
        if (t.name().isEmpty()) {
            host.warn("The template needs a name before it can be saved.");
            return;
        }
        Optional<Template> existing = projects.template(store, t.name());
        boolean other = existing.isPresent() && (loadedName == null || !existing.get().name().equalsIgnoreCase(loadedName));
        if (other && !Forms.confirm(templateCombo.getShell(),
                "A template called '" + existing.get().name() + "' exists already. Replace it with this one?")) {
            return;
        }
        try {
            Template saved = projects.saveTemplate(store, t, existing.isPresent(), actor());
            loadedName = saved.name();
            dirty = false;
            templateNames = List.of(); // reload the list, with the new name selected
            reloadNames();
            showState();
            host.replan();
        } catch (RoutingException e) {
            host.refused("Not saved: " + RoutingPart.firstLine(e.getMessage()), e.hint(), e.problems());
        } catch (CartwrightException e) {
            host.refused("Not saved: " + e.getMessage(), e.hint(), List.of());
        }
    }

    private static String actor() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "gui" : user;
    }
}
