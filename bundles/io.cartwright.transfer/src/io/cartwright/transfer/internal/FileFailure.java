/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

/**
 * One source file cannot be copied (unreadable, vanished, changed while being read); the job goes on
 * with the others. The message is for people.
 */
final class FileFailure extends Exception {
    private static final long serialVersionUID = 1L;

    FileFailure(String message) {
        super(message);
    }
}
