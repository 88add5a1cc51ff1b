/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.project.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.cartwright.core.CartwrightException;
import io.cartwright.core.ExitCode;
import io.cartwright.device.DeviceHistory;
import io.cartwright.project.AssignRequest;
import io.cartwright.project.Assignment;
import io.cartwright.project.ChannelRule;
import io.cartwright.project.Project;
import io.cartwright.project.ProjectService;
import io.cartwright.project.ResolvedSettings;
import io.cartwright.project.Settings;
import io.cartwright.project.UnitContext;
import io.cartwright.project.UnitKind;
import io.cartwright.project.UnitPath;
import io.cartwright.project.WorkUnit;
import io.cartwright.routing.RoutingService;
import io.cartwright.routing.SafeNames;
import io.cartwright.routing.Template;
import io.cartwright.store.Activity;
import io.cartwright.store.ActivityLog;
import io.cartwright.store.Store;

import org.eclipse.jdt.annotation.Nullable;

/** The project service over the V004 tables. Stateless apart from its collaborators; thread-safe. */
@Component(service = ProjectService.class)
public final class ProjectServiceImpl implements ProjectService {

    private static final int MAX_NAME = 100;

    private final RoutingService routing;
    private final Clock clock;

    @Activate
    public ProjectServiceImpl(@Reference RoutingService routing) {
        this(routing, Clock.systemUTC());
    }

    public ProjectServiceImpl(RoutingService routing, Clock clock) {
        this.routing = Objects.requireNonNull(routing);
        this.clock = Objects.requireNonNull(clock);
    }

    // ---------------------------------------------------------------- projects

    @Override
    public Project createProject(Store store, String name, String description, Settings defaults, String actor) {
        checkName("project", name);
        Settings s = SettingsColumns.normalise(defaults == null ? Settings.INHERIT : defaults);
        return store.write(c -> {
            if (projectRow(c, name).isPresent()) {
                throw usage("A project called '" + name + "' exists already.", "Choose another name, or use the existing project.");
            }
            String now = now();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO project(name, description, " + SettingsColumns.COLUMNS
                    + ", created_at, updated_at) VALUES (?, ?, " + SettingsColumns.PLACEHOLDERS + ", ?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, description == null ? "" : description);
                SettingsColumns.bind(c, ps, 3, s);
                ps.setString(11, now);
                ps.setString(12, now);
                ps.executeUpdate();
            }
            Project p = projectRow(c, name).orElseThrow();
            ActivityLog.append(c, new Activity(Instant.parse(now), actor, "project", Long.toString(p.id()), "project.created", name));
            return p;
        });
    }

