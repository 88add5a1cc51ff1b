-- Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
-- Cartwright schema: projects, their work-unit trees, routing templates and sticky device assignments.
-- Settings are inherited project -> work units (root to leaf) -> assignment; in every table a NULL
-- setting column means "inherit", a value replaces the inherited one (tokens and channel_rules merge
-- key by key). Assignments are never updated except to close them: reassigning a device closes the
-- current row (ended_at) and inserts a new one, so the history of every device stays complete.
-- Every change writes its activity row in the same transaction.

-- A routing template: ordered channels (template_channel), unmatched mode, quarantine channel, tokens.
-- Exchanged as JSON files (docs/templates.md); the columns mirror that format.
CREATE TABLE template (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    name               TEXT NOT NULL COLLATE NOCASE UNIQUE, -- the template's name, unique ignoring case
    description        TEXT NOT NULL DEFAULT '',
    unmatched          TEXT NOT NULL CHECK (unmatched IN ('ignore', 'quarantine', 'fail')), -- files no channel takes
    quarantine_name    TEXT NOT NULL,                      -- name of the quarantine channel
    quarantine_dest    TEXT NOT NULL,                      -- destination pattern of the quarantine channel
    quarantine_conflict TEXT NOT NULL CHECK (quarantine_conflict IN ('append', 'version', 'replace-if-newer', 'fail')),
    tokens             TEXT NOT NULL DEFAULT '{}',         -- JSON object: custom token name -> default value
    created_at         TEXT NOT NULL,                      -- ISO-8601 UTC
    updated_at         TEXT NOT NULL                       -- ISO-8601 UTC of the last import or edit
);

-- The channels of a template, in matching order.
CREATE TABLE template_channel (
    template    INTEGER NOT NULL REFERENCES template(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,                          -- 0-based matching order
    name        TEXT NOT NULL COLLATE NOCASE,              -- unique within the template, ignoring case
    match       TEXT NOT NULL DEFAULT '[]',                -- JSON array of matchers {kind, value, on?, ignoreCase?}; [] takes every file
    exclude     TEXT NOT NULL DEFAULT '[]',                -- JSON array of matchers that keep a file out
    destination TEXT NOT NULL,                             -- destination pattern with tokens ({project}/{day}/...)
    conflict    TEXT NOT NULL CHECK (conflict IN ('append', 'version', 'replace-if-newer', 'fail')),
    PRIMARY KEY (template, position),
    UNIQUE (template, name)
);

-- A show: its defaults for every work unit and assignment below it.
CREATE TABLE project (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    name           TEXT NOT NULL COLLATE NOCASE UNIQUE,    -- also the {project} token: a safe folder name
    description    TEXT NOT NULL DEFAULT '',
    template       INTEGER REFERENCES template(id),        -- routing template; NULL = the default layout ({card}/{path})
    destinations   TEXT,                                   -- JSON array of destination roots, primary first, then backups
    hashes         TEXT,                                   -- JSON array of hash algorithm ids (xxh3, md5, ...)
    retention_days INTEGER CHECK (retention_days IS NULL OR retention_days >= 0), -- days to keep card contents after offload
    auto_offload   TEXT CHECK (auto_offload IS NULL OR auto_offload IN ('on-mount', 'confirm', 'manual')),
    source_roots   TEXT,                                   -- JSON array of card-relative source roots (overrides layout detection)
    tokens         TEXT,                                   -- JSON object: custom token -> value
    channel_rules  TEXT,                                   -- JSON object: channel -> {destination?, conflict?}
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);

-- The work-unit tree of a project (phase, day, location, unit, camera, other), any depth.
CREATE TABLE work_unit (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    project        INTEGER NOT NULL REFERENCES project(id),
    parent         INTEGER REFERENCES work_unit(id),       -- NULL = directly under the project
    name           TEXT NOT NULL COLLATE NOCASE,           -- a safe folder name, unique among its siblings
    kind           TEXT NOT NULL CHECK (kind IN ('phase', 'day', 'location', 'unit', 'camera', 'other')),
    position       INTEGER NOT NULL,                       -- order among siblings (creation order)
    template       INTEGER REFERENCES template(id),        -- overrides, NULL = inherit (as in project)
    destinations   TEXT,
    hashes         TEXT,
    retention_days INTEGER CHECK (retention_days IS NULL OR retention_days >= 0),
    auto_offload   TEXT CHECK (auto_offload IS NULL OR auto_offload IN ('on-mount', 'confirm', 'manual')),
    source_roots   TEXT,
    tokens         TEXT,
    channel_rules  TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE UNIQUE INDEX work_unit_top ON work_unit(project, name) WHERE parent IS NULL;
CREATE UNIQUE INDEX work_unit_child ON work_unit(parent, name) WHERE parent IS NOT NULL;

-- Which work unit and role a device (card, drive, recorder) belongs to, with its own overrides.
-- One open row per device (ended_at IS NULL); closed rows are the history and are never changed.
CREATE TABLE assignment (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    device_id      INTEGER NOT NULL,                       -- the device registry's id (no foreign key: owned by the device bundle)
    project        INTEGER NOT NULL REFERENCES project(id),
    work_unit      INTEGER NOT NULL REFERENCES work_unit(id),
    role           TEXT NOT NULL,                          -- camera role: A-CAM, B-CAM, SOUND, ... ({role} token)
    camera         TEXT NOT NULL DEFAULT '',               -- camera letter or name for {cam}; empty = from the unit tree or the role
    operator       TEXT NOT NULL,                          -- who assigned it
    assigned_at    TEXT NOT NULL,                          -- ISO-8601 UTC
    ended_at       TEXT,                                   -- ISO-8601 UTC when reassigned or released; NULL = current
    ended_by       TEXT,                                   -- who ended it
    end_reason     TEXT,                                   -- reassigned to ..., released, ...
    template       INTEGER REFERENCES template(id),        -- overrides, NULL = inherit (as in project)
    destinations   TEXT,
    hashes         TEXT,
    retention_days INTEGER CHECK (retention_days IS NULL OR retention_days >= 0),
    auto_offload   TEXT CHECK (auto_offload IS NULL OR auto_offload IN ('on-mount', 'confirm', 'manual')),
    source_roots   TEXT,
    tokens         TEXT,
    channel_rules  TEXT
);
CREATE UNIQUE INDEX assignment_current ON assignment(device_id) WHERE ended_at IS NULL;
CREATE INDEX assignment_device ON assignment(device_id, id);
CREATE INDEX assignment_unit ON assignment(work_unit);
