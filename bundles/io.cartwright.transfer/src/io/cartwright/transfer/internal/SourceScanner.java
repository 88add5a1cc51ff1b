/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cartwright.transfer.Problem;

/**
 * Lists the source tree without following links or writing anything: regular files become
 * {@link ScannedFile}s in a stable order (names sorted per folder), folders are remembered so empty
 * ones are recreated, and everything that cannot be copied is reported: symbolic links and special
 * files as warnings, folders that cannot be listed as failures (engine rule 6).
 */
final class SourceScanner {

    /** What the scan found. */
    record Result(List<ScannedFile> files, List<String> folders, List<Problem> warnings, List<Problem> failures) {
    }

    /** A card's own ASC MHL history folder at its root. */
    static final String CARD_HISTORY = "ascmhl";

    private final List<ScannedFile> files = new ArrayList<>();
    private final List<String> folders = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();
    private final List<Problem> failures = new ArrayList<>();

    private SourceScanner() {
    }

    /**
     * Scans {@code root}.
     *
     * @throws IOException if the root itself cannot be listed (not mounted, gone, unreadable)
     */
    static Result scan(Path root) throws IOException {
        SourceScanner s = new SourceScanner();
        s.walk(root, "", List.of(), true);
        return new Result(List.copyOf(s.files), List.copyOf(s.folders), List.copyOf(s.warnings),
                List.copyOf(s.failures));
    }

    private void walk(Path dir, String rel, List<NameCollision> inherited, boolean isRoot) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                entries.add(p);
            }
        } catch (IOException e) {
            if (isRoot) {
                throw e;
            }
            String why = e instanceof AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
            failures.add(new Problem(rel, "Folder cannot be read (" + why + "); its contents were not copied."));
            return;
        }
        entries.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        Map<String, String> seen = new HashMap<>();
        for (Path p : entries) {
            String name = p.getFileName().toString();
            String childRel = rel.isEmpty() ? name : rel + "/" + name;
            List<NameCollision> collisions = inherited;
            String earlier = seen.putIfAbsent(NameCollision.loosestKey(name), name);
            if (earlier != null) {
                collisions = new ArrayList<>(inherited);
                collisions.add(new NameCollision(rel, name, earlier));
                collisions = List.copyOf(collisions);
            }
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                failures.add(new Problem(childRel, "Cannot read its attributes (" + e.getMessage() + "); not copied."));
                continue;
            }
            if (isRoot && a.isDirectory() && name.equals(CARD_HISTORY)) {
                continue; // the card's ASC MHL history is continued by MhlSealer, never copied as data
            }
            if (a.isSymbolicLink()) {
                warnings.add(new Problem(childRel, "Symbolic link to '" + linkTarget(p)
                        + "' was not copied (links are not followed); copy its target separately if it is needed."));
            } else if (a.isDirectory()) {
                folders.add(childRel);
                walk(p, childRel, collisions, false);
            } else if (a.isRegularFile()) {
                files.add(new ScannedFile(childRel, p, a.size(), Times.nanos(a.lastModifiedTime()), collisions));
            } else {
                warnings.add(new Problem(childRel, "Special file (" + specialKind(p)
                        + ") was not copied: only regular files and folders are offloaded."));
            }
        }
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "?";
        }
    }

    /** fifo, socket, character device, block device, where the platform says. */
    private static String specialKind(Path p) {
        try {
            Object mode = Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            if (mode instanceof Integer m) {
                return switch (m & 0170000) {
                    case 0010000 -> "named pipe";
                    case 0140000 -> "socket";
                    case 0020000 -> "character device";
                    case 0060000 -> "block device";
                    default -> "unknown type";
                };
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no unix view here: the generic word will do
        }
        return "not a regular file";
    }
}
