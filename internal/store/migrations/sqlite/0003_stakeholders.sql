-- Stakeholder map (issue 4): actors scored on the guide's criteria, the authority's engagement, relations
-- between actors, and uploads kept between an import's preview and its confirmation.
CREATE TABLE stakeholders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    contact TEXT NOT NULL DEFAULT '',
    territory TEXT NOT NULL DEFAULT '',
    themes TEXT NOT NULL DEFAULT '',
    power_utilitarian INTEGER NOT NULL DEFAULT 0 CHECK (power_utilitarian BETWEEN 0 AND 3),
    power_utilitarian_comment TEXT NOT NULL DEFAULT '',
    power_normative INTEGER NOT NULL DEFAULT 0 CHECK (power_normative BETWEEN 0 AND 3),
    power_normative_comment TEXT NOT NULL DEFAULT '',
    power_mobilising INTEGER NOT NULL DEFAULT 0 CHECK (power_mobilising BETWEEN 0 AND 3),
    power_mobilising_comment TEXT NOT NULL DEFAULT '',
    power_coercive INTEGER NOT NULL DEFAULT 0 CHECK (power_coercive BETWEEN 0 AND 3),
    power_coercive_comment TEXT NOT NULL DEFAULT '',
    legitimacy_public_good INTEGER NOT NULL DEFAULT 0 CHECK (legitimacy_public_good BETWEEN 0 AND 3),
    legitimacy_public_good_comment TEXT NOT NULL DEFAULT '',
    legitimacy_representation INTEGER NOT NULL DEFAULT 0 CHECK (legitimacy_representation BETWEEN 0 AND 3),
    legitimacy_representation_comment TEXT NOT NULL DEFAULT '',
    interest_object INTEGER NOT NULL DEFAULT 0 CHECK (interest_object BETWEEN 0 AND 3),
    interest_object_comment TEXT NOT NULL DEFAULT '',
    interest_type INTEGER NOT NULL DEFAULT 0 CHECK (interest_type BETWEEN 0 AND 3),
    interest_type_comment TEXT NOT NULL DEFAULT '',
    context_prior_experience BOOLEAN NOT NULL DEFAULT FALSE,
    context_prior_experience_comment TEXT NOT NULL DEFAULT '',
    context_circumstances BOOLEAN NOT NULL DEFAULT FALSE,
    context_circumstances_comment TEXT NOT NULL DEFAULT '',
    context_wider_decisions BOOLEAN NOT NULL DEFAULT FALSE,
    context_wider_decisions_comment TEXT NOT NULL DEFAULT '',
    context_existing_networks BOOLEAN NOT NULL DEFAULT FALSE,
    context_existing_networks_comment TEXT NOT NULL DEFAULT '',
    context_existing_channels BOOLEAN NOT NULL DEFAULT FALSE,
    context_existing_channels_comment TEXT NOT NULL DEFAULT '',
    engagement_level TEXT NOT NULL DEFAULT '',
    engagement_steps TEXT NOT NULL DEFAULT '',
    engagement_promise TEXT NOT NULL DEFAULT '',
    engagement_ask TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (authority_id, kind, name_key)
);

CREATE TABLE stakeholder_relations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    from_id INTEGER NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,
    to_id INTEGER NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL,
    CHECK (from_id <> to_id),
    UNIQUE (authority_id, from_id, to_id, kind)
);
CREATE INDEX stakeholder_relations_to ON stakeholder_relations(to_id);

CREATE TABLE stakeholder_uploads (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    filename TEXT NOT NULL,
    data BLOB NOT NULL,
    created_at DATETIME NOT NULL
);
CREATE INDEX stakeholder_uploads_authority ON stakeholder_uploads(authority_id, user_id);
