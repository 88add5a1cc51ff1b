/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Tells a source that went away from a file that did. The root's identity (device and inode where
 * the platform has them) is taken at the start; after an unmount the mount point is an empty folder
 * with another identity, so "the root is still a folder" alone would not do.
 */
final class SourceGuard {

    private final Path root;
    private final Object rootKey;

    SourceGuard(Path root) throws IOException {
        this.root = root;
        this.rootKey = Files.readAttributes(root, BasicFileAttributes.class).fileKey();
    }

    /** A description of the source filesystem for the journal. */
    static String identity(Path root) {
        try {
            var store = Files.getFileStore(root);
            Object key = Files.readAttributes(root, BasicFileAttributes.class).fileKey();
            return "store=" + store.name() + "; type=" + store.type() + "; capacity=" + store.getTotalSpace()
                    + "; root=" + key;
        } catch (IOException e) {
            return "";
        }
    }

    boolean present() {
        try {
            BasicFileAttributes a = Files.readAttributes(root, BasicFileAttributes.class);
            return a.isDirectory() && (rootKey == null || Objects.equals(rootKey, a.fileKey()));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Turns an error opening or reading {@code rel} into a file failure (the file alone is the
     * problem) or a source failure (stop the job as interrupted).
     */
    Exception classify(IOException e, String rel, boolean opening) {
        if (e instanceof ClosedByInterruptException || Thread.currentThread().isInterrupted()) {
            return new SourceFailure("Cancelled while reading " + rel + ".", e);
        }
        if (!present()) {
            return new SourceFailure("The source " + root + " is gone (unmounted or unplugged) while reading " + rel
                    + ". Mount it again and run the same command to resume.", e);
        }
        if (opening && e instanceof AccessDeniedException) {
            return new FileFailure("Cannot be read from the source (permission denied); it was not copied.");
        }
        if (opening && e instanceof NoSuchFileException) {
            return new FileFailure("Disappeared from the source during the offload; it was not copied.");
        }
        return new SourceFailure("Read error on the source while reading " + rel + ": " + e.getMessage()
                + ". Check the card and reader, then run the same command to resume.", e);
    }
}
