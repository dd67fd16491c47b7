-- ProConnect sign-in. An identity is the provider's subject within one federated identity provider
-- (idp_id), tied to one account; the account is reached by it from then on, whatever its email becomes.
CREATE TABLE oidc_identities (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    issuer TEXT NOT NULL,
    subject TEXT NOT NULL,
    idp_id TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL,
    siret TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL,
    last_seen_at DATETIME NOT NULL,
    UNIQUE (issuer, subject, idp_id)
);
CREATE INDEX oidc_identities_user ON oidc_identities(user_id);

-- A sign-in under way, found by the hash of its state when the provider sends the browser back; used
-- once (deleted), so a replayed state finds nothing.
CREATE TABLE oidc_flows (
    state_hash TEXT PRIMARY KEY,
    nonce TEXT NOT NULL,
    verifier TEXT NOT NULL,
    next_path TEXT NOT NULL DEFAULT '',
    expires_at DATETIME NOT NULL
);

-- A verified identity whose email is an existing account's, waiting for the person to prove the account
-- is theirs (its password once, or a link sent to the address) before the two are tied.
CREATE TABLE oidc_links (
    token_hash TEXT PRIMARY KEY,
    email_token_hash TEXT UNIQUE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    issuer TEXT NOT NULL,
    subject TEXT NOT NULL,
    idp_id TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL,
    siret TEXT NOT NULL DEFAULT '',
    id_token TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL,
    expires_at DATETIME NOT NULL
);
CREATE INDEX oidc_links_user ON oidc_links(user_id);

-- The ID token of a session opened through ProConnect, sent back as id_token_hint on sign-out so the
-- provider's session ends too; '' for a password sign-in.
ALTER TABLE sessions ADD COLUMN id_token TEXT NOT NULL DEFAULT '';
