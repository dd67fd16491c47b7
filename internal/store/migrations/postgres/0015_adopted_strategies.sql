-- A strategy already adopted is registered with its adoption date, at the precision the document gives
-- (« 2020 », « 2020-12 », « 2020-12-17 »); '' when unknown or not adopted yet.
ALTER TABLE strategies ADD COLUMN adopted_on TEXT NOT NULL DEFAULT '';

-- Which strategy of an authority a signed-in session is looking at, chosen with the selector in every
-- strategy page's header; without a row, pages show the one in preparation, else the one in force.
CREATE TABLE session_strategies (
    token_hash TEXT NOT NULL REFERENCES sessions(token_hash) ON DELETE CASCADE,
    authority_id BIGINT NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    strategy_id BIGINT NOT NULL REFERENCES strategies(id) ON DELETE CASCADE,
    PRIMARY KEY (token_hash, authority_id)
);
