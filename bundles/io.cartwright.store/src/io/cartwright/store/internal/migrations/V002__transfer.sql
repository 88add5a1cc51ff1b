-- Cartwright schema v2: offload jobs. A job copies one source (a card folder or mounted volume) to a
-- primary and N backup destinations. Every file has a journalled state machine
-- (queued -> reading -> writing -> verifying -> done | failed), one row per destination copy, and
-- every hash computed. States change in one transaction together with their activity row.
-- Tables and columns are documented in /* */ comments, which (unlike -- comments, stripped by the
-- migration runner) stay in the schema that `sqlite3 cartwright.db .schema` prints.

CREATE TABLE transfer_job (
    /* One offload: source, options, overall state. */
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    name                TEXT NOT NULL, /* job name, usually the card or roll name (A001) */
    source              TEXT NOT NULL, /* absolute path of the source folder or mount point */
    source_identity     TEXT NOT NULL DEFAULT '', /* source filesystem facts at planning: store name, type, capacity */
    state               TEXT NOT NULL CHECK (state IN ('running', 'done', 'failed', 'interrupted')),
    reason              TEXT NOT NULL DEFAULT '', /* why the job failed or stopped; empty when done */
    algorithms          TEXT NOT NULL, /* comma-separated hash ids (xxh3,md5); the first one verifies copies */
    conflict_policy     TEXT NOT NULL, /* fail | skip-identical | version | replace-if-newer */
    write_limit_bps     INTEGER NOT NULL DEFAULT 0, /* write limit of each destination in bytes per second; 0 = none */
    concurrency         INTEGER NOT NULL DEFAULT 1, /* files in flight at once */
    checkpoint_interval INTEGER NOT NULL, /* bytes between resume checkpoints of one large file */
    seal_scopes         TEXT, /* NULL: no routing plan, files keep their card paths; else the plan's ASC MHL scope folders, one per line (may be empty) */
    created_at          TEXT NOT NULL, /* ISO-8601 UTC */
    updated_at          TEXT NOT NULL /* ISO-8601 UTC of the last state change */
);
CREATE INDEX transfer_job_source ON transfer_job(source, name);

CREATE TABLE transfer_dest (
    /* The destinations of a job, in the order given: idx 0 is the primary, 1.. the backups. */
    job        INTEGER NOT NULL REFERENCES transfer_job(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL, /* 0 = primary, 1.. = backups */
    root       TEXT NOT NULL, /* absolute copy root: a file lands at root/rel_path */
    state      TEXT NOT NULL CHECK (state IN ('active', 'done', 'failed')),
    reason     TEXT NOT NULL DEFAULT '', /* why the destination failed (full, gone, write error) */
    mhl_manifest TEXT, /* the ASC MHL generation this job wrote into root/ascmhl/ once every file was verified */
    updated_at TEXT NOT NULL,
    PRIMARY KEY (job, idx)
);

CREATE TABLE transfer_file (
    /* One regular file of the source. Symbolic links, special files and unreadable folders are in
       transfer_issue instead: they are reported, never copied and never silently dropped. */
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    job               INTEGER NOT NULL REFERENCES transfer_job(id) ON DELETE CASCADE,
    rel_path          TEXT NOT NULL, /* path below the source root, '/'-separated, name kept as found (NFC or NFD) */
    size              INTEGER NOT NULL, /* bytes, as planned from the source */
    mtime_ns          INTEGER NOT NULL, /* source modification time, nanoseconds since 1970-01-01 UTC */
    state             TEXT NOT NULL CHECK (state IN ('queued', 'reading', 'writing', 'verifying', 'done', 'failed')),
    reason            TEXT NOT NULL DEFAULT '', /* why it failed; empty otherwise */
    attempts          INTEGER NOT NULL DEFAULT 0, /* how many times the source was read for this file */
    checkpoint_offset INTEGER NOT NULL DEFAULT 0, /* bytes already fsynced to every destination's temporary file */
    checkpoint_state  BLOB, /* serialised hash state at checkpoint_offset (MultiHasher.checkpoint) */
    target_path       TEXT, /* planned path below every destination root ('/'-separated); NULL without a routing plan (= rel_path) */
    updated_at        TEXT NOT NULL,
    UNIQUE (job, rel_path)
);
CREATE INDEX transfer_file_state ON transfer_file(job, state);

CREATE TABLE transfer_file_dest (
    /* One copy of a file on one destination. */
    file            INTEGER NOT NULL REFERENCES transfer_file(id) ON DELETE CASCADE,
    dest            INTEGER NOT NULL, /* transfer_dest.idx within the file's job */
    state           TEXT NOT NULL CHECK (state IN ('pending', 'done', 'failed', 'kept')), /* kept = an existing file left in place by the conflict policy */
    final_path      TEXT NOT NULL, /* absolute path of the copy (name (1).ext under the version policy) */
    reason          TEXT NOT NULL DEFAULT '',
    verify_mode     TEXT, /* how the copy was re-read: direct (O_DIRECT) | fadvise (page cache dropped) | cached */
    verified_at     TEXT, /* ISO-8601 UTC of the verifying re-read */
    verified_in_job INTEGER, /* job whose run verified it (an earlier job when a re-run found it verified) */
    dest_mtime_ns   INTEGER, /* the copy's modification time as read back, checked before skipping on resume */
    PRIMARY KEY (file, dest)
);
CREATE INDEX transfer_file_dest_path ON transfer_file_dest(final_path);

CREATE TABLE file_hash (
    /* Every hash computed: of the source read, and of each destination re-read. */
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    file      INTEGER NOT NULL REFERENCES transfer_file(id) ON DELETE CASCADE,
    algorithm TEXT NOT NULL, /* xxh3, xxh128, xxh64, md5, sha1, sha256, c4 */
    value     TEXT NOT NULL, /* canonical text: lower-case hex, or the c4 id */
    side      TEXT NOT NULL CHECK (side IN ('source', 'destination')),
    dest      INTEGER, /* transfer_dest.idx for side = destination; NULL for source */
    hashed_at TEXT NOT NULL /* ISO-8601 UTC */
);
CREATE INDEX file_hash_file ON file_hash(file);

CREATE TABLE transfer_issue (
    /* Things found on the source that are not copied but must be reported: symbolic links and special
       files (warnings), folders that cannot be listed (failures). */
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    job        INTEGER NOT NULL REFERENCES transfer_job(id) ON DELETE CASCADE,
    rel_path   TEXT NOT NULL, /* path below the source root */
    severity   TEXT NOT NULL CHECK (severity IN ('warning', 'failure')),
    reason     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (job, rel_path, reason)
);
