-- Comments on the elements of a strategy (objectives, results, activities, indicators, SWOT items,
-- stakeholders, the strategy itself), one level of replies, and the notifications their mentions send.
-- element_kind and element_id name the element; strategy_id is the strategy the comment was written in
-- (a stakeholder belongs to the authority, its comments to the strategy being prepared). A deleted comment
-- keeps its row, emptied, while replies hang under it.
CREATE TABLE comments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    strategy_id INTEGER NOT NULL REFERENCES strategies(id) ON DELETE CASCADE,
    element_kind TEXT NOT NULL,
    element_id INTEGER NOT NULL,
    parent_id INTEGER REFERENCES comments(id) ON DELETE CASCADE,
    author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    text TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'a-traiter',
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    edited_at DATETIME,
    deleted_at DATETIME,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX comments_element ON comments(authority_id, element_kind, element_id);
CREATE INDEX comments_strategy ON comments(authority_id, strategy_id, state);
CREATE INDEX comments_parent ON comments(parent_id);

CREATE TABLE notifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    comment_id INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
    created_at DATETIME NOT NULL,
    read_at DATETIME,
    UNIQUE (user_id, comment_id)
);
CREATE INDEX notifications_user ON notifications(authority_id, user_id, read_at);
CREATE INDEX notifications_comment ON notifications(comment_id);
