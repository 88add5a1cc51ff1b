/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.HashValue;
import io.cartwright.store.Activity;
import io.cartwright.store.ActivityLog;
import io.cartwright.store.Store;
import io.cartwright.transfer.ConflictPolicy;
import io.cartwright.transfer.DestinationState;
import io.cartwright.transfer.FileState;
import io.cartwright.transfer.FileStatus;
import io.cartwright.transfer.JobInfo;
import io.cartwright.transfer.JobState;
import io.cartwright.transfer.OffloadRequest;
import io.cartwright.transfer.Problem;
import io.cartwright.transfer.VerifiedCopy;
import io.cartwright.transfer.VerifiedFile;
import io.cartwright.transfer.VerifyMode;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Every read and write of the transfer tables (schema V002). Each state change is one
 * {@link Store#write} transaction that also appends its activity row, so the journal and the audit
 * log can never disagree (engine rule 4). Thread-safe (the store serialises writes).
 */
final class JobJournal {

    private static final String ACTOR = "transfer";

    private final Store store;

    JobJournal(Store store) {
        this.store = store;
    }

    // ---------------------------------------------------------------- jobs

    long createJob(OffloadRequest r, String sourceIdentity) {
        return store.write(c -> {
            String now = Times.now();
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO transfer_job(name, source, source_identity, "
                    + "state, algorithms, conflict_policy, write_limit_bps, concurrency, checkpoint_interval, "
                    + "created_at, updated_at, seal_scopes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", PreparedStatement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, r.name());
                ps.setString(2, r.source().toString());
                ps.setString(3, sourceIdentity);
                ps.setString(4, JobState.RUNNING.id());
                ps.setString(5, r.algorithms().stream().map(HashAlgorithm::id).collect(Collectors.joining(",")));
                ps.setString(6, r.conflictPolicy().id());
                ps.setLong(7, r.writeLimitBytesPerSecond());
                ps.setInt(8, r.concurrency());
                ps.setLong(9, r.checkpointIntervalBytes());
                ps.setString(10, now);
                ps.setString(11, now);
                ps.setString(12, r.planned() ? String.join("\n", r.sealScopes()) : null);
                ps.executeUpdate();
                id = generatedKey(ps);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO transfer_dest(job, idx, root, state, updated_at) VALUES (?,?,?,?,?)")) {
                for (int i = 0; i < r.destinations().size(); i++) {
                    ps.setLong(1, id);
                    ps.setInt(2, i);
                    ps.setString(3, r.destinations().get(i).toString());
                    ps.setString(4, DestinationState.ACTIVE.id());
                    ps.setString(5, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            activity(c, "job", id, "transfer.job.created", "'" + r.name() + "' from " + r.source() + " to "
                    + r.destinations().stream().map(Path::toString).collect(Collectors.joining(", ")));
            return id;
        });
    }

    void jobState(long job, JobState state, String reason, String action) {
        store.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE transfer_job SET state = ?, reason = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, state.id());
                ps.setString(2, reason);
                ps.setString(3, Times.now());
                ps.setLong(4, job);
                ps.executeUpdate();
            }
            activity(c, "job", job, action, reason);
            return null;
        });
    }

    void destinationState(long job, int index, DestinationState state, String reason) {
        store.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE transfer_dest SET state = ?, reason = ?, updated_at = ? WHERE job = ? AND idx = ?")) {
                ps.setString(1, state.id());
                ps.setString(2, reason);
                ps.setString(3, Times.now());
                ps.setLong(4, job);
                ps.setInt(5, index);
                ps.executeUpdate();
            }
            activity(c, "job", job, "transfer.destination." + state.id(),
                    "destination " + index + (reason.isEmpty() ? "" : ": " + reason));
            return null;
        });
    }

    Optional<StoredJob> loadJob(long job) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name, source, source_identity, state, reason, "
                    + "algorithms, conflict_policy, write_limit_bps, concurrency, checkpoint_interval, created_at, "
                    + "updated_at, seal_scopes FROM transfer_job WHERE id = ?")) {
                ps.setLong(1, job);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    List<StoredJob.Dest> dests = destinations(c, job);
                    List<HashAlgorithm> algorithms = new ArrayList<>();
                    for (String id : rs.getString(6).split(",")) {
                        algorithms.add(HashAlgorithm.parse(id));
                    }
                    OffloadRequest request = new OffloadRequest(Path.of(rs.getString(2)),
                            dests.stream().map(StoredJob.Dest::root).toList(), rs.getString(1), algorithms,
                            ConflictPolicy.parse(rs.getString(7)), rs.getLong(8), rs.getInt(9), rs.getLong(10),
                            null, List.of());
                    String scopes = rs.getString(13);
                    if (scopes != null) {
                        request = request.withTargets(targets(c, job),
                                scopes.isEmpty() ? List.of() : List.of(scopes.split("\n")));
                    }
                    return Optional.of(new StoredJob(job, request, rs.getString(3), JobState.parse(rs.getString(4)),
                            rs.getString(5), dests, Instant.parse(rs.getString(11)), Instant.parse(rs.getString(12))));
                }
            }
        });
    }

    /** The planned targets journalled with a job's files, by relative path. */
    private static Map<String, String> targets(Connection c, long job) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT rel_path, target_path FROM transfer_file WHERE job = ? AND target_path IS NOT NULL")) {
            ps.setLong(1, job);
            Map<String, String> map = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    map.put(rs.getString(1), rs.getString(2));
                }
            }
            return map;
        }
    }

    private static List<StoredJob.Dest> destinations(Connection c, long job) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT idx, root, state, reason FROM transfer_dest WHERE job = ? ORDER BY idx")) {
            ps.setLong(1, job);
            List<StoredJob.Dest> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new StoredJob.Dest(rs.getInt(1), Path.of(rs.getString(2)),
                            DestinationState.parse(rs.getString(3)), rs.getString(4)));
                }
            }
            return list;
        }
    }

    OptionalLong findResumable(OffloadRequest r) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM transfer_job WHERE source = ? AND name = ? "
                    + "AND state IN ('running', 'interrupted', 'failed') ORDER BY id DESC")) {
                ps.setString(1, r.source().toString());
                ps.setString(2, r.name());
                List<Long> candidates = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(rs.getLong(1));
                    }
                }
                for (long id : candidates) {
                    List<Path> roots = destinations(c, id).stream().map(StoredJob.Dest::root).toList();
                    if (roots.equals(r.destinations())) {
                        return OptionalLong.of(id);
                    }
                }
                return OptionalLong.empty();
            }
        });
    }

    List<JobInfo> jobs(@Nullable Long only) {
        return store.read(c -> {
            String sql = "SELECT j.id, j.name, j.source, j.state, j.reason, j.created_at, j.updated_at, "
                    + "(SELECT count(*) FROM transfer_file f WHERE f.job = j.id), "
                    + "(SELECT count(*) FROM transfer_file f WHERE f.job = j.id AND f.state = 'done'), "
                    + "(SELECT count(*) FROM transfer_file f WHERE f.job = j.id AND f.state = 'failed'), "
                    + "(SELECT coalesce(sum(size), 0) FROM transfer_file f WHERE f.job = j.id) "
                    + "FROM transfer_job j" + (only == null ? "" : " WHERE j.id = ?") + " ORDER BY j.id DESC";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (only != null) {
                    ps.setLong(1, only);
                }
                List<JobInfo> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        list.add(new JobInfo(id, rs.getString(2), Path.of(rs.getString(3)),
                                destinations(c, id).stream().map(StoredJob.Dest::root).toList(),
                                JobState.parse(rs.getString(4)), rs.getString(5), Instant.parse(rs.getString(6)),
                                Instant.parse(rs.getString(7)), rs.getInt(8), rs.getInt(9), rs.getInt(10),
                                rs.getLong(11)));
                    }
                }
                return list;
            }
        });
    }

    /** Replaces the job's issues with those of the latest scan (a resume rescans the card). */
    void replaceIssues(long job, List<Problem> warnings, List<Problem> failures) {
        store.write(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM transfer_issue WHERE job = ?")) {
                del.setLong(1, job);
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO transfer_issue(job, rel_path, "
                    + "severity, reason, created_at) VALUES (?,?,?,?,?)")) {
                String now = Times.now();
                for (Problem p : warnings) {
                    addIssue(ps, job, p, "warning", now);
                }
                for (Problem p : failures) {
                    addIssue(ps, job, p, "failure", now);
                }
                ps.executeBatch();
            }
            if (!warnings.isEmpty() || !failures.isEmpty()) {
                activity(c, "job", job, "transfer.job.scan-issues",
                        warnings.size() + " warning(s), " + failures.size() + " failure(s) on the source");
            }
            return null;
        });
    }

    private static void addIssue(PreparedStatement ps, long job, Problem p, String severity, String now)
            throws SQLException {
        ps.setLong(1, job);
        ps.setString(2, p.path());
        ps.setString(3, severity);
        ps.setString(4, p.reason());
        ps.setString(5, now);
        ps.addBatch();
    }

    // ---------------------------------------------------------------- files: planning

    /** All files of a job with copies and source hashes, keyed by relative path. */
    Map<String, StoredFile> loadFiles(long job) {
        return store.read(c -> {
            Map<Long, Map<Integer, StoredFile.Copy>> copies = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT d.file, d.dest, d.state, d.final_path, d.reason, "
                    + "d.verify_mode, d.verified_at, d.dest_mtime_ns, d.verified_in_job FROM transfer_file_dest d "
                    + "JOIN transfer_file f ON f.id = d.file WHERE f.job = ?")) {
                ps.setLong(1, job);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        copies.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getInt(2), copy(rs));
                    }
                }
            }
            Map<Long, Map<HashAlgorithm, HashValue>> hashes = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT h.file, h.algorithm, h.value FROM file_hash h "
                    + "JOIN transfer_file f ON f.id = h.file WHERE f.job = ? AND h.side = 'source' ORDER BY h.id")) {
                ps.setLong(1, job);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        HashAlgorithm a = HashAlgorithm.parse(rs.getString(2));
                        hashes.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(HashAlgorithm.class))
                                .put(a, new HashValue(a, rs.getString(3)));
                    }
                }
            }
            Map<String, StoredFile> files = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, rel_path, size, mtime_ns, state, reason, "
                    + "attempts, checkpoint_offset, checkpoint_state FROM transfer_file WHERE job = ? ORDER BY id")) {
                ps.setLong(1, job);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        files.put(rs.getString(2), new StoredFile(id, rs.getString(2), rs.getLong(3), rs.getLong(4),
                                FileState.parse(rs.getString(5)), rs.getString(6), rs.getInt(7), rs.getLong(8),
                                rs.getBytes(9), copies.getOrDefault(id, Map.of()), hashes.getOrDefault(id, Map.of())));
                    }
                }
            }
            return files;
        });
    }

    private static StoredFile.Copy copy(ResultSet rs) throws SQLException {
        String mode = rs.getString(6);
        long mtime = rs.getLong(8);
        Long destMtime = rs.wasNull() ? null : mtime;
        long inJob = rs.getLong(9);
        Long verifiedInJob = rs.wasNull() ? null : inJob;
        return new StoredFile.Copy(rs.getInt(2), StoredFile.CopyState.valueOf(rs.getString(3).toUpperCase(java.util.Locale.ROOT)),
                Path.of(rs.getString(4)), rs.getString(5), mode == null ? null : VerifyMode.parse(mode),
                rs.getString(7), destMtime, verifiedInJob);
    }

    /** Inserts newly found files as queued, in one transaction; returns their ids by relative path. */
    Map<String, Long> insertFiles(long job, List<ScannedFile> files) {
        return insertFiles(job, files, rel -> null);
    }

    /** As {@link #insertFiles(long, List)}, journalling each file's planned target (null = none). */
    Map<String, Long> insertFiles(long job, List<ScannedFile> files,
            java.util.function.Function<String, @Nullable String> target) {
        if (files.isEmpty()) {
            return Map.of();
        }
        return store.write(c -> {
            Map<String, Long> ids = new HashMap<>();
            String now = Times.now();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO transfer_file(job, rel_path, size, mtime_ns, "
                    + "state, updated_at, target_path) VALUES (?,?,?,?,'queued',?,?)",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                for (ScannedFile f : files) {
                    ps.setLong(1, job);
                    ps.setString(2, f.relativePath());
                    ps.setLong(3, f.size());
                    ps.setLong(4, f.mtimeNanos());
                    ps.setString(5, now);
                    ps.setString(6, target.apply(f.relativePath()));
                    ps.executeUpdate();
                    ids.put(f.relativePath(), generatedKey(ps));
                }
            }
            activity(c, "job", job, "transfer.job.planned", files.size() + " file(s) queued");
            return ids;
        });
    }

    /** The source file changed since it was journalled: start it over (its old copies are not its copies any more). */
    void requeueChanged(long job, long file, String rel, long size, long mtimeNanos, String reason) {
        store.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE transfer_file SET size = ?, mtime_ns = ?, "
                    + "state = 'queued', reason = ?, checkpoint_offset = 0, checkpoint_state = NULL, updated_at = ? "
                    + "WHERE id = ?")) {
                ps.setLong(1, size);
                ps.setLong(2, mtimeNanos);
                ps.setString(3, reason);
                ps.setString(4, Times.now());
                ps.setLong(5, file);
                ps.executeUpdate();
            }
            exec(c, "DELETE FROM transfer_file_dest WHERE file = ?", file);
            exec(c, "DELETE FROM file_hash WHERE file = ?", file);
            activity(c, "file", file, "transfer.file.queued", detail(job, rel, reason));
            return null;
        });
    }

    // ---------------------------------------------------------------- files: state machine

    /** A plain transition ({@code queued}, {@code verifying}, {@code done}, {@code failed}). */
    void fileState(long job, long file, String rel, FileState state, String reason) {
        store.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE transfer_file SET state = ?, reason = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, state.id());
                ps.setString(2, reason);
                ps.setString(3, Times.now());
                ps.setLong(4, file);
                ps.executeUpdate();
            }
            if (state == FileState.DONE || state == FileState.FAILED) {
                exec(c, "UPDATE transfer_file SET checkpoint_offset = 0, checkpoint_state = NULL WHERE id = ?", file);
            }
            activity(c, "file", file, "transfer.file." + state.id(), detail(job, rel, reason));
            return null;
        });
    }

    /** {@code reading}: the source is about to be opened for the {@code attempts}-th time. */
    void fileReading(long job, long file, String rel, int attempts, long fromOffset) {
        store.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE transfer_file SET state = 'reading', reason = '', "
                    + "attempts = ?, updated_at = ? WHERE id = ?")) {
                ps.setInt(1, attempts);
                ps.setString(2, Times.now());
                ps.setLong(3, file);
                ps.executeUpdate();
            }
            activity(c, "file", file, "transfer.file.reading", detail(job, rel, "attempt " + attempts
                    + (fromOffset > 0 ? ", continuing from checkpoint at byte " + fromOffset : "")));
            return null;
        });
    }

    /** {@code writing}: the source was read completely; its hashes are journalled with the transition. */
    void fileRead(long job, long file, String rel, Map<HashAlgorithm, HashValue> sourceHashes) {
        store.write(c -> {
            String now = Times.now();
            try (PreparedStatement ps = c.prepareStatement("UPDATE transfer_file SET state = 'writing', "
                    + "checkpoint_offset = 0, checkpoint_state = NULL, updated_at = ? WHERE id = ?")) {
                ps.setString(1, now);
                ps.setLong(2, file);
                ps.executeUpdate();
            }
            exec(c, "DELETE FROM file_hash WHERE file = ? AND side = 'source'", file);
            insertHashes(c, file, sourceHashes, "source", null, now);
            activity(c, "file", file, "transfer.file.writing", detail(job, rel, sourceHashes.values().stream()
                    .map(HashValue::toString).collect(Collectors.joining(" "))));
            return null;
        });
    }

    /** Durable progress of a large file: every destination's temporary file is fsynced up to {@code offset}. */
    void checkpoint(long job, long file, String rel, long offset, byte[] hashState) {
        store.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE transfer_file SET checkpoint_offset = ?, "
                    + "checkpoint_state = ?, updated_at = ? WHERE id = ?")) {
                ps.setLong(1, offset);
                ps.setBytes(2, hashState);
                ps.setString(3, Times.now());
                ps.setLong(4, file);
                ps.executeUpdate();
            }
            activity(c, "file", file, "transfer.file.checkpoint", detail(job, rel, "byte " + offset));
            return null;
        });
    }

    void clearCheckpoint(long file) {
        store.write(c -> {
            exec(c, "UPDATE transfer_file SET checkpoint_offset = 0, checkpoint_state = NULL WHERE id = ?", file);
            return null;
        });
    }

    /** An activity row about a file that is not a state change (a verification mismatch, a restart). */
    void fileNote(long job, long file, String rel, String action, String text) {
        store.write(c -> {
            activity(c, "file", file, action, detail(job, rel, text));
            return null;
        });
    }

    // ---------------------------------------------------------------- copies

    /** Journals where this run's copies go (the names chosen under the version policy included). */
    void copiesPending(long file, List<Target> targets) {
        store.write(c -> {
            for (Target t : targets) {
                upsertCopy(c, file, t.destination().index(), StoredFile.CopyState.PENDING, t.finalPath(), "");
            }
            return null;
        });
    }

    /** A copy matched the source hash on re-read; journalled before it is renamed into place. */
    void copyVerified(long job, long file, String rel, int dest, Path finalPath, VerifyMode mode, long destMtimeNanos,
            HashValue destinationHash) {
        store.write(c -> {
            String now = Times.now();
            upsertCopy(c, file, dest, StoredFile.CopyState.DONE, finalPath, "");
            try (PreparedStatement ps = c.prepareStatement("UPDATE transfer_file_dest SET verify_mode = ?, "
                    + "verified_at = ?, dest_mtime_ns = ?, verified_in_job = ? WHERE file = ? AND dest = ?")) {
                ps.setString(1, mode.id());
                ps.setString(2, now);
                ps.setLong(3, destMtimeNanos);
                ps.setLong(4, job);
                ps.setLong(5, file);
                ps.setInt(6, dest);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM file_hash WHERE file = ? AND side = 'destination' AND dest = ?")) {
                ps.setLong(1, file);
                ps.setInt(2, dest);
                ps.executeUpdate();
            }
            insertHashes(c, file, Map.of(destinationHash.algorithm(), destinationHash), "destination", dest, now);
            activity(c, "file", file, "transfer.copy.verified", detail(job, rel, "destination " + dest + " "
                    + finalPath + " " + destinationHash + " (" + mode.id() + ")"));
            return null;
        });
    }

    void copyFailed(long job, long file, String rel, int dest, Path finalPath, String reason) {
        copyEnded(job, file, rel, dest, finalPath, StoredFile.CopyState.FAILED, reason);
    }

    void copyKept(long job, long file, String rel, int dest, Path finalPath, String reason) {
        copyEnded(job, file, rel, dest, finalPath, StoredFile.CopyState.KEPT, reason);
    }

    private void copyEnded(long job, long file, String rel, int dest, Path finalPath, StoredFile.CopyState state,
            String reason) {
        store.write(c -> {
            upsertCopy(c, file, dest, state, finalPath, reason);
            activity(c, "file", file, "transfer.copy." + state.name().toLowerCase(java.util.Locale.ROOT),
                    detail(job, rel, "destination " + dest + ": " + reason));
            return null;
        });
    }

    /** Takes over a verification journalled by another job for the same file at the same path. */
    void adoptEarlier(long job, long file, String rel, int dest, Path finalPath, EarlierCopy earlier) {
        store.write(c -> {
            if (count(c, "SELECT count(*) FROM file_hash WHERE file = ? AND side = 'source'", file) == 0) {
                insertHashes(c, file, earlier.sourceHashes(), "source", null, earlier.verifiedAt());
            }
            upsertCopy(c, file, dest, StoredFile.CopyState.DONE, finalPath, "");
            try (PreparedStatement ps = c.prepareStatement("UPDATE transfer_file_dest SET verify_mode = ?, "
                    + "verified_at = ?, dest_mtime_ns = ?, verified_in_job = ? WHERE file = ? AND dest = ?")) {
                ps.setString(1, earlier.mode().id());
                ps.setString(2, earlier.verifiedAt());
                ps.setLong(3, earlier.destMtimeNanos());
                ps.setLong(4, earlier.jobId());
                ps.setLong(5, file);
                ps.setInt(6, dest);
                ps.executeUpdate();
            }
            exec(c, "DELETE FROM file_hash WHERE file = ? AND side = 'destination' AND dest = " + dest, file);
            insertHashes(c, file, earlier.destinationHashes(), "destination", dest, earlier.verifiedAt());
            activity(c, "file", file, "transfer.copy.verified-earlier", detail(job, rel, "destination " + dest + " "
                    + finalPath + " verified by job " + earlier.jobId() + " at " + earlier.verifiedAt()));
            return null;
        });
    }

    /**
     * The newest verified copy any job journalled at {@code finalPath} for a source file of this size
     * and modification time, with its hashes.
     */
    Optional<EarlierCopy> findEarlierVerified(Path finalPath, long size, long mtimeNanos, long excludeFile) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT f.job, f.id, d.verify_mode, d.verified_at, "
                    + "d.dest_mtime_ns, d.dest FROM transfer_file_dest d JOIN transfer_file f ON f.id = d.file "
                    + "WHERE d.final_path = ? AND d.state = 'done' AND f.size = ? AND f.mtime_ns = ? AND f.id <> ? "
                    + "AND d.dest_mtime_ns IS NOT NULL ORDER BY f.job DESC, d.verified_at DESC LIMIT 1")) {
                ps.setString(1, finalPath.toString());
                ps.setLong(2, size);
                ps.setLong(3, mtimeNanos);
                ps.setLong(4, excludeFile);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long fileId = rs.getLong(2);
                    int dest = rs.getInt(6);
                    return Optional.of(new EarlierCopy(rs.getLong(1), fileId, VerifyMode.parse(rs.getString(3)),
                            rs.getString(4), rs.getLong(5), hashes(c, fileId, "source", null),
                            hashes(c, fileId, "destination", dest)));
                }
            }
        });
    }

    private static Map<HashAlgorithm, HashValue> hashes(Connection c, long file, String side, @Nullable Integer dest)
            throws SQLException {
        String sql = "SELECT algorithm, value FROM file_hash WHERE file = ? AND side = ?"
                + (dest == null ? "" : " AND dest = " + dest) + " ORDER BY id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, file);
            ps.setString(2, side);
            Map<HashAlgorithm, HashValue> map = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    HashAlgorithm a = HashAlgorithm.parse(rs.getString(1));
                    map.put(a, new HashValue(a, rs.getString(2)));
                }
            }
            return map;
        }
    }

    // ---------------------------------------------------------------- results

    List<Problem> issues(long job, String severity) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT rel_path, reason FROM transfer_issue WHERE job = ? AND severity = ? ORDER BY id")) {
                ps.setLong(1, job);
                ps.setString(2, severity);
                List<Problem> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new Problem(rs.getString(1), rs.getString(2)));
                    }
                }
                return list;
            }
        });
    }

    /** Files of the job with a verified copy on destination {@code dest}. */
    int verifiedCount(long job, int dest) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM transfer_file_dest d "
                    + "JOIN transfer_file f ON f.id = d.file WHERE f.job = ? AND d.dest = ? AND d.state = 'done'")) {
                ps.setLong(1, job);
                ps.setInt(2, dest);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /** Every file of a job with its state and number of verified copies, in path order. */
    List<FileStatus> files(long job) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT f.rel_path, f.size, f.state, f.attempts, f.reason, "
                    + "(SELECT count(*) FROM transfer_file_dest d WHERE d.file = f.id AND d.state = 'done') "
                    + "FROM transfer_file f WHERE f.job = ? ORDER BY f.rel_path")) {
                ps.setLong(1, job);
                List<FileStatus> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new FileStatus(rs.getString(1), rs.getLong(2), FileState.parse(rs.getString(3)),
                                rs.getInt(4), rs.getString(5), rs.getInt(6)));
                    }
                }
                return list;
            }
        });
    }

    /** True when this destination has copies verified by this job and no ASC MHL generation for it yet. */
    boolean needsSeal(long job, int dest) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT t.mhl_manifest IS NULL AND EXISTS ("
                    + "SELECT 1 FROM transfer_file_dest d JOIN transfer_file f ON f.id = d.file "
                    + "WHERE f.job = t.job AND d.dest = t.idx AND d.state = 'done' AND d.verified_in_job = t.job) "
                    + "FROM transfer_dest t WHERE t.job = ? AND t.idx = ?")) {
                ps.setLong(1, job);
                ps.setInt(2, dest);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        });
    }

    /** Records the ASC MHL generation written for a destination, with its activity row. */
    void sealed(long job, int dest, Path manifest, String detail) {
        store.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE transfer_dest SET mhl_manifest = ?, updated_at = ? WHERE job = ? AND idx = ?")) {
                ps.setString(1, manifest.toString());
                ps.setString(2, Times.now());
                ps.setLong(3, job);
                ps.setInt(4, dest);
                ps.executeUpdate();
            }
            activity(c, "job", job, "transfer.destination.sealed", "destination " + dest + ": " + detail);
            return null;
        });
    }

    /** Files with at least one verified copy, in path order, with source hashes in request order. */
    List<VerifiedFile> verifiedFiles(StoredJob job) {
        return store.read(c -> {
            Map<Integer, Path> roots = new HashMap<>();
            for (StoredJob.Dest d : job.destinations()) {
                roots.put(d.index(), d.root());
            }
            Map<Long, List<VerifiedCopy>> copies = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT d.file, d.dest, d.final_path, d.verify_mode, "
                    + "d.verified_at FROM transfer_file_dest d JOIN transfer_file f ON f.id = d.file "
                    + "WHERE f.job = ? AND d.state = 'done' ORDER BY d.file, d.dest")) {
                ps.setLong(1, job.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int dest = rs.getInt(2);
                        copies.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new VerifiedCopy(dest,
                                roots.get(dest), Path.of(rs.getString(3)), VerifyMode.parse(rs.getString(4)),
                                Instant.parse(rs.getString(5))));
                    }
                }
            }
            Map<Long, Map<HashAlgorithm, HashValue>> hashes = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT h.file, h.algorithm, h.value FROM file_hash h "
                    + "JOIN transfer_file f ON f.id = h.file WHERE f.job = ? AND h.side = 'source'")) {
                ps.setLong(1, job.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        HashAlgorithm a = HashAlgorithm.parse(rs.getString(2));
                        hashes.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(HashAlgorithm.class))
                                .put(a, new HashValue(a, rs.getString(3)));
                    }
                }
            }
            List<VerifiedFile> files = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, rel_path, size, mtime_ns FROM transfer_file WHERE job = ? ORDER BY rel_path")) {
                ps.setLong(1, job.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        List<VerifiedCopy> list = copies.get(id);
                        if (list == null) {
                            continue;
                        }
                        Map<HashAlgorithm, HashValue> all = hashes.getOrDefault(id, Map.of());
                        Map<HashAlgorithm, HashValue> ordered = new LinkedHashMap<>();
                        for (HashAlgorithm a : job.request().algorithms()) {
                            if (all.containsKey(a)) {
                                ordered.put(a, all.get(a));
                            }
                        }
                        files.add(new VerifiedFile(rs.getString(2), rs.getLong(3), Times.instant(rs.getLong(4)),
                                ordered, List.copyOf(list), list.size() == job.destinations().size()));
                    }
                }
            }
            return files;
        });
    }

    // ---------------------------------------------------------------- helpers

    private static void upsertCopy(Connection c, long file, int dest, StoredFile.CopyState state, Path finalPath,
            String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO transfer_file_dest(file, dest, state, final_path, "
                + "reason) VALUES (?,?,?,?,?) ON CONFLICT(file, dest) DO UPDATE SET state = excluded.state, "
                + "final_path = excluded.final_path, reason = excluded.reason")) {
            ps.setLong(1, file);
            ps.setInt(2, dest);
            ps.setString(3, state.name().toLowerCase(java.util.Locale.ROOT));
            ps.setString(4, finalPath.toString());
            ps.setString(5, reason);
            ps.executeUpdate();
        }
    }

    private static void insertHashes(Connection c, long file, Map<HashAlgorithm, HashValue> values, String side,
            @Nullable Integer dest, String at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO file_hash(file, algorithm, value, side, dest, hashed_at) VALUES (?,?,?,?,?,?)")) {
            for (HashValue v : values.values()) {
                ps.setLong(1, file);
                ps.setString(2, v.algorithm().id());
                ps.setString(3, v.text());
                ps.setString(4, side);
                if (dest == null) {
                    ps.setNull(5, Types.INTEGER);
                } else {
                    ps.setInt(5, dest);
                }
                ps.setString(6, at);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void exec(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    private static long count(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = query(ps, id)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static ResultSet query(PreparedStatement ps, long id) throws SQLException {
        ps.setLong(1, id);
        return ps.executeQuery();
    }

    private static long generatedKey(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no id was generated");
            }
            return keys.getLong(1);
        }
    }

    private static void activity(Connection c, String kind, long id, String action, String detail)
            throws SQLException {
        ActivityLog.append(c, Activity.now(ACTOR, kind, Long.toString(id), action, detail));
    }

    private static String detail(long job, String rel, String text) {
        return "job " + job + ": " + rel + (text == null || text.isEmpty() ? "" : " - " + text);
    }
}
