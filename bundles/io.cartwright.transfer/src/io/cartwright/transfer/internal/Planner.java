/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.cartwright.core.Printable;
import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.HashValue;
import io.cartwright.mhl.AscMhl;
import io.cartwright.transfer.ConflictPolicy;
import io.cartwright.transfer.FileState;
import io.cartwright.transfer.OffloadRequest;
import io.cartwright.transfer.Problem;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Reconciles the scanned source with the journal and the destinations, deciding per file and
 * destination what this run does (engine rules 4 and 6). It reads the destinations' metadata only:
 * a copy journalled as verified counts when the file is still there with the journalled size and
 * modification time and the source hash is journalled; a verified copy journalled by another job at
 * the same path is adopted on the same terms; any other existing file is a conflict for the policy.
 */
final class Planner {

    private final JobJournal journal;
    private final long jobId;
    private final OffloadRequest request;
    private final List<Destination> destinations;
    private final List<Problem> warnings = new ArrayList<>();
    private final List<Problem> failures = new ArrayList<>();
    /** How exFAT, FAT and NTFS treat names, for warnings about names copied where they are allowed. */
    private static final DestinationTraits WINDOWS_NAMES = new DestinationTraits(true, false,
            DestinationProbe.CANDIDATES);

    private final Set<String> collisionsWarned = new HashSet<>();
    private final Set<Path> plannedFinals = new HashSet<>();

    Planner(JobJournal journal, long jobId, OffloadRequest request, List<Destination> destinations) {
        this.journal = journal;
        this.jobId = jobId;
        this.request = request;
        this.destinations = destinations;
    }

    /** Warnings found while planning (name collisions, files kept by the policy are reported later). */
    List<Problem> warnings() {
        return warnings;
    }

    /** Journalled files that are gone from the source and were never verified. */
    List<Problem> failures() {
        return failures;
    }

    List<FileWork> plan(List<ScannedFile> all, Map<String, StoredFile> stored) throws IOException {
        // With a routing plan, files it does not copy were already decided (ignored, or refused the plan).
        List<ScannedFile> scanned = request.planned()
                ? all.stream().filter(f -> request.targetOf(f.relativePath()) != null).toList() : all;
        List<ScannedFile> fresh = new ArrayList<>();
        for (ScannedFile f : scanned) {
            if (!stored.containsKey(f.relativePath())) {
                fresh.add(f);
            }
        }
        Map<String, Long> newIds = journal.insertFiles(jobId, fresh,
                rel -> request.planned() ? request.targetOf(rel) : null);
        Set<String> onSource = new HashSet<>();
        List<FileWork> work = new ArrayList<>(scanned.size());
        for (ScannedFile f : scanned) {
            onSource.add(f.relativePath());
            StoredFile s = stored.get(f.relativePath());
            if (s == null) {
                work.add(planFile(new FileWork(f, newIds.get(f.relativePath()), 0), null));
            } else if (s.size() != f.size() || s.mtimeNanos() != f.mtimeNanos()) {
                journal.requeueChanged(jobId, s.id(), f.relativePath(), f.size(), f.mtimeNanos(),
                        "changed on the source since the last run (was " + s.size() + " bytes, modified "
                                + Times.instant(s.mtimeNanos()) + "); copying it again");
                work.add(planFile(new FileWork(f, s.id(), s.attempts()), null));
            } else {
                work.add(planFile(new FileWork(f, s.id(), s.attempts()), s));
            }
        }
        for (StoredFile s : stored.values()) {
            if (!onSource.contains(s.relativePath()) && s.state() != FileState.DONE) {
                String reason = "No longer on the source; it was not copied completely.";
                if (s.state() != FileState.FAILED || !s.reason().equals(reason)) {
                    journal.fileState(jobId, s.id(), s.relativePath(), FileState.FAILED, reason);
                }
                failures.add(new Problem(s.relativePath(), reason));
            }
        }
        return work;
    }

