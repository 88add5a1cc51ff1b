/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.cartwright.core.CartwrightException;
import io.cartwright.core.ExitCode;

/**
 * Makes sure one job runs in one process at a time: an OS byte-range lock on byte {@code jobId} of
 * a lock file beside the database. The OS drops it when the process dies (kill -9 included), so a
 * crash never leaves a stale lock. One channel per lock file is kept for the life of the JVM,
 * because closing any channel of a file releases all of the process's locks on it.
 */
final class JobLock implements AutoCloseable {

    private static final Map<Path, FileChannel> CHANNELS = new ConcurrentHashMap<>();

    private final FileLock lock;

    private JobLock(FileLock lock) {
        this.lock = lock;
    }

    /**
     * Takes the lock for {@code jobId}.
     *
     * @throws CartwrightException {@code REFUSED} if another process or thread runs the job
     */
    static JobLock acquire(Path database, long jobId) {
        Path file = database.resolveSibling(database.getFileName() + ".transfer-lock");
        try {
            FileChannel ch = CHANNELS.computeIfAbsent(file.toAbsolutePath().normalize(), JobLock::open);
            FileLock lock = ch.tryLock(jobId, 1, false);
            if (lock == null) {
                throw busy(jobId);
            }
            return new JobLock(lock);
        } catch (OverlappingFileLockException e) {
            throw busy(jobId);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CartwrightException(ExitCode.FAILED, "Cannot lock job " + jobId + " (" + e.getMessage() + ").",
                    "Check that the folder of the database " + database + " is writable.", e);
        }
    }

    private static FileChannel open(Path file) {
        try {
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static CartwrightException busy(long jobId) {
        return new CartwrightException(ExitCode.REFUSED, "Job " + jobId + " is already running in another "
                + "Cartwright process.", "Wait for it to finish, or stop it, then run the command again.");
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the OS releases it with the process anyway
        }
    }
}
