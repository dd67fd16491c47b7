-- Also the weekly digest of monitoring (monitoring_digests, at the end).
-- « Préparer la stratégie suivante »: a strategy prepared from the previous one, with what was carried and
-- what was not (report_json, as the page says it), and the notes the previous strategy leaves on the
-- carried elements: recommendations of its evaluations, lessons learnt, unfinished activities, new
-- baselines. A note's element is a kind and an ID in the new strategy (« strategie » for the whole).
-- One next strategy per strategy: the unique index holds when two preparations run at once.
CREATE TABLE strategy_revisions (
    strategy_id INTEGER PRIMARY KEY REFERENCES strategies(id) ON DELETE CASCADE,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    previous_id INTEGER NOT NULL REFERENCES strategies(id) ON DELETE CASCADE,
    report_json TEXT NOT NULL DEFAULT '{}',
    created_at DATETIME NOT NULL
);
CREATE INDEX strategy_revisions_authority ON strategy_revisions(authority_id, previous_id);
CREATE UNIQUE INDEX strategy_revisions_previous ON strategy_revisions(previous_id);

CREATE TABLE revision_notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    strategy_id INTEGER NOT NULL REFERENCES strategies(id) ON DELETE CASCADE,
    element_kind TEXT NOT NULL,
    element_id INTEGER NOT NULL,
    source TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX revision_notes_strategy ON revision_notes(authority_id, strategy_id);
CREATE INDEX revision_notes_strategy_fk ON revision_notes(strategy_id);

-- The weekly digest of what each person must update: one row per person, authority and ISO week
-- (« 2026-W49 »), written before the mail is sent, so that several instances send it once.
CREATE TABLE monitoring_digests (
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    week TEXT NOT NULL,
    sent_at DATETIME NOT NULL,
    PRIMARY KEY (authority_id, user_id, week)
);
CREATE INDEX monitoring_digests_user ON monitoring_digests(user_id);
