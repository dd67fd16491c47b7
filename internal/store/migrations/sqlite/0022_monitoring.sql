-- Suivi et évaluation: the actual value of each indicator for each period its periodicity defines, one row per
-- indicator and period (entering it again changes it; the audit log keeps the earlier values), with its
-- review and lock; and, per indicator, the member who keeps it up to date and its weight in the roll-up.
-- Days are ISO text (« 2027-12-31 »), which sorts in date order on both databases. An unknown value is NULL,
-- never 0; an unset weight is NULL (the roll-up then counts the indicator once).
CREATE TABLE indicator_measurements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    period_key TEXT NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    value TEXT,
    value_text TEXT NOT NULL DEFAULT '',
    measured_on TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    comment TEXT NOT NULL DEFAULT '',
    evidence TEXT NOT NULL DEFAULT '',
    entered_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    entered_name TEXT NOT NULL DEFAULT '',
    review TEXT NOT NULL DEFAULT 'saisie',
    locked BOOLEAN NOT NULL DEFAULT FALSE,
    change_reason TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (indicator_id, period_key)
);
CREATE INDEX indicator_measurements_authority ON indicator_measurements(authority_id, indicator_id);
CREATE INDEX indicator_measurements_entered_by ON indicator_measurements(entered_by);

CREATE TABLE indicator_owners (
    indicator_id INTEGER PRIMARY KEY REFERENCES indicators(id) ON DELETE CASCADE,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    weight INTEGER,
    updated_at DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX indicator_owners_user ON indicator_owners(authority_id, user_id);
CREATE INDEX indicator_owners_user_fk ON indicator_owners(user_id);
