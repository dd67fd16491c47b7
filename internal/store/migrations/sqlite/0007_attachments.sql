-- Files attached to records (a partnership's agreement, later documents and evidence). The bytes live on
-- disk under <data dir>/attachments/<authority_id>/<storage_key>; this row says whose they are and what they are.
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    storage_key TEXT NOT NULL,
    uploaded_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at DATETIME NOT NULL,
    UNIQUE (authority_id, storage_key)
);
