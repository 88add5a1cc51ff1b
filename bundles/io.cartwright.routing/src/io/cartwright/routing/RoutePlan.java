/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing;

import java.util.ArrayList;
import java.util.List;

import io.cartwright.core.ExitCode;

/**
 * The dry-run result: for every file of a card, its channel and destination, decided before any
 * byte moves. The transfer engine copies {@link #copies()} and nothing else, and only when
 * {@link #executable()}.
 *
 * @param template the template's name
 * @param layout the camera layout family used, or empty
 * @param entries files taken by a channel, in card order
 * @param quarantined unmatched files sent to the quarantine channel (quarantine mode)
 * @param unmatched every file no channel took, whatever the mode
 * @param conflicts name collisions and how they were resolved
 * @param problems reasons to refuse the plan (unsafe names, unmatched files in fail mode, refused
 *        conflicts, regexes stopped); empty when the plan may run
 * @param warnings things reported but not refusing the plan (symbolic links and special files on the
 *        card, which are never copied)
 */
public record RoutePlan(String template, String layout, List<PlanEntry> entries, List<PlanEntry> quarantined,
        List<String> unmatched, List<PlanConflict> conflicts, List<RoutingProblem> problems,
        List<RoutingProblem> warnings) {

    public RoutePlan {
        entries = List.copyOf(entries);
        quarantined = List.copyOf(quarantined);
        unmatched = List.copyOf(unmatched);
        conflicts = List.copyOf(conflicts);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** No problems: the engine may copy. */
    public boolean executable() {
        return problems.isEmpty();
    }

    /** Everything the engine copies (or checks, for {@link PlanEntry.Action#KEEP}): entries then quarantined. */
    public List<PlanEntry> copies() {
        List<PlanEntry> all = new ArrayList<>(entries);
        all.addAll(quarantined);
        return all;
    }

    /**
     * Returns this plan if it may run.
     *
     * @throws RoutingException ({@link ExitCode#REFUSED}) listing every problem; nothing may be written
     */
    public RoutePlan requireExecutable() {
        if (!executable()) {
            throw new RoutingException(ExitCode.REFUSED,
                    "The routing plan (template '" + template + "') is refused: " + problems.size()
                            + (problems.size() == 1 ? " problem" : " problems") + "; nothing was written.",
                    "Fix the template, the token values or the names on the card, or change the template's "
                            + "unmatched mode or the channel's conflict policy, then plan again.",
                    problems);
        }
        return this;
    }
}
