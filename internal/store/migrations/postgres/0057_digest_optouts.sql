-- The people who asked not to receive the weekly digest by email: a person's choice, across workspaces.
CREATE TABLE digest_optouts (
    user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL
);
