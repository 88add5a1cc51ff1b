/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.project;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.osgi.annotation.versioning.ProviderType;

import io.cartwright.routing.Template;
import io.cartwright.store.Store;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Projects, work units, templates and device assignments in a Cartwright database. Every change is
 * one transaction with its activity row. Bad input (unknown project, unsafe name, unknown template,
 * a duplicate) fails with a {@link io.cartwright.core.CartwrightException} of exit code
 * {@link io.cartwright.core.ExitCode#USAGE} and a hint. Thread-safe; a DS service.
 */
@ProviderType
public interface ProjectService {

    Project createProject(Store store, String name, String description, Settings defaults, String actor);

    List<Project> projects(Store store);

    Optional<Project> project(Store store, String name);

    /** Changes a project's defaults: {@code change} gets the current ones and returns the new ones. */
    Project updateProject(Store store, String name, UnaryOperator<Settings> change, String actor);

    /** Adds a work unit; its parent (the project or a unit) must exist. */
    WorkUnit addUnit(Store store, UnitPath path, UnitKind kind, Settings overrides, String actor);

    /** The project's work units in tree order (depth first, siblings in creation order). */
    List<WorkUnit> units(Store store, String project);

    Optional<WorkUnit> unit(Store store, UnitPath path);

    /** Changes a unit's overrides: {@code change} gets the current ones and returns the new ones. */
    WorkUnit updateUnit(Store store, UnitPath path, UnaryOperator<Settings> change, String actor);

    /**
     * Puts a device into a work unit. A current assignment elsewhere (or with another role or other
     * overrides) is closed and kept in the history; an identical one is left as it is.
     */
    Assignment assign(Store store, AssignRequest request);

    /** Closes the device's current assignment, keeping it in the history. */
    Optional<Assignment> release(Store store, long deviceId, String actor, @Nullable String reason);

    Optional<Assignment> currentAssignment(Store store, long deviceId);

    /** Every assignment the device ever had, oldest first; the last may be current. */
    List<Assignment> history(Store store, long deviceId);

    /** The current assignments in a project, by unit path then device. */
    List<Assignment> assignments(Store store, String project);

    /** The context of a work unit (or of the project itself), without an assignment. */
    UnitContext context(Store store, UnitPath path);

    /**
     * The context a mounted device brings: its current assignment, unit chain and resolved settings.
     * Empty when the device is not assigned.
     */
    Optional<UnitContext> recognise(Store store, long deviceId);

    /**
     * Saves a template after validating it. An existing template of that name is replaced only when
     * {@code replace} is true (work units that use it keep using it).
     */
    Template saveTemplate(Store store, Template template, boolean replace, String actor);

    Optional<Template> template(Store store, String name);

    /** All templates, by name. */
    List<Template> templates(Store store);

    /**
     * The template to route with in {@code context}: {@code overrideName} if given, else the resolved
     * template, else the default layout; with the context's channel rules and tokens applied and
     * validated.
     */
    Template effectiveTemplate(Store store, UnitContext context, @Nullable String overrideName);
}
