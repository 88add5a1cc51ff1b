/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing;

/**
 * Why a template or a plan is refused, naming what is at fault.
 *
 * @param file the card file concerned (path below the card root), or empty for template problems
 * @param channel the channel concerned, or empty
 * @param token the token that produced the bad value ({@code {stem}}), or empty
 * @param message one sentence saying what is wrong
 */
public record RoutingProblem(String file, String channel, String token, String message) {

    public RoutingProblem {
        file = file == null ? "" : file;
        channel = channel == null ? "" : channel;
        token = token == null ? "" : token;
    }

    public static RoutingProblem template(String channel, String message) {
        return new RoutingProblem("", channel, "", message);
    }

    /** One line: {@code file 'X', channel 'Y', token {z}: message}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (!file.isEmpty()) {
            b.append("file '").append(file).append("'");
        }
        if (!channel.isEmpty()) {
            b.append(b.isEmpty() ? "" : ", ").append("channel '").append(channel).append("'");
        }
        if (!token.isEmpty()) {
            b.append(b.isEmpty() ? "" : ", ").append("token ").append(token);
        }
        return b.isEmpty() ? message : b + ": " + message;
    }
}
