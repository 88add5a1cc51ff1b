/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing;

import java.util.List;

import io.cartwright.core.CartwrightException;
import io.cartwright.core.ExitCode;

/**
 * A template that cannot be used ({@link ExitCode#USAGE}) or a plan that must not be executed
 * ({@link ExitCode#REFUSED}), with every problem found. The message lists them (the first 20).
 */
public class RoutingException extends CartwrightException {
    private static final long serialVersionUID = 1L;

    private static final int LISTED = 20;

    private final transient List<RoutingProblem> problems;

    public RoutingException(ExitCode exitCode, String summary, String hint, List<RoutingProblem> problems) {
        super(exitCode, message(summary, problems), hint);
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in the order found. */
    public List<RoutingProblem> problems() {
        return problems;
    }

    private static String message(String summary, List<RoutingProblem> problems) {
        StringBuilder b = new StringBuilder(summary);
        int n = 0;
        for (RoutingProblem p : problems) {
            if (n++ == LISTED) {
                b.append("\n  ... and ").append(problems.size() - LISTED).append(" more");
                break;
            }
            b.append("\n  - ").append(p);
        }
        return b.toString();
    }
}
