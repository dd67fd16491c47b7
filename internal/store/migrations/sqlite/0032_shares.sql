-- Capitalisation by consent: what an authority shares of one of its strategies with the other authorities on
-- the platform. view_json is the filtered view peers read (package sharing), written when the authority
-- shares or updates its share, so that nothing but what passed the filter is ever read by a peer; it is the
-- last column, so that a search scanning the others never reads it. search_key is folded text (no accents,
-- lower case) the library's words are looked for in. Withdrawing a share deletes its row, its tags and its
-- partnerships.
CREATE TABLE shares (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    strategy_id INTEGER NOT NULL REFERENCES strategies(id) ON DELETE CASCADE,
    scope INTEGER NOT NULL,
    licence TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT '',
    population_band TEXT NOT NULL DEFAULT '',
    region_code TEXT NOT NULL DEFAULT '',
    shared_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    search_key TEXT NOT NULL DEFAULT '',
    view_json TEXT NOT NULL,
    UNIQUE (authority_id, strategy_id)
);
CREATE INDEX shares_updated ON shares(updated_at);

-- What the library filters a share by, one row each: « pays:SN », « theme:eau-et-assainissement », « odd:6 ».
CREATE TABLE share_tags (
    share_id INTEGER NOT NULL REFERENCES shares(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (tag, share_id)
);
CREATE INDEX share_tags_share ON share_tags(share_id);

-- One row per shared partnership and country, for the atlas: « qui d'autre travaille au Sénégal ? ».
CREATE TABLE shared_partnerships (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    share_id INTEGER NOT NULL REFERENCES shares(id) ON DELETE CASCADE,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    partner TEXT NOT NULL,
    partner_key TEXT NOT NULL,
    country TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT '',
    themes TEXT NOT NULL DEFAULT '',
    themes_key TEXT NOT NULL DEFAULT ' ',
    start_year INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX shared_partnerships_country ON shared_partnerships(country, partner_key, authority_id);
CREATE INDEX shared_partnerships_share ON shared_partnerships(share_id);

-- Elements copied from a peer's share keep where they come from, as text: it outlives the share.
ALTER TABLE objectives ADD COLUMN provenance TEXT NOT NULL DEFAULT '';
ALTER TABLE results ADD COLUMN provenance TEXT NOT NULL DEFAULT '';
ALTER TABLE indicators ADD COLUMN provenance TEXT NOT NULL DEFAULT '';
ALTER TABLE risks ADD COLUMN provenance TEXT NOT NULL DEFAULT '';
