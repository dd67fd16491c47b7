-- The council's votes that adopted a strategy, each with the document as it was adopted: the snapshot
-- (internal/document's JSON), its content hash, and the ODT and PDF made from it then. A row is never
-- changed once written: the trigger refuses any update, so the adopted version stays what was voted.
CREATE TABLE strategy_adoptions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    strategy_id INTEGER NOT NULL REFERENCES strategies(id) ON DELETE CASCADE,
    adopted_on TEXT NOT NULL,
    body TEXT NOT NULL,
    number TEXT NOT NULL DEFAULT '',
    result TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL,
    snapshot BLOB NOT NULL,
    odt BLOB NOT NULL,
    pdf BLOB NOT NULL,
    recorded_by TEXT NOT NULL DEFAULT '',
    recorded_at DATETIME NOT NULL
);
CREATE INDEX strategy_adoptions_strategy ON strategy_adoptions(authority_id, strategy_id);
CREATE TRIGGER strategy_adoptions_frozen BEFORE UPDATE ON strategy_adoptions
    BEGIN SELECT RAISE(ABORT, 'strategy_adoptions: an adopted version cannot be changed'); END;
