-- The funding catalogue's edits by the platform administrator. The binary ships the catalogue
-- (internal/funding/catalogue.json); each saved edit of a programme is a new version here, the latest one
-- in force, so earlier versions stay readable and a programme removed (retired) stays known to the plans
-- that use it.
CREATE TABLE funding_programme_versions (
    code TEXT NOT NULL,
    version BIGINT NOT NULL,
    programme_json TEXT NOT NULL,
    saved_at TIMESTAMPTZ NOT NULL,
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    user_label TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (code, version)
);
