-- Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
-- Cartwright schema v3: the device registry. A device is one medium as Cartwright knows it (a camera
-- card, a shuttle or backup drive, one partition of it), recognised on every mount by its identities
-- (hardware serial of the medium, or a synthetic id from its filesystem; see docs/devices.md).
-- Devices seen but never registered stay UNREGISTERED (registered_at IS NULL) and are never treated
-- as project media. Every row written here has its activity row in the same transaction
-- (subject_kind 'device', subject_id = device.id).

-- One medium. The facts columns hold what the newest mount reported.
CREATE TABLE device (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    name             TEXT NOT NULL DEFAULT '',          -- the user's name for it (A001, SHUTTLE-2); empty until registered
    registered_at    TEXT,                              -- ISO-8601 UTC of the explicit registration; NULL = unregistered
    role             TEXT NOT NULL DEFAULT 'source'
                     CHECK (role IN ('source', 'backup', 'shared', 'system')), -- source = read-only to us
    barcode          TEXT UNIQUE,                       -- scanned label value; NULL if none
    vendor           TEXT NOT NULL DEFAULT '',          -- device vendor as the OS reports it (may be the reader's)
    model            TEXT NOT NULL DEFAULT '',          -- device model as the OS reports it (may be the reader's)
    serial           TEXT NOT NULL DEFAULT '',          -- hardware serial of the medium itself; empty if none is known
    bus              TEXT NOT NULL DEFAULT 'unknown',   -- usb, sd, thunderbolt, sata, nvme, scsi, firewire, image, virtual, network, unknown
    removable        INTEGER NOT NULL DEFAULT 0 CHECK (removable IN (0, 1)), -- detachable while running
    fs_type          TEXT NOT NULL DEFAULT '',          -- canonical filesystem type (exfat, fat32, ntfs, ext4, ...)
    fs_id            TEXT NOT NULL DEFAULT '',          -- filesystem UUID / volume serial as the OS shows it (6BAE-D987)
    label            TEXT NOT NULL DEFAULT '',          -- volume label; informative only, never an identity
    capacity         INTEGER NOT NULL DEFAULT 0,        -- bytes of the partition or medium
    mount_generation INTEGER NOT NULL DEFAULT 0,        -- the newest generation handed out; +1 on every new mount appearance
    first_seen       TEXT NOT NULL,                     -- ISO-8601 UTC
    last_seen        TEXT NOT NULL                      -- ISO-8601 UTC of the newest mount or unmount
);

-- The keys a device is recognised by. A device has several over its life: its hardware serial key,
-- and one filesystem key per filesystem it carried (a format through Cartwright links the new one).
CREATE TABLE device_identity (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    device     INTEGER NOT NULL REFERENCES device(id),
    key        TEXT NOT NULL UNIQUE,                    -- canonical key: hw:v1:... or fs:v1:... (docs/devices.md)
    kind       TEXT NOT NULL CHECK (kind IN ('hardware', 'filesystem')),
    origin     TEXT NOT NULL CHECK (origin IN ('mount', 'format')), -- seen on a mount, or linked by the format path
    serial     TEXT NOT NULL DEFAULT '',                -- hardware kind: the serial; filesystem kind: empty
    vendor     TEXT NOT NULL DEFAULT '',
    model      TEXT NOT NULL DEFAULT '',
    fs_type    TEXT NOT NULL DEFAULT '',                -- filesystem kind: canonical type
    fs_id      TEXT NOT NULL DEFAULT '',                -- filesystem kind: id as the OS shows it
    label      TEXT NOT NULL DEFAULT '',                -- label seen with this identity (never part of the key)
    capacity   INTEGER NOT NULL DEFAULT 0,              -- bytes of the partition or medium
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL
);
CREATE INDEX device_identity_device ON device_identity(device);

-- One mount appearance of a device. The generation increases by one per appearance, so a card
-- pulled and put back (even into the same reader, at the same place) has a new generation; the
-- format lock compares it.
CREATE TABLE mount_event (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    device         INTEGER NOT NULL REFERENCES device(id),
    generation     INTEGER NOT NULL,                    -- 1, 2, 3, ... per device
    mount_key      TEXT NOT NULL UNIQUE,                -- the OS appearance key (Linux: boot id + unique mount id)
    identity       INTEGER REFERENCES device_identity(id), -- the identity that recognised the device
    matched_by     TEXT NOT NULL CHECK (matched_by IN ('hardware', 'filesystem', 'new')), -- how; new = first sighting
    mount_point    TEXT NOT NULL,
    device_node    TEXT NOT NULL DEFAULT '',
    read_only      INTEGER NOT NULL DEFAULT 0 CHECK (read_only IN (0, 1)),
    mounted_at     TEXT NOT NULL,                       -- ISO-8601 UTC the mount was recorded
    unmounted_at   TEXT,                                -- ISO-8601 UTC; NULL while mounted
    unmount_reason TEXT NOT NULL DEFAULT '',            -- empty when seen live; 'gone' when found missing at start
    UNIQUE (device, generation)
);
CREATE INDEX mount_event_open ON mount_event(device, unmounted_at);

-- The rest of a device's lifetime history: registration, role, barcode and name changes, formats
-- (filesystem links), transfers and assignments recorded by other parts of Cartwright.
CREATE TABLE device_event (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    device INTEGER NOT NULL REFERENCES device(id),
    at     TEXT NOT NULL,                               -- ISO-8601 UTC
    kind   TEXT NOT NULL,                               -- registered, role, barcode, renamed, format, transfer, assignment, identity
    actor  TEXT NOT NULL,                               -- user or component
    detail TEXT NOT NULL DEFAULT ''                     -- free text for people
);
CREATE INDEX device_event_device ON device_event(device, at);
