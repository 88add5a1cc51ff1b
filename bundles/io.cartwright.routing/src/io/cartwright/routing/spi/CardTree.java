/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.spi;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The files of a card (or any folder), read once: what layout detection and planning work from, so
 * both are pure functions of this value. Files are sorted by path; folders are implied by them.
 * Symbolic links, special files and unreadable folders are listed in {@link #skipped()}, never
 * followed and never silently dropped. Immutable and thread-safe.
 */
public final class CardTree {

    /**
     * Something on the card that is not a regular file and is not copied.
     *
     * @param path below the card root
     * @param reason why it is not copied
     */
    public record Skipped(String path, String reason) {
    }

    private final String name;
    private final List<CardFile> files;
    private final List<Skipped> skipped;
    private final Map<String, CardFile> byPath;
    private final Map<String, CardFile> byLowerPath;
    private final java.util.NavigableSet<String> folders;
    private final Set<String> lowerFolders;

    private CardTree(String name, List<CardFile> files, List<Skipped> skipped) {
        this.name = name;
        List<CardFile> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(CardFile::path));
        this.files = Collections.unmodifiableList(sorted);
        this.skipped = List.copyOf(skipped);
        Map<String, CardFile> map = new LinkedHashMap<>();
        Map<String, CardFile> lower = new LinkedHashMap<>();
        TreeSet<String> dirs = new TreeSet<>();
        Set<String> lowerDirs = new TreeSet<>();
        for (CardFile f : sorted) {
            if (map.put(f.path(), f) != null) {
                throw new IllegalArgumentException("The file " + f.path() + " is listed twice");
            }
            lower.putIfAbsent(f.path().toLowerCase(Locale.ROOT), f);
            String folder = f.folder();
            while (!folder.isEmpty() && dirs.add(folder)) {
                lowerDirs.add(folder.toLowerCase(Locale.ROOT));
                int i = folder.lastIndexOf('/');
                folder = i < 0 ? "" : folder.substring(0, i);
            }
        }
        this.byPath = map;
        this.byLowerPath = lower;
        this.folders = Collections.unmodifiableNavigableSet(dirs);
        this.lowerFolders = lowerDirs;
    }

    /** A tree from a list of files, for tests and synthetic cards. */
    public static CardTree of(String name, List<CardFile> files) {
        return new CardTree(name, files, List.of());
    }

    public static CardTree of(String name, List<CardFile> files, List<Skipped> skipped) {
        return new CardTree(name, files, skipped);
    }

    /**
     * Walks {@code root} without following symbolic links. The tree's name is the folder's name (or
     * {@code card} for a filesystem root). Reads metadata only, never file contents, and writes nothing.
     */
    public static CardTree scan(Path root) throws IOException {
        Path abs = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw new IOException(abs + " is not a folder or mounted card");
        }
        List<CardFile> files = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Files.walkFileTree(abs, EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    @NonNullByDefault({}) // the JDK leaves the visitor's parameters unannotated
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        String rel = relative(abs, file);
                        if (attrs.isRegularFile()) {
                            files.add(new CardFile(rel, attrs.size(), attrs.lastModifiedTime().toInstant()));
                        } else if (attrs.isSymbolicLink()) {
                            skipped.add(new Skipped(rel, "symbolic link (not followed, not copied)"));
                        } else if (!attrs.isDirectory()) {
                            skipped.add(new Skipped(rel, "special file (not copied)"));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    @NonNullByDefault({})
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        skipped.add(new Skipped(relative(abs, file), "cannot be read: " + e.getMessage()));
                        return FileVisitResult.CONTINUE;
                    }
                });
        Path fileName = abs.getFileName();
        return new CardTree(fileName == null ? "card" : fileName.toString(), files, skipped);
    }

    private static String relative(Path root, Path file) {
        Path rel = root.relativize(file);
        StringBuilder b = new StringBuilder();
        for (Path part : rel) {
            if (!b.isEmpty()) {
                b.append('/');
            }
            b.append(part);
        }
        return b.toString();
    }

    /** The card's name: the volume or folder name. */
    public String name() {
        return name;
    }

    /** Every regular file, sorted by path. */
    public List<CardFile> files() {
        return files;
    }

    /** What was found but is not a regular file or could not be read. */
    public List<Skipped> skipped() {
        return skipped;
    }

    /** Every folder that holds a file (at any depth), sorted. */
    public Set<String> folders() {
        return folders;
    }

    public Optional<CardFile> file(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /** A file by path ignoring case (cards from FAT/exFAT are case-insensitive). */
    public Optional<CardFile> fileIgnoreCase(String path) {
        return Optional.ofNullable(byLowerPath.get(path.toLowerCase(Locale.ROOT)));
    }

    /** True if the folder exists (holds at least one file); {@code ignoreCase} compares without case. */
    public boolean hasFolder(String path, boolean ignoreCase) {
        return ignoreCase ? lowerFolders.contains(path.toLowerCase(Locale.ROOT)) : folders.contains(path);
    }

    /** The folder as spelled on the card, found ignoring case. */
    public Optional<String> folderIgnoreCase(String path) {
        String key = path.toLowerCase(Locale.ROOT);
        return folders.stream().filter(f -> f.toLowerCase(Locale.ROOT).equals(key)).findFirst();
    }

    /** Files directly in {@code folder} (empty string = card root). */
    public List<CardFile> filesIn(String folder) {
        return filesUnder(folder).stream().filter(f -> f.folder().equals(folder)).toList();
    }

    /** Files in {@code folder} and below; a binary search in the sorted list, so cheap on big cards. */
    public List<CardFile> filesUnder(String folder) {
        if (folder.isEmpty()) {
            return files;
        }
        String prefix = folder + "/";
        int from = lowerBound(prefix);
        int to = from;
        while (to < files.size() && files.get(to).path().startsWith(prefix)) {
            to++;
        }
        return files.subList(from, to);
    }

    /** The first index whose path is not below {@code key} in String order. */
    private int lowerBound(String key) {
        int lo = 0;
        int hi = files.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (files.get(mid).path().compareTo(key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The names of the folders directly in {@code folder} (empty string = card root), sorted. */
    public List<String> childFolders(String folder) {
        String prefix = folder.isEmpty() ? "" : folder + "/";
        Set<String> names = new TreeSet<>();
        for (String f : prefix.isEmpty() ? folders : folders.subSet(prefix, prefix + Character.MAX_VALUE)) {
            String rest = f.substring(prefix.length());
            int i = rest.indexOf('/');
            names.add(i < 0 ? rest : rest.substring(0, i));
        }
        names.remove("");
        return List.copyOf(names);
    }
}
