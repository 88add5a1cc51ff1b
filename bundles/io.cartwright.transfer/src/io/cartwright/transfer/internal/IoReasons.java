/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * An I/O error in words for a message: the system's reason ("File name too long"), or the kind of
 * error where the JDK gives none ({@code FileAlreadyExistsException} says only the path), and the
 * path it concerns unless the message already names that one.
 */
final class IoReasons {

    private IoReasons() {
    }

    /** {@code e} in words; the path it names is added unless it is {@code named}. */
    static String of(IOException e, Path named) {
        if (!(e instanceof FileSystemException fse)) {
            return String.valueOf(e.getMessage());
        }
        String what = fse.getReason() != null ? fse.getReason()
                : e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2");
        return fse.getFile() == null || fse.getFile().equals(named.toString()) ? what : what + ": " + fse.getFile();
    }
}