    private FileWork planFile(FileWork w, @Nullable StoredFile stored) throws IOException {
        ScannedFile f = w.file;
        boolean hashesComplete = stored != null
                && stored.sourceHashes().keySet().containsAll(request.algorithms());
        int verifiedHere = 0;
        String target = request.targetOf(f.relativePath());
        if (target == null) {
            throw new IllegalStateException(f.relativePath() + " was planned although the routing plan leaves it out");
        }
        warnAboutHarmlessCollisions(f);
        warnAboutNamesWindowsFilesystemsRefuse(target);
        for (Destination d : destinations) {
            StoredFile.Copy copy = stored == null ? null : stored.copies().get(d.index());
            Path finalPath = d.root().resolve(target);
            if (copy != null && copy.state() == StoredFile.CopyState.DONE && hashesComplete
                    && stillInPlace(copy.finalPath(), f.size(), copy.destMtimeNanos())) {
                verifiedHere++;
                plannedFinals.add(copy.finalPath());
                continue;
            }
            if (copy != null && copy.state() != StoredFile.CopyState.FAILED
                    && copy.state() != StoredFile.CopyState.KEPT) {
                finalPath = copy.finalPath(); // keeps a name chosen under the version policy
            }
            String refusal = refusal(f, d, target);
            if (refusal != null) {
                w.failAtPlan.add(new FileWork.Decision(d, finalPath, refusal));
                continue;
            }
            planDestination(w, d, finalPath, stored);
        }
        if (stored != null) {
            w.alreadyDone = stored.state() == FileState.DONE && verifiedHere == destinations.size();
            if (stored.checkpointOffset() > 0 && stored.checkpointState() != null
                    && (stored.state() == FileState.READING || stored.state() == FileState.WRITING)) {
                w.checkpointOffset = stored.checkpointOffset();
                w.checkpointState = stored.checkpointState();
            }
            if ((stored.state() == FileState.WRITING || stored.state() == FileState.VERIFYING) && hashesComplete) {
                w.storedSourceHashes = stored.sourceHashes();
            }
        }
        return w;
    }

