/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Fault-injection points for tests; production uses {@link #NONE}. Each default does nothing, so a
 * test overrides only the step it disturbs. Called on engine threads.
 */
public interface EngineHooks {

    /** No hooks. */
    EngineHooks NONE = new EngineHooks() {
    };

    /** Before a source file is opened; may throw to simulate an unreadable file. */
    default void beforeSourceOpen(String relativePath, Path file) throws IOException {
    }

    /**
     * After a chunk of a source file was read, hashed and handed to the destinations; {@code offset}
     * is the number of bytes of the file read so far. May interrupt or throw to simulate a crash.
     */
    default void afterSourceChunk(String relativePath, long offset) {
    }

    /**
     * Before a chunk is written to a destination's temporary file; may throw to simulate a write
     * error (a full disk: an IOException with the message "No space left on device").
     */
    default void beforeDestinationWrite(int destination, String relativePath, long bytes) throws IOException {
    }

    /** After a file reached its final state in this run. */
    default void afterFile(String relativePath) {
    }

    /**
     * Before a destination copy is re-read for verification (the temporary file, or the existing file
     * under the skip-identical policy); may change the bytes to simulate a bad write.
     */
    default void beforeVerify(int destination, String relativePath, Path copy, int attempt) throws IOException {
    }

    /**
     * The usable space reported for a destination; tests shrink it to simulate a small disk. A value
     * other than {@code actual} makes the destination count as a disk of its own (destinations on one
     * real disk otherwise share its space).
     */
    default long usableSpace(Path root, long actual) {
        return actual;
    }

    /** The naming behaviour assumed for a destination; tests simulate case-insensitive filesystems. */
    default DestinationTraits traits(Path root, DestinationTraits probed) {
        return probed;
    }

    /**
     * Whether unbuffered (O_DIRECT) I/O is used for a source file or a destination root where the
     * filesystem supports it ({@code supported}); tests turn it off to cover the buffered path.
     */
    default boolean directIo(Path path, boolean supported) {
        return supported;
    }

    /**
     * Whether copies on a destination whose filesystem can be flushed as a whole ({@code trusted})
     * are made durable by one syncfs per batch; tests turn it off to cover the fsync per copy.
     */
    default boolean syncfs(Path root, boolean trusted) {
        return trusted;
    }

    /**
     * Before the filesystem holding a destination is synced for a batch of {@code copies} verified
     * there. May throw an IOException to fail that destination's part (a failing drive), or an Error
     * to simulate a crash.
     */
    default void beforeSync(int destination, int copies) throws IOException {
    }
}
