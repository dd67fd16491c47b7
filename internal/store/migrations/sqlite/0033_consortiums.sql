-- Joint projects several authorities carry together (capitalisation, « porter des projets collectifs »).
-- lead_authority_id proposed it; consortium_members holds every authority asked, the lead included, with
-- its answer and its share of the financing (share_cents NULL while unknown). Each member's own records
-- are untouched: the space holds only what the members write in it.
CREATE TABLE consortiums (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    lead_authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    theme TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL
);

CREATE TABLE consortium_members (
    consortium_id INTEGER NOT NULL REFERENCES consortiums(id) ON DELETE CASCADE,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    share_cents INTEGER,
    share_note TEXT NOT NULL DEFAULT '',
    invited_at DATETIME NOT NULL,
    answered_at DATETIME,
    PRIMARY KEY (consortium_id, authority_id)
);
CREATE INDEX consortium_members_authority ON consortium_members(authority_id, status);

CREATE TABLE consortium_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    consortium_id INTEGER NOT NULL REFERENCES consortiums(id) ON DELETE CASCADE,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    held_on TEXT NOT NULL,
    created_at DATETIME NOT NULL
);
CREATE INDEX consortium_events_consortium ON consortium_events(consortium_id, held_on);
