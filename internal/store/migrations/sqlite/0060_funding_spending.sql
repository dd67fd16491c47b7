-- Spending as it happens (issue 11, item 2): a project's commitments and payments, each with its date (a
-- partial date, ISO), partner country and beneficiary. The beneficiary's name is kept beside its
-- stakeholder: the actor may leave the map (stakeholder_id NULL), the record of what was paid stays.
CREATE TABLE funding_spending (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    project_id INTEGER NOT NULL REFERENCES funding_projects(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    spent_on TEXT NOT NULL,
    year INTEGER NOT NULL,
    amount_cents INTEGER NOT NULL,
    country TEXT NOT NULL DEFAULT '',
    beneficiary_kind TEXT NOT NULL,
    stakeholder_id INTEGER REFERENCES stakeholders(id) ON DELETE SET NULL,
    beneficiary TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX funding_spending_project ON funding_spending(authority_id, project_id, year);
CREATE INDEX funding_spending_stakeholder ON funding_spending(stakeholder_id);