    private void planDestination(FileWork w, Destination d, Path finalPath, @Nullable StoredFile stored)
            throws IOException {
        ScannedFile f = w.file;
        BasicFileAttributes existing;
        try {
            existing = Files.readAttributes(finalPath, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            existing = null;
        } catch (IOException e) {
            existing = null; // the destination may be failing; the write will tell, per destination
        }
        if (existing == null) {
            add(w, new Target(d, Target.Action.WRITE, finalPath));
            return;
        }
        Optional<EarlierCopy> earlier = journal.findEarlierVerified(finalPath, f.size(), f.mtimeNanos(), w.fileId);
        if (earlier.isPresent() && adoptable(earlier.get(), existing, f, stored)) {
            w.adopt.add(new FileWork.Adoption(d, finalPath, earlier.get()));
            plannedFinals.add(finalPath);
            return;
        }
        if (!existing.isRegularFile()) {
            if (request.conflictPolicy() == ConflictPolicy.VERSION) {
                add(w, new Target(d, Target.Action.WRITE, versioned(finalPath)));
            } else {
                w.failAtPlan.add(new FileWork.Decision(d, finalPath, "A folder or special file is in the way at "
                        + finalPath + "; it was left untouched. Move it, or use the version conflict policy."));
            }
            return;
        }
        switch (request.conflictPolicy()) {
            case FAIL -> w.failAtPlan.add(new FileWork.Decision(d, finalPath, "A file already exists at " + finalPath
                    + " that is not a verified copy of this file; conflict policy 'fail' left it untouched. "
                    + "Choose the skip-identical, version or replace-if-newer policy to go on."));
            case SKIP_IDENTICAL -> {
                if (existing.size() != f.size()) {
                    w.failAtPlan.add(new FileWork.Decision(d, finalPath, "A different file already exists at "
                            + finalPath + " (" + existing.size() + " bytes, the source has " + f.size()
                            + "); conflict policy 'skip-identical' left it untouched."));
                } else {
                    add(w, new Target(d, Target.Action.COMPARE, finalPath));
                }
            }
            case VERSION -> {
                // A re-run finds the versioned copy an earlier run verified instead of making another.
                Path candidate = versionedEarlier(w, d, finalPath, stored);
                if (candidate == null) {
                    add(w, new Target(d, Target.Action.WRITE, versioned(finalPath)));
                } else {
                    plannedFinals.add(candidate);
                }
            }
            case REPLACE_IF_NEWER -> {
                if (f.mtimeNanos() > Times.nanos(existing.lastModifiedTime())) {
                    add(w, new Target(d, Target.Action.REPLACE, finalPath));
                } else {
                    w.keep.add(new FileWork.Decision(d, finalPath, "Kept the existing file at " + finalPath
                            + ": it is not older than the source (modified " + existing.lastModifiedTime()
                            + "); conflict policy 'replace-if-newer' did not copy this file there."));
                }
            }
        }
    }

    private void add(FileWork w, Target t) {
        w.targets.add(t);
        plannedFinals.add(t.finalPath());
    }

    /** An earlier job's verified copy counts only if nothing about it or the source has changed. */
    private boolean adoptable(EarlierCopy e, BasicFileAttributes existing, ScannedFile f, @Nullable StoredFile stored) {
        if (!existing.isRegularFile() || existing.size() != f.size()
                || Times.nanos(existing.lastModifiedTime()) != e.destMtimeNanos()
                || !e.sourceHashes().keySet().containsAll(request.algorithms())
                || !e.destinationHashes().containsKey(request.verifyAlgorithm())
                || !e.destinationHashes().get(request.verifyAlgorithm())
                        .equals(e.sourceHashes().get(request.verifyAlgorithm()))) {
            return false;
        }
        if (stored != null) {
            for (Map.Entry<HashAlgorithm, HashValue> h : stored.sourceHashes().entrySet()) {
                HashValue other = e.sourceHashes().get(h.getKey());
                if (other != null && !other.equals(h.getValue())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean stillInPlace(Path file, long size, @Nullable Long mtimeNanos) {
        if (mtimeNanos == null) {
            return false;
        }
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() && a.size() == size && Times.nanos(a.lastModifiedTime()) == mtimeNanos;
        } catch (IOException e) {
            return false;
        }
    }

    /** The reason this file cannot go to {@code d} because of a name collision, or null. */
    private @Nullable String collision(ScannedFile f, Destination d) {
        for (NameCollision c : f.collisions()) {
            if (c.collidesOn(d.traits())) {
                String where = c.folder().isEmpty() ? "the card's top folder" : "folder '" + c.folder() + "'";
                return "Not copied to " + d.root() + ": " + NameCollision.quote(c.name()) + " and "
                        + NameCollision.quote(c.earlier()) + " in " + where
                        + " differ only in " + c.difference() + ", and that destination " + d.traits().describe()
                        + ", so one would overwrite the other. Copy it to a destination that compares names exactly.";
            }
        }
        return null;
    }

    /**
     * Why the file cannot go to {@code d} at {@code target} whatever the conflict policy (a path no
     * ASC MHL history can record, a name colliding with another on that filesystem, a character it
     * refuses), or null.
     */
    private @Nullable String refusal(ScannedFile f, Destination d, String target) {
        String refusal = unrecordable(target);
        if (refusal == null) {
            refusal = collision(f, d);
        }
        String refused = refusal == null ? refusedName(d, target) : null;
        return refused == null ? refusal : "Not copied to " + d.root() + ": " + refused + ". Rename it on the source, "
                + "or copy it to a destination that allows it.";
    }

    /**
     * Why {@code d} cannot hold a file or folder at {@code target} ('/'-separated, relative to its
     * root) because of a character its filesystem refuses in names ("the name ... has ':', which ..."),
     * or null.
     */
    static @Nullable String refusedName(Destination d, String target) {
        String[] names = target.split("/");
        for (int i = 0; i < names.length; i++) {
            String what = d.traits().refusedIn(names[i]);
            if (what != null) {
                return "the name " + Printable.quoted(names[i]) + (i < names.length - 1 ? " (a folder on its path)" : "")
                        + " has " + what + ", which that destination's filesystem does not allow in names";
            }
        }
        return null;
    }

    /**
     * Why a copy at {@code target} cannot be listed in an ASC MHL history (a control
     * character in its path, which XML cannot write), or null. Such a copy would leave the
     * destination unsealable, so it is not made at all.
     */
    private static @Nullable String unrecordable(String target) {
        if (AscMhl.canRecord(target)) {
            return null;
        }
        int i = 0;
        while (target.charAt(i) >= 0x20) {
            i++;
        }
        return "Not copied: the path " + Printable.quoted(target) + " has a control character (U+"
                + String.format("%04X", (int) target.charAt(i)) + "), which an ASC MHL history cannot record. Rename "
                + "it on the source.";
    }

    /**
     * A name with a character exFAT, FAT and NTFS refuse, copied where every destination allows it:
     * worth a warning, since the next copy of it, to a shuttle drive, will fail. Once per name (a
     * folder once, not again for each file in it).
     */
    private void warnAboutNamesWindowsFilesystemsRefuse(String target) {
        if (destinations.stream().anyMatch(d -> refusedName(d, target) != null)) {
            return; // it fails there, with the reason
        }
        String[] names = target.split("/");
        for (int i = 0; i < names.length; i++) {
            String what = WINDOWS_NAMES.refusedIn(names[i]);
            String path = String.join("/", Arrays.copyOf(names, i + 1));
            if (what != null && AscMhl.canRecord(names[i]) && collisionsWarned.add("refused:" + path)) {
                warnings.add(new Problem(path, Printable.quoted(names[i]) + " has " + what + ", which exFAT, FAT32 and NTFS "
                        + "do not allow in names. It was copied here, but a copy of it to such a drive (a shuttle, "
                        + "an editor's disk) will fail; consider renaming it."));
            }
        }
    }

    /** Collisions that no destination of this job suffers from are still worth a warning. */
    private void warnAboutHarmlessCollisions(ScannedFile f) {
        for (NameCollision c : f.collisions()) {
            boolean hurts = destinations.stream().anyMatch(d -> c.collidesOn(d.traits()));
            if (!hurts && collisionsWarned.add(c.folder() + "/" + c.name())) {
                String path = c.folder().isEmpty() ? c.name() : c.folder() + "/" + c.name();
                warnings.add(new Problem(path, NameCollision.quote(c.name()) + " and " + NameCollision.quote(c.earlier())
                        + " differ only in "
                        + c.difference() + ". Both were copied, but they would overwrite each other on a "
                        + "filesystem that ignores that difference (exFAT, FAT32, NTFS, APFS)."));
            }
        }
    }

    /**
     * Looks through the existing {@code stem (n).ext} names beside {@code path} for a verified copy of
     * this file journalled by an earlier job; adopts and returns it, or returns null.
     */
    private @Nullable Path versionedEarlier(FileWork w, Destination d, Path path, @Nullable StoredFile stored)
            throws IOException {
        ScannedFile f = w.file;
        for (int n = 1;; n++) {
            Path candidate = versionName(path, n);
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(candidate, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return null;
            }
            Optional<EarlierCopy> e = journal.findEarlierVerified(candidate, f.size(), f.mtimeNanos(), w.fileId);
            if (e.isPresent() && adoptable(e.get(), a, f, stored)) {
                w.adopt.add(new FileWork.Adoption(d, candidate, e.get()));
                return candidate;
            }
        }
    }

    private static Path versionName(Path path, int n) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        return path.resolveSibling(stem + " (" + n + ")" + ext);
    }

    /** The first free {@code stem (n).ext} beside {@code path}. */
    private Path versioned(Path path) {
        for (int n = 1;; n++) {
            Path candidate = versionName(path, n);
            if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS) && !plannedFinals.contains(candidate)) {
                return candidate;
            }
        }
    }
}
