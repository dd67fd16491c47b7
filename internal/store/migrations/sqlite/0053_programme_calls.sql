-- The calls for applications of the catalogue's programmes: those the platform enters (authority_id NULL,
-- seen by every authority) and those an authority adds for itself.
CREATE TABLE programme_calls (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER REFERENCES authorities(id) ON DELETE CASCADE,
    programme TEXT NOT NULL,
    title TEXT NOT NULL,
    opens_on TEXT NOT NULL DEFAULT '', -- ISO days; empty when not announced
    deadline TEXT NOT NULL,
    decision_on TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX programme_calls_deadline ON programme_calls(deadline);
CREATE INDEX programme_calls_authority ON programme_calls(authority_id);
