-- The funding catalogue's edits by the platform administrator. The binary ships the catalogue
-- (internal/funding/catalogue.json); each saved edit of a programme is a new version here, the latest one
-- in force, so earlier versions stay readable and a programme removed (retired) stays known to the plans
-- that use it.
CREATE TABLE funding_programme_versions (
    code TEXT NOT NULL,
    version INTEGER NOT NULL,
    programme_json TEXT NOT NULL,
    saved_at DATETIME NOT NULL,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    user_label TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (code, version)
);

-- The authority's choice of organisation for its international service (the guide's table of
-- attachments): one row per authority, absent until first saved.
CREATE TABLE organisation_choices (
    authority_id INTEGER PRIMARY KEY REFERENCES authorities(id) ON DELETE CASCADE,
    attachment TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    referents TEXT NOT NULL DEFAULT '',
    task_force BOOLEAN NOT NULL DEFAULT FALSE,
    job_descriptions BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);

-- The authority's memberships of networks (CUF, AFCCRE, RRMA…): what each costs and what it returns.
CREATE TABLE network_memberships (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    network TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    fee_cents INTEGER,
    travel_cents INTEGER,
    involvement TEXT NOT NULL DEFAULT '',
    services TEXT NOT NULL DEFAULT '',
    return_rating INTEGER NOT NULL DEFAULT 0,
    assessment TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX network_memberships_authority ON network_memberships(authority_id);
