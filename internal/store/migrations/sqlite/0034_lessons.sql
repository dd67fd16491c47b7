-- Lessons learned, from evaluations or free notes, tagged by country, theme and kind of difficulty; shared
-- with the platform's other authorities only when shared is ticked. search_key is folded text.
CREATE TABLE lessons (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    theme TEXT NOT NULL DEFAULT '',
    difficulty TEXT NOT NULL DEFAULT '',
    shared BOOLEAN NOT NULL DEFAULT FALSE,
    search_key TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX lessons_authority ON lessons(authority_id, updated_at);
CREATE INDEX lessons_shared ON lessons(shared, updated_at);