    @Override
    public List<Project> projects(Store store) {
        return store.read(c -> {
            List<Project> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(projectSelect("") + " ORDER BY p.name COLLATE NOCASE");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(project(rs));
                }
            }
            return out;
        });
    }

    @Override
    public Optional<Project> project(Store store, String name) {
        return store.read(c -> projectRow(c, name));
    }

    @Override
    public Project updateProject(Store store, String name, UnaryOperator<Settings> change, String actor) {
        return store.write(c -> {
            Project p = projectRow(c, name).orElseThrow(() -> noProject(name));
            Settings s = SettingsColumns.normalise(change.apply(p.defaults()));
            String now = now();
            try (PreparedStatement ps = c.prepareStatement("UPDATE project SET " + SettingsColumns.ASSIGNMENTS
                    + ", updated_at = ? WHERE id = ?")) {
                SettingsColumns.bind(c, ps, 1, s);
                ps.setString(9, now);
                ps.setLong(10, p.id());
                ps.executeUpdate();
            }
            ActivityLog.append(c, new Activity(Instant.parse(now), actor, "project", Long.toString(p.id()), "project.settings",
                    describe(s)));
            return projectRow(c, name).orElseThrow();
        });
    }

    // ---------------------------------------------------------------- work units

    @Override
    public WorkUnit addUnit(Store store, UnitPath path, UnitKind kind, Settings overrides, String actor) {
        if (path.isProject()) {
            throw usage("'" + path + "' names the project, not a work unit.", "Write PROJECT/UNIT, such as NIGHTJAR/DAY01.");
        }
        checkName("work unit", path.name());
        Objects.requireNonNull(kind, "kind");
        Settings s = SettingsColumns.normalise(overrides == null ? Settings.INHERIT : overrides);
        return store.write(c -> {
            Project p = projectRow(c, path.project()).orElseThrow(() -> noProject(path.project()));
            long parent = 0;
            if (!path.parent().isProject()) {
                parent = findUnit(c, p, path.parent()).map(UnitRow::id).orElseThrow(() -> usage("The work unit '" + path.parent()
                        + "' does not exist, so '" + path.name() + "' cannot be added under it.",
                        "Add the parent first (cartwright units add " + path.parent() + " --kind ...)."));
            }
            if (child(c, p.id(), parent, path.name()).isPresent()) {
                throw usage("The work unit '" + path + "' exists already.", "Choose another name.");
            }
            int position;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT coalesce(max(position), -1) + 1 FROM work_unit WHERE project = ? AND parent IS ?")) {
                ps.setLong(1, p.id());
                setParent(ps, 2, parent);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    position = rs.getInt(1);
                }
            }
            String now = now();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO work_unit(project, parent, name, kind, position, "
                    + SettingsColumns.COLUMNS + ", created_at, updated_at) VALUES (?, ?, ?, ?, ?, " + SettingsColumns.PLACEHOLDERS
                    + ", ?, ?)")) {
                ps.setLong(1, p.id());
                setParent(ps, 2, parent);
                ps.setString(3, path.name());
                ps.setString(4, kind.id());
                ps.setInt(5, position);
                SettingsColumns.bind(c, ps, 6, s);
                ps.setString(14, now);
                ps.setString(15, now);
                ps.executeUpdate();
            }
            UnitRow row = child(c, p.id(), parent, path.name()).orElseThrow();
            ActivityLog.append(c, new Activity(Instant.parse(now), actor, "work_unit", Long.toString(row.id()), "unit.added",
                    path + " (" + kind.id() + ")"));
            return toUnit(row, path, path.units().size());
        });
    }

    @Override
    public List<WorkUnit> units(Store store, String project) {
        return store.read(c -> {
            Project p = projectRow(c, project).orElseThrow(() -> noProject(project));
            Map<Long, List<UnitRow>> children = new HashMap<>();
            for (UnitRow r : rows(c, "WHERE w.project = ?", p.id())) {
                children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r);
            }
            List<WorkUnit> out = new ArrayList<>();
            walk(children, 0, UnitPath.of(p.name()), out);
            return out;
        });
    }

    private static void walk(Map<Long, List<UnitRow>> children, long parent, UnitPath at, List<WorkUnit> out) {
        List<UnitRow> list = new ArrayList<>(children.getOrDefault(parent, List.of()));
        list.sort(Comparator.comparingInt(UnitRow::position));
        for (UnitRow r : list) {
            UnitPath path = at.child(r.name());
            out.add(toUnit(r, path, path.units().size()));
            walk(children, r.id(), path, out);
        }
    }

    @Override
    public Optional<WorkUnit> unit(Store store, UnitPath path) {
        return store.read(c -> {
            Optional<Project> p = projectRow(c, path.project());
            if (p.isEmpty() || path.isProject()) {
                return Optional.empty();
            }
            Optional<UnitRow> r = findUnit(c, p.get(), path);
            return r.isEmpty() ? Optional.<WorkUnit>empty()
                    : Optional.of(toUnit(r.get(), canonical(c, p.get(), r.get()), path.units().size()));
        });
    }

    @Override
    public WorkUnit updateUnit(Store store, UnitPath path, UnaryOperator<Settings> change, String actor) {
        return store.write(c -> {
            Project p = projectRow(c, path.project()).orElseThrow(() -> noProject(path.project()));
            UnitRow r = findUnit(c, p, path).orElseThrow(() -> noUnit(path));
            Settings s = SettingsColumns.normalise(change.apply(r.overrides()));
            String now = now();
            try (PreparedStatement ps = c.prepareStatement("UPDATE work_unit SET " + SettingsColumns.ASSIGNMENTS
                    + ", updated_at = ? WHERE id = ?")) {
                SettingsColumns.bind(c, ps, 1, s);
                ps.setString(9, now);
                ps.setLong(10, r.id());
                ps.executeUpdate();
            }
            ActivityLog.append(c, new Activity(Instant.parse(now), actor, "work_unit", Long.toString(r.id()), "unit.settings",
                    path + ": " + describe(s)));
            UnitRow updated = findUnit(c, p, path).orElseThrow();
            return toUnit(updated, canonical(c, p, updated), path.units().size());
        });
    }

    // ---------------------------------------------------------------- assignments

    @Override
    public Assignment assign(Store store, AssignRequest request) {
        checkName("role", request.role());
        if (!request.camera().isEmpty()) {
            checkName("camera", request.camera());
        }
        if (request.operator().isBlank() || request.operator().length() > MAX_NAME) {
            throw usage("The operator name must be 1 to " + MAX_NAME + " characters.", "Give --operator NAME.");
        }
        if (request.unit().isProject()) {
            throw usage("Assign a device to a work unit, not to the project itself ('" + request.unit() + "').",
                    "Write PROJECT/UNIT/..., such as NIGHTJAR/DAY01/MAIN.");
        }
        Settings s = SettingsColumns.normalise(request.overrides());
        return store.write(c -> {
            Project p = projectRow(c, request.unit().project()).orElseThrow(() -> noProject(request.unit().project()));
            UnitRow unit = findUnit(c, p, request.unit()).orElseThrow(() -> noUnit(request.unit()));
            UnitPath path = canonical(c, p, unit);
            Optional<Assignment> current = assignmentWhere(c, "a.device_id = ? AND a.ended_at IS NULL", request.deviceId())
                    .stream().findFirst();
            if (current.isPresent()) {
                Assignment a = current.get();
                if (a.unitId() == unit.id() && a.role().equals(request.role()) && a.camera().equals(request.camera())
                        && a.overrides().equals(s)) {
                    return a; // already so: nothing to record
                }
            }
            String now = now();
            String detail = path + " as " + request.role();
            if (current.isPresent()) {
                Assignment a = current.get();
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE assignment SET ended_at = ?, ended_by = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL")) {
                    ps.setString(1, now);
                    ps.setString(2, request.operator());
                    ps.setString(3, "reassigned to " + detail);
                    ps.setLong(4, a.id());
                    ps.executeUpdate();
                }
                detail += " (was " + a.unit() + " as " + a.role() + ")";
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO assignment(device_id, project, work_unit, role, camera, "
                    + "operator, assigned_at, " + SettingsColumns.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, "
                    + SettingsColumns.PLACEHOLDERS + ")")) {
                ps.setLong(1, request.deviceId());
                ps.setLong(2, p.id());
                ps.setLong(3, unit.id());
                ps.setString(4, request.role());
                ps.setString(5, request.camera());
                ps.setString(6, request.operator());
                ps.setString(7, now);
                SettingsColumns.bind(c, ps, 8, s);
                ps.executeUpdate();
            }
            // A registered card keeps the assignment in its lifetime history (which writes the activity row).
            String kind = current.isPresent() ? "device.reassigned" : "device.assigned";
            if (!DeviceHistory.appendIfKnown(c, request.deviceId(), kind, detail, request.operator())) {
                ActivityLog.append(c, new Activity(Instant.parse(now), request.operator(), "device",
                        Long.toString(request.deviceId()), kind, detail));
            }
            return assignmentWhere(c, "a.device_id = ? AND a.ended_at IS NULL", request.deviceId()).get(0);
        });
    }

    @Override
    public Optional<Assignment> release(Store store, long deviceId, String actor, @Nullable String reason) {
        return store.write(c -> {
            Optional<Assignment> current = assignmentWhere(c, "a.device_id = ? AND a.ended_at IS NULL", deviceId).stream()
                    .findFirst();
            if (current.isEmpty()) {
                return Optional.empty();
            }
            String now = now();
            String why = reason == null || reason.isBlank() ? "released" : reason;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE assignment SET ended_at = ?, ended_by = ?, end_reason = ? WHERE id = ?")) {
                ps.setString(1, now);
                ps.setString(2, actor);
                ps.setString(3, why);
                ps.setLong(4, current.get().id());
                ps.executeUpdate();
            }
            String detail = current.get().unit() + " as " + current.get().role() + ": " + why;
            if (!DeviceHistory.appendIfKnown(c, deviceId, "device.released", detail, actor)) {
                ActivityLog.append(c, new Activity(Instant.parse(now), actor, "device", Long.toString(deviceId),
                        "device.released", detail));
            }
            return assignmentWhere(c, "a.id = ?", current.get().id()).stream().findFirst();
        });
    }

    @Override
    public Optional<Assignment> currentAssignment(Store store, long deviceId) {
        return store.read(c -> assignmentWhere(c, "a.device_id = ? AND a.ended_at IS NULL", deviceId).stream().findFirst());
    }

    @Override
    public List<Assignment> history(Store store, long deviceId) {
        return store.read(c -> assignmentWhere(c, "a.device_id = ?", deviceId));
    }

    @Override
    public List<Assignment> assignments(Store store, String project) {
        return store.read(c -> {
            Project p = projectRow(c, project).orElseThrow(() -> noProject(project));
            List<Assignment> list = new ArrayList<>(assignmentWhere(c, "a.project = ? AND a.ended_at IS NULL", p.id()));
            list.sort(Comparator.comparing((Assignment a) -> a.unit().toString()).thenComparingLong(Assignment::deviceId));
            return list;
        });
    }

    // ---------------------------------------------------------------- contexts

    @Override
    public UnitContext context(Store store, UnitPath path) {
        return store.read(c -> {
            Project p = projectRow(c, path.project()).orElseThrow(() -> noProject(path.project()));
            if (path.isProject()) {
                return resolve(p, List.of(), Optional.empty());
            }
            UnitRow r = findUnit(c, p, path).orElseThrow(() -> noUnit(path));
            return resolve(p, chain(c, p, r), Optional.empty());
        });
    }

    @Override
    public Optional<UnitContext> recognise(Store store, long deviceId) {
        return store.read(c -> {
            Optional<Assignment> a = assignmentWhere(c, "a.device_id = ? AND a.ended_at IS NULL", deviceId).stream().findFirst();
            if (a.isEmpty()) {
                return Optional.empty();
            }
            Project p = projectRow(c, a.get().unit().project()).orElseThrow();
            UnitRow r = unitRow(c, a.get().unitId()).orElseThrow();
            return Optional.of(resolve(p, chain(c, p, r), a));
        });
    }

    /** Defaults, then project, then units from the top, then the assignment. */
    private static UnitContext resolve(Project p, List<WorkUnit> units, Optional<Assignment> a) {
        Settings effective = ResolvedSettings.DEFAULTS;
        Map<String, String> origins = new LinkedHashMap<>();
        effective = layer(effective, p.defaults(), "project " + p.name(), origins);
        for (WorkUnit u : units) {
            effective = layer(effective, u.overrides(), "unit " + u.path(), origins);
        }
        if (a.isPresent()) {
            effective = layer(effective, a.get().overrides(), "assignment " + a.get().id() + " (device " + a.get().deviceId() + ")",
                    origins);
        }
        return new UnitContext(p, units, a, new ResolvedSettings(effective, origins));
    }

    private static Settings layer(Settings base, Settings child, String origin, Map<String, String> origins) {
        if (child.template() != null) {
            origins.put("template", origin);
        }
        if (child.destinations() != null) {
            origins.put("destinations", origin);
        }
        if (child.hashes() != null) {
            origins.put("hashes", origin);
        }
        if (child.retentionDays() != null) {
            origins.put("retentionDays", origin);
        }
        if (child.autoOffload() != null) {
            origins.put("autoOffload", origin);
        }
        if (child.sourceRoots() != null) {
            origins.put("sourceRoots", origin);
        }
        Map<String, String> tokens = child.tokens();
        if (tokens != null) {
            tokens.keySet().forEach(k -> origins.put("tokens." + k, origin));
        }
        Map<String, ChannelRule> rules = child.channelRules();
        if (rules != null) {
            rules.keySet().forEach(k -> origins.put("channelRules." + k, origin));
        }
        return base.overlay(child);
    }

    // ---------------------------------------------------------------- templates

    @Override
    public Template saveTemplate(Store store, Template template, boolean replace, String actor) {
        routing.validate(template);
        return store.write(c -> {
            Optional<Long> existing = TemplateRows.id(c, template.name());
            if (existing.isPresent() && !replace) {
                throw usage("A template called '" + template.name() + "' exists already.",
                        "Import with --replace to overwrite it, or rename the template in the file.");
            }
            String now = now();
            long id = TemplateRows.write(c, template, existing.isPresent() ? existing.get() : null, now);
            ActivityLog.append(c, new Activity(Instant.parse(now), actor, "template", Long.toString(id),
                    existing.isPresent() ? "template.replaced" : "template.saved", template.name() + " ("
                            + template.channels().size() + " channels)"));
            return TemplateRows.read(c, template.name()).orElseThrow();
        });
    }

    @Override
    public Optional<Template> template(Store store, String name) {
        return store.read(c -> TemplateRows.read(c, name));
    }

    @Override
    public List<Template> templates(Store store) {
        return store.read(TemplateRows::readAll);
    }

    @Override
    public Template effectiveTemplate(Store store, UnitContext context, @Nullable String overrideName) {
        String name = overrideName != null ? overrideName : context.settings().effective().template();
        Template base = name == null ? routing.defaultTemplate()
                : template(store, name).orElseThrow(() -> usage("There is no template called '" + name + "'"
                        + (overrideName != null ? "" : " (set by " + context.settings().origin("template") + ")") + ".",
                        "List them with 'cartwright templates list'; import one with 'cartwright templates import FILE'."));
        Template t = context.apply(base);
        routing.validate(t);
        return t;
    }

    // ---------------------------------------------------------------- rows

    private record UnitRow(long id, long project, long parent, String name, UnitKind kind, int position, Settings overrides) {
    }

    private static String projectSelect(String where) {
        return "SELECT p.id, p.name, p.description, p.created_at, t.name AS template_name, p.destinations, p.hashes, "
                + "p.retention_days, p.auto_offload, p.source_roots, p.tokens, p.channel_rules "
                + "FROM project p LEFT JOIN template t ON t.id = p.template " + where;
    }

    private static Optional<Project> projectRow(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(projectSelect("WHERE p.name = ?"))) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(project(rs)) : Optional.empty();
            }
        }
    }

    private static Project project(ResultSet rs) throws SQLException {
        return new Project(rs.getLong("id"), rs.getString("name"), rs.getString("description"), SettingsColumns.read(rs),
                Instant.parse(rs.getString("created_at")));
    }

    private static List<UnitRow> rows(Connection c, String where, Object arg) throws SQLException {
        List<UnitRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT w.id, w.project, w.parent, w.name, w.kind, w.position, "
                + "t.name AS template_name, w.destinations, w.hashes, w.retention_days, w.auto_offload, w.source_roots, "
                + "w.tokens, w.channel_rules FROM work_unit w LEFT JOIN template t ON t.id = w.template " + where)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new UnitRow(rs.getLong("id"), rs.getLong("project"), rs.getLong("parent"), rs.getString("name"),
                            UnitKind.parse(rs.getString("kind")), rs.getInt("position"), SettingsColumns.read(rs)));
                }
            }
        }
        return out;
    }

    private static Optional<UnitRow> unitRow(Connection c, long id) throws SQLException {
        return rows(c, "WHERE w.id = ?", id).stream().findFirst();
    }

    private static Optional<UnitRow> child(Connection c, long project, long parent, String name) throws SQLException {
        List<UnitRow> all = rows(c, "WHERE w.project = ?", project);
        return all.stream().filter(r -> r.parent() == parent && r.name().equalsIgnoreCase(name)).findFirst();
    }

    private static Optional<UnitRow> findUnit(Connection c, Project p, UnitPath path) throws SQLException {
        List<UnitRow> all = rows(c, "WHERE w.project = ?", p.id());
        long parent = 0;
        UnitRow found = null;
        for (String name : path.units()) {
            long at = parent;
            Optional<UnitRow> next = all.stream().filter(r -> r.parent() == at && r.name().equalsIgnoreCase(name)).findFirst();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            found = next.get();
            parent = found.id();
        }
        return found == null ? Optional.empty() : Optional.of(found);
    }

    /** The units from the top down to {@code leaf}. */
    private static List<WorkUnit> chain(Connection c, Project p, UnitRow leaf) throws SQLException {
        List<UnitRow> rows = new ArrayList<>();
        for (UnitRow r = leaf; r != null;) {
            rows.add(0, r);
            Optional<UnitRow> up = r.parent() == 0 ? Optional.empty() : unitRow(c, r.parent());
            r = up.isPresent() ? up.get() : null;
        }
        List<WorkUnit> out = new ArrayList<>();
        UnitPath path = UnitPath.of(p.name());
        for (UnitRow r : rows) {
            path = path.child(r.name());
            out.add(toUnit(r, path, path.units().size()));
        }
        return out;
    }

    /** The unit's path with names as stored (the caller's may differ in case). */
    private static UnitPath canonical(Connection c, Project p, UnitRow r) throws SQLException {
        List<WorkUnit> chain = chain(c, p, r);
        return chain.get(chain.size() - 1).path();
    }

    private static WorkUnit toUnit(UnitRow r, UnitPath path, int depth) {
        return new WorkUnit(r.id(), r.project(), r.parent(), r.name(), r.kind(), path, depth, r.overrides());
    }

    private static List<Assignment> assignmentWhere(Connection c, String where, long arg) throws SQLException {
        // The unit's path needs more queries, made once the result set is closed.
        record Row(Function<UnitPath, Assignment> assignment, long unitId, long project) {
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.device_id, a.project, a.work_unit, a.role, a.camera, "
                + "a.operator, a.assigned_at, a.ended_at, a.ended_by, a.end_reason, t.name AS template_name, a.destinations, "
                + "a.hashes, a.retention_days, a.auto_offload, a.source_roots, a.tokens, a.channel_rules "
                + "FROM assignment a LEFT JOIN template t ON t.id = a.template WHERE " + where + " ORDER BY a.id")) {
            ps.setLong(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong("id");
                    long deviceId = rs.getLong("device_id");
                    long unitId = rs.getLong("work_unit");
                    String role = rs.getString("role");
                    String camera = rs.getString("camera");
                    String operator = rs.getString("operator");
                    Instant assignedAt = Instant.parse(rs.getString("assigned_at"));
                    String ended = rs.getString("ended_at");
                    Instant endedAt = ended == null ? null : Instant.parse(ended);
                    String endedBy = rs.getString("ended_by");
                    String endReason = rs.getString("end_reason");
                    Settings overrides = SettingsColumns.read(rs);
                    rows.add(new Row(path -> new Assignment(id, deviceId, path, unitId, role, camera, operator, assignedAt,
                            endedAt, endedBy, endReason, overrides), unitId, rs.getLong("project")));
                }
            }
        }
        List<Assignment> out = new ArrayList<>();
        for (Row row : rows) {
            String projectName;
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM project WHERE id = ?")) {
                ps.setLong(1, row.project());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    projectName = rs.getString(1);
                }
            }
            Project p = projectRow(c, projectName).orElseThrow();
            out.add(row.assignment().apply(canonical(c, p, unitRow(c, row.unitId()).orElseThrow())));
        }
        return out;
    }

    private static void setParent(PreparedStatement ps, int index, long parent) throws SQLException {
        if (parent == 0) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, parent);
        }
    }

    // ---------------------------------------------------------------- helpers

    private String now() {
        return Instant.now(clock).toString();
    }

    private static void checkName(String what, String name) {
        if (name == null || name.isBlank()) {
            throw usage("The " + what + " name is empty.", "Give a name.");
        }
        if (name.length() > MAX_NAME) {
            throw usage("The " + what + " name has " + name.length() + " characters; at most " + MAX_NAME + ".",
                    "Choose a shorter name.");
        }
        if (Character.isWhitespace(name.charAt(0))) {
            throw usage("The " + what + " name '" + name + "' starts with a space.", "Remove the space.");
        }
        Optional<String> problem = SafeNames.problem(name);
        if (problem.isPresent()) {
            throw usage("The " + what + " name cannot be used as a folder name: " + problem.get() + ".",
                    "Choose a name without < > : \" / \\ | ? *, not ending in a dot or space, and not a Windows device name.");
        }
    }

    private static String describe(Settings s) {
        String set = s.summary();
        return set.isEmpty() ? "(inherits everything)" : set;
    }

    private static CartwrightException usage(String message, String hint) {
        return new CartwrightException(ExitCode.USAGE, message, hint);
    }

    private static CartwrightException noProject(String name) {
        return usage("There is no project called '" + name + "'.", "List them with 'cartwright projects list'.");
    }

    private static CartwrightException noUnit(UnitPath path) {
        return usage("There is no work unit '" + path + "'.", "List them with 'cartwright units list " + path.project() + "'.");
    }
}
