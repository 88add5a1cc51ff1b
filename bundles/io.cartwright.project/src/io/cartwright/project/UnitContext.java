/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.project;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cartwright.core.CartwrightException;
import io.cartwright.core.ExitCode;
import io.cartwright.routing.Channel;
import io.cartwright.routing.ChannelConflictPolicy;
import io.cartwright.routing.Template;
import io.cartwright.routing.TokenContext;

/**
 * Everything routing needs to know about where a card belongs: its project, the chain of work units
 * from the top to the assigned one, the assignment (if the card is assigned) and the settings after
 * inheritance. What a re-mounted card brings back without any input.
 *
 * @param project the project
 * @param units the work units from the top of the tree down to the assigned one
 * @param assignment the device's current assignment, empty when planning for a unit
 * @param settings the resolved settings
 */
public record UnitContext(Project project, List<WorkUnit> units, Optional<Assignment> assignment, ResolvedSettings settings) {

    public UnitContext {
        units = List.copyOf(units);
    }

    /** The assigned work unit's path. */
    public UnitPath path() {
        return units.isEmpty() ? UnitPath.of(project.name()) : units.get(units.size() - 1).path();
    }

    /**
     * The card-wide token values: {@code {project}}; {@code {wu}} the unit names; {@code {day}},
     * {@code {unit}} the nearest unit of that kind (else for {unit} the assigned unit); {@code {cam}}
     * the assignment's camera, else the nearest unit of kind camera, else the role; {@code {role}} the
     * assignment's role, else the nearest camera unit; {@code {device}} {@code deviceLabel}, else the
     * device id; custom tokens from the settings.
     */
    public TokenContext tokens(String card, LocalDate date, String deviceLabel) {
        String role = assignment.map(Assignment::role).orElse("");
        String cameraUnit = nearest(UnitKind.CAMERA);
        String cam = assignment.map(Assignment::camera).filter(c -> !c.isEmpty()).orElse(!cameraUnit.isEmpty() ? cameraUnit : role);
        String unit = nearest(UnitKind.UNIT);
        String device = deviceLabel != null && !deviceLabel.isEmpty() ? deviceLabel
                : assignment.map(a -> Long.toString(a.deviceId())).orElse("");
        return TokenContext.builder(card, date).project(project.name()).wu(path().units()).day(nearest(UnitKind.DAY))
                .unit(!unit.isEmpty() || units.isEmpty() ? unit : units.get(units.size() - 1).name()).cam(cam)
                .role(!role.isEmpty() ? role : cameraUnit).device(device).tokens(settings.tokens()).build();
    }

    private String nearest(UnitKind kind) {
        for (int i = units.size() - 1; i >= 0; i--) {
            if (units.get(i).kind() == kind) {
                return units.get(i).name();
            }
        }
        return "";
    }

    /**
     * {@code base} with this context's channel rules applied and its custom tokens declared (so
     * patterns set by a rule may use them).
     *
     * @throws CartwrightException ({@link ExitCode#USAGE}) if a rule names a channel the template lacks
     */
    public Template apply(Template base) {
        Template t = base.withTokens(settings.tokens());
        for (Map.Entry<String, ChannelRule> e : settings.channelRules().entrySet()) {
            String name = e.getKey();
            Optional<Channel> channel = t.channel(name);
            if (channel.isEmpty() && t.quarantine().name().equalsIgnoreCase(name)) {
                channel = Optional.of(t.quarantine());
            }
            if (channel.isEmpty()) {
                throw new CartwrightException(ExitCode.USAGE, "The channel rule for '" + name + "' (set by "
                        + settings.origin("channelRules." + name) + ") names no channel of the template '" + t.name() + "'.",
                        "The template's channels are: " + String.join(", ", t.channels().stream().map(Channel::name).toList())
                                + ". Correct the rule or choose another template.");
            }
            Channel c = channel.get();
            ChannelRule rule = e.getValue();
            String destination = rule.destination();
            if (destination != null) {
                c = c.withDestination(destination);
            }
            ChannelConflictPolicy conflict = rule.conflict();
            if (conflict != null) {
                c = c.withConflict(conflict);
            }
            t = t.withChannel(c);
        }
        return t;
    }
}
