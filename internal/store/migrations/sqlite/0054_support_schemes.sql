-- The authority's own support schemes (issue 11, item 7): a fund through which it finances local actors'
-- projects abroad, its rules as data (NULL: the rule is not set, and not checked), the applications the
-- actors of the map send it, the decisions and the amounts paid by year. Lists are space-separated codes.
CREATE TABLE support_schemes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    max_rate_percent INTEGER,
    cap_cents INTEGER,
    envelope_cents INTEGER,
    max_salary_percent INTEGER,
    applicant_kinds TEXT NOT NULL DEFAULT '',
    countries TEXT NOT NULL DEFAULT '',
    themes TEXT NOT NULL DEFAULT '',
    sdgs TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX support_schemes_authority ON support_schemes(authority_id, name);

-- An application keeps its applicant's name and kind: the actor may leave the map (stakeholder_id NULL),
-- the history of what was decided stays.
CREATE TABLE scheme_applications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    scheme_id INTEGER NOT NULL REFERENCES support_schemes(id) ON DELETE CASCADE,
    stakeholder_id INTEGER REFERENCES stakeholders(id) ON DELETE SET NULL,
    applicant TEXT NOT NULL,
    applicant_kind TEXT NOT NULL,
    title TEXT NOT NULL,
    year INTEGER NOT NULL,
    country TEXT NOT NULL DEFAULT '',
    theme TEXT NOT NULL DEFAULT '',
    cost_cents INTEGER,
    asked_cents INTEGER,
    salary_percent INTEGER,
    sdgs TEXT NOT NULL DEFAULT '',
    decision TEXT NOT NULL DEFAULT '',
    granted_cents INTEGER,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX scheme_applications_scheme ON scheme_applications(authority_id, scheme_id, year);
CREATE INDEX scheme_applications_stakeholder ON scheme_applications(stakeholder_id);

CREATE TABLE scheme_payments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    application_id INTEGER NOT NULL REFERENCES scheme_applications(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    amount_cents INTEGER NOT NULL,
    created_at DATETIME NOT NULL
);
CREATE INDEX scheme_payments_application ON scheme_payments(authority_id, application_id);
