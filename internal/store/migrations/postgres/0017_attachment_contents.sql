-- Attachments' bytes move into the database, so that several instances on one PostgreSQL need no shared
-- disk and one backup holds everything. Files already on disk are moved in by the store right after the
-- migrations (Store.Migrate), since SQL cannot read them.
CREATE TABLE attachment_contents (
    attachment_id BIGINT PRIMARY KEY REFERENCES attachments(id) ON DELETE CASCADE,
    authority_id BIGINT NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    data BYTEA NOT NULL
);
