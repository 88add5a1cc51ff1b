/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.spi;

/**
 * The reel and clip a camera layout gives a file, for the {@code {reel}} and {@code {clip}} tokens.
 *
 * @param reel camera index and reel ({@code A001}), or empty when the layout cannot tell
 * @param clip the clip name as the camera writes it, without segment or sidecar suffixes
 *        ({@code A001C003_260617_R1JL}), or empty
 */
public record FileTokens(String reel, String clip) {

    public static final FileTokens NONE = new FileTokens("", "");

    public FileTokens {
        reel = reel == null ? "" : reel;
        clip = clip == null ? "" : clip;
    }
}
