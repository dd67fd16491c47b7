-- What the user chose for a strategy's document on the documents page: the sections left out (keys, one per
-- line) and a free text per section (JSON object by key).
CREATE TABLE document_settings (
    authority_id BIGINT NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    strategy_id BIGINT NOT NULL REFERENCES strategies(id) ON DELETE CASCADE,
    omitted TEXT NOT NULL DEFAULT '',
    texts_json TEXT NOT NULL DEFAULT '',
    updated_at TIMESTAMPTZ NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (authority_id, strategy_id)
);
