-- Participation (issue 12): the authority's public page settings, its citizen consultations, their
-- questions and the contributions received. A contribution's personal data (pseudonym, email, the
-- fingerprint of the address it came from, its personal link) is emptied at the end of the retention
-- period; its answers stay, de-identified. Answers are kept as one JSON text per contribution: they are
-- always read and written whole, and one row per contribution keeps a flood of submissions cheap.
CREATE TABLE public_profiles (
    authority_id INTEGER PRIMARY KEY REFERENCES authorities(id) ON DELETE CASCADE,
    published BOOLEAN NOT NULL DEFAULT FALSE,
    intro TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    dpo TEXT NOT NULL DEFAULT '',
    show_key_elements BOOLEAN NOT NULL DEFAULT FALSE,
    show_objectives BOOLEAN NOT NULL DEFAULT FALSE,
    show_priorities BOOLEAN NOT NULL DEFAULT FALSE,
    show_adoption BOOLEAN NOT NULL DEFAULT FALSE,
    show_calendar BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE consultations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    context TEXT NOT NULL DEFAULT '',
    opens_on DATE NOT NULL,
    closes_on DATE NOT NULL,
    status TEXT NOT NULL DEFAULT 'brouillon',
    categories TEXT NOT NULL DEFAULT '',
    ask_commune BOOLEAN NOT NULL DEFAULT FALSE,
    ask_age BOOLEAN NOT NULL DEFAULT FALSE,
    retention_months INTEGER NOT NULL DEFAULT 12,
    synthesis TEXT NOT NULL DEFAULT '',
    response TEXT NOT NULL DEFAULT '',
    results_public BOOLEAN NOT NULL DEFAULT FALSE,
    synthesis_version INTEGER NOT NULL DEFAULT 1,
    purged_at DATETIME,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX consultations_authority ON consultations(authority_id, status);

CREATE TABLE consultation_questions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    consultation_id INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    kind TEXT NOT NULL,
    prompt TEXT NOT NULL,
    help TEXT NOT NULL DEFAULT '',
    choices TEXT NOT NULL DEFAULT '',
    required BOOLEAN NOT NULL DEFAULT FALSE,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX consultation_questions_consultation ON consultation_questions(consultation_id, position);

CREATE TABLE contributions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    consultation_id INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    category TEXT NOT NULL,
    commune TEXT NOT NULL DEFAULT '',
    age TEXT NOT NULL DEFAULT '',
    pseudonym TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    email_use TEXT NOT NULL DEFAULT '',
    answers TEXT NOT NULL,
    fingerprint TEXT NOT NULL DEFAULT '',
    address_key TEXT NOT NULL DEFAULT '',
    token_hash TEXT UNIQUE,
    state TEXT NOT NULL DEFAULT 'a-moderer',
    hidden_reason TEXT NOT NULL DEFAULT '',
    confirmed BOOLEAN NOT NULL DEFAULT FALSE,
    purged BOOLEAN NOT NULL DEFAULT FALSE,
    created_at DATETIME NOT NULL,
    moderated_at DATETIME
);
CREATE INDEX contributions_consultation ON contributions(consultation_id, state, id);
CREATE INDEX contributions_address ON contributions(consultation_id, address_key, created_at);
