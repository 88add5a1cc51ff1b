/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.Hashers;

/**
 * Atomic appearance of copies (engine rule 3): every copy is written under a hidden temporary name
 * in its final folder and renamed once complete and verified, then the folder is fsynced so the
 * rename survives a power cut. Without {@code replace}, publishing never overwrites: it uses
 * {@code renameat2(RENAME_NOREPLACE)} where the kernel and filesystem have it, else a hard link
 * (which fails if the name exists) and only as a last resort a check followed by a rename.
 */
final class Publisher {

    private static final String SUFFIX = ".cwpart";
    private static final int MAX_NAME_BYTES = 255;

    private final NativeIo nativeIo;

    Publisher(NativeIo nativeIo) {
        this.nativeIo = nativeIo;
    }

    /**
     * The temporary name of a copy: {@code .<name>.cwpart} beside it, or a short hashed name when
     * that would exceed the 255-byte name limit of common filesystems. Deterministic, so a resumed
     * job finds the temporary file of an interrupted copy.
     */
    static Path tempFor(Path finalPath) {
        String name = finalPath.getFileName().toString();
        String temp = "." + name + SUFFIX;
        if (temp.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            String digest = Hashers.hash(HashAlgorithm.XXH3_64, name.getBytes(StandardCharsets.UTF_8)).text();
            temp = ".cw-" + digest + SUFFIX;
        }
        return finalPath.resolveSibling(temp);
    }

    /**
     * Renames {@code temp} to {@code target}.
     *
     * @param replace whether an existing {@code target} may be replaced (atomically)
     * @throws FileAlreadyExistsException if {@code target} exists and {@code replace} is false
     */
    void publish(Path temp, Path target, boolean replace) throws IOException {
        if (replace) {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        switch (nativeIo.renameNoReplace(temp, target)) {
            case RENAMED -> {
                return;
            }
            case TARGET_EXISTS -> throw new FileAlreadyExistsException(target.toString());
            case UNSUPPORTED -> {
                // fall through to the portable ways below
            }
        }
        try {
            Files.createLink(target, temp); // fails with FileAlreadyExistsException, never replaces
            Files.delete(temp);
            return;
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | IOException e) {
            // no hard links here (exFAT, FAT): the small window between check and rename remains
        }
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Fsyncs a folder so renames and new entries in it are durable. Returns false where the platform
     * or filesystem cannot (Windows, some FUSE filesystems); the caller reports that once.
     */
    static boolean syncFolder(Path folder) {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
