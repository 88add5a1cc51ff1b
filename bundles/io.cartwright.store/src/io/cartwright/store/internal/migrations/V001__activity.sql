-- Cartwright schema v1: the append-only activity log that every later table reports into.
CREATE TABLE activity (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    at           TEXT NOT NULL,              -- ISO-8601 UTC instant
    actor        TEXT NOT NULL,              -- user or component
    subject_kind TEXT NOT NULL,              -- job, file, device, store, ...
    subject_id   TEXT NOT NULL,
    action       TEXT NOT NULL,              -- short verb phrase
    detail       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX activity_subject ON activity(subject_kind, subject_id);
