/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.cli.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cartwright.core.CartwrightException;
import io.cartwright.core.ExitCode;
import io.cartwright.project.AssignRequest;
import io.cartwright.project.Assignment;
import io.cartwright.project.ProjectService;
import io.cartwright.project.Settings;
import io.cartwright.project.UnitContext;
import io.cartwright.project.UnitPath;
import io.cartwright.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.eclipse.jdt.annotation.Nullable;

/**
 * {@code cartwright assign DEVICE_ID UNIT_PATH --role ROLE}: puts a card (by its device registry
 * id) into a work unit. Sticky: the card brings its unit, routing, overrides and auto-offload rule
 * back every time it is mounted. Reassigning keeps the old assignment in the history and carries the
 * device's own overrides over (unless {@code --reset}).
 */
@Command(name = "assign", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Assign a card or drive (by its device id) to a work unit and camera role.",
                "The card keeps the assignment until it is reassigned or released; the history is kept.",
                "Examples: cartwright assign 7 NIGHTJAR/DAY01/MAIN --role A-CAM --auto on-mount",
                "          cartwright assign 7 --history      cartwright assign 7 --release"})
final class AssignCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "DEVICE_ID", description = "The device registry's id of the card.")
    long deviceId;

    @Parameters(index = "1", arity = "0..1", paramLabel = "UNIT_PATH", description = "PROJECT/UNIT/..., e.g. NIGHTJAR/DAY01/MAIN.")
    @Nullable String unit;

    @Option(names = "--role", paramLabel = "ROLE", description = "Camera role: A-CAM, B-CAM, SOUND, ... (the {role} token).")
    @Nullable String role;

    @Option(names = "--cam", paramLabel = "CAM", description = "Camera for the {cam} token (default: the nearest camera unit, else the role).")
    String camera = "";

    @Option(names = "--operator", paramLabel = "NAME", description = "Who assigns it (default: your login name).")
    @Nullable String operator;

    @Mixin
    ProjectsCommand.SettingsOptions settings = new ProjectsCommand.SettingsOptions();

    @Option(names = "--reset", description = "Drop the device's own overrides from its previous assignment.")
    boolean reset;

    @Option(names = "--history", description = "Show every assignment the device ever had.")
    boolean history;

    @Option(names = "--release", description = "End the device's assignment (it stays in the history).")
    boolean release;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why it is released.")
    @Nullable String reason;

    AssignCommand(CommandContext context) {
        super(context);
    }

    @Override
    protected ExitCode execute() {
        ProjectService projects = context.services().get(ProjectService.class);
        Store store = store();
        Output out = output();
        String who = operator != null ? operator : ProjectsCommand.actor();
        if (history) {
            return printHistory(out, projects.history(store, deviceId));
        }
        if (release) {
            Optional<Assignment> released = projects.release(store, deviceId, who, reason);
            if (released.isEmpty()) {
                throw new CartwrightException(ExitCode.USAGE, "Device " + deviceId + " is not assigned.",
                        "See its history with: cartwright assign " + deviceId + " --history");
            }
            if (out.json()) {
                out.json(json(released.get()));
            } else {
                out.line("Device " + deviceId + " released from " + released.get().unit() + " (kept in its history).");
            }
            return ExitCode.OK;
        }
        String unitArg = unit;
        String roleArg = role;
        if (unitArg == null || roleArg == null) {
            throw new CartwrightException(ExitCode.USAGE, "Give the work unit and the role: cartwright assign " + deviceId
                    + " PROJECT/UNIT --role ROLE", "List the units with: cartwright units list PROJECT");
        }
        UnitPath path;
        try {
            path = UnitPath.parse(unitArg);
        } catch (IllegalArgumentException e) {
            throw ProjectsCommand.usage(e.getMessage());
        }
        Optional<Assignment> before = projects.currentAssignment(store, deviceId);
        // The device's own overrides (source roots, auto-offload rule, ...) move with it unless --reset.
        Settings base = reset ? Settings.INHERIT : before.map(Assignment::overrides).orElse(Settings.INHERIT);
        Assignment a = projects.assign(store, new AssignRequest(deviceId, path, roleArg, camera, who, settings.apply(base)));
        UnitContext ctx = projects.recognise(store, deviceId).orElseThrow();
        if (out.json()) {
            ObjectNode o = json(a);
            o.set("resolved", ProjectsCommand.settingsJson(ctx.settings().effective()));
            out.json(o);
            return ExitCode.OK;
        }
        if (before.isPresent() && before.get().id() == a.id()) {
            out.line("Device " + deviceId + " is already assigned to " + a.unit() + " as " + a.role() + "; nothing changed.");
        } else {
            out.line("Device " + deviceId + " assigned to " + a.unit() + " as " + a.role()
                    + before.map(b -> " (was " + b.unit() + " as " + b.role() + ")").orElse("") + ".");
        }
        out.line("When mounted it brings:");
        ProjectsCommand.printSettings(out, "  ", ctx.settings());
        return ExitCode.OK;
    }

    private static ExitCode printHistory(Output out, List<Assignment> history) {
        if (out.json()) {
            ArrayNode a = Output.object().arrayNode();
            history.forEach(x -> a.add(json(x)));
            out.json(a);
            return ExitCode.OK;
        }
        if (history.isEmpty()) {
            out.line("This device was never assigned.");
        }
        for (Assignment a : history) {
            out.line(a.assignedAt() + "  " + a.unit() + " as " + a.role() + (a.camera().isEmpty() ? "" : " (cam " + a.camera() + ")")
                    + "  by " + a.operator() + (a.current() ? "  [current]"
                            : "  until " + a.endedAt() + " by " + a.endedBy() + ": " + a.endReason()));
        }
        return ExitCode.OK;
    }

    static ObjectNode json(Assignment a) {
        ObjectNode o = Output.object().put("id", a.id()).put("device_id", a.deviceId()).put("unit", a.unit().toString())
                .put("role", a.role()).put("camera", a.camera()).put("operator", a.operator())
                .put("assigned_at", a.assignedAt().toString()).put("current", a.current());
        if (!a.current()) {
            Instant ended = a.endedAt();
            o.put("ended_at", ended == null ? null : ended.toString()).put("ended_by", a.endedBy())
                    .put("end_reason", a.endReason());
        }
        o.set("overrides", ProjectsCommand.settingsJson(a.overrides()));
        return o;
    }
}
