-- Sensibilisation and diagnostic: the argument for élus and services, awareness sessions, the principles
-- self-assessment and conditions facilitantes, the AFOM/SWOT matrix and the register of partnerships.
CREATE TABLE diagnostic_arguments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    strategy_id INTEGER NOT NULL REFERENCES strategies(id) ON DELETE CASCADE,
    addressee TEXT NOT NULL DEFAULT '',
    stakes TEXT NOT NULL DEFAULT '',
    notes_json TEXT NOT NULL DEFAULT '',
    local_facts TEXT NOT NULL DEFAULT '',
    examples TEXT NOT NULL DEFAULT '',
    updated_at DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (strategy_id)
);
CREATE INDEX diagnostic_arguments_authority ON diagnostic_arguments(authority_id);

CREATE TABLE diagnostic_assessments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    strategy_id INTEGER NOT NULL REFERENCES strategies(id) ON DELETE CASCADE,
    principles_json TEXT NOT NULL DEFAULT '',
    conditions_met TEXT NOT NULL DEFAULT '',
    updated_at DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (strategy_id)
);
CREATE INDEX diagnostic_assessments_authority ON diagnostic_assessments(authority_id);

CREATE TABLE diagnostic_services (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    services TEXT NOT NULL DEFAULT '',
    updated_at DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (authority_id)
);

CREATE TABLE diagnostic_sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    strategy_id INTEGER NOT NULL REFERENCES strategies(id) ON DELETE CASCADE,
    held_on DATE NOT NULL,
    title TEXT NOT NULL,
    audiences TEXT NOT NULL DEFAULT '',
    format TEXT NOT NULL,
    outcomes TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX diagnostic_sessions_strategy ON diagnostic_sessions(authority_id, strategy_id, held_on);

CREATE TABLE diagnostic_attendees (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    session_id INTEGER NOT NULL REFERENCES diagnostic_sessions(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    name TEXT NOT NULL,
    service TEXT NOT NULL DEFAULT ''
);
CREATE INDEX diagnostic_attendees_session ON diagnostic_attendees(session_id, seq);

CREATE TABLE diagnostic_swot_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    strategy_id INTEGER NOT NULL REFERENCES strategies(id) ON DELETE CASCADE,
    quadrant TEXT NOT NULL,
    scope TEXT NOT NULL,
    item_text TEXT NOT NULL,
    evidence TEXT NOT NULL DEFAULT '',
    weight INTEGER NOT NULL,
    proposed_by TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX diagnostic_swot_items_strategy ON diagnostic_swot_items(authority_id, strategy_id, quadrant, position);

CREATE TABLE diagnostic_partnerships (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    partner TEXT NOT NULL,
    country TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    start_year INTEGER NOT NULL DEFAULT 0,
    agreement_signed DATE,
    agreement_start DATE,
    agreement_end DATE,
    deliberation_ref TEXT NOT NULL DEFAULT '',
    document_id TEXT NOT NULL DEFAULT '',
    themes TEXT NOT NULL DEFAULT '',
    services TEXT NOT NULL DEFAULT '',
    local_actors TEXT NOT NULL DEFAULT '',
    yearly_budget_cents INTEGER NOT NULL DEFAULT 0,
    review_results TEXT NOT NULL DEFAULT '',
    review_functioning TEXT NOT NULL DEFAULT '',
    review_our_gain TEXT NOT NULL DEFAULT '',
    review_partner_gain TEXT NOT NULL DEFAULT '',
    review_decision TEXT NOT NULL DEFAULT '',
    review_reason TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX diagnostic_partnerships_authority ON diagnostic_partnerships(authority_id, status, country);
