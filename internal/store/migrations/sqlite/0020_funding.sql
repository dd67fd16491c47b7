-- Resources and funding (issue 11): projects of a strategy with their financing plan, the authority's
-- yearly figures the checks need (the 1 % budgets, the team available for applications). A project's
-- links to the logical framework are a kind and an ID, filtered against the strategy when read; its
-- thematic priorities go with the priority. Dates are partial dates as text ('' when unknown).
CREATE TABLE funding_projects (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    strategy_id INTEGER NOT NULL REFERENCES strategies(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    search_key TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    partners TEXT NOT NULL DEFAULT '',
    countries TEXT NOT NULL DEFAULT '',
    themes TEXT NOT NULL DEFAULT '',
    sdgs TEXT NOT NULL DEFAULT '',
    start_on TEXT NOT NULL DEFAULT '',
    end_on TEXT NOT NULL DEFAULT '',
    budget_cents INTEGER,
    least_developed BOOLEAN NOT NULL DEFAULT FALSE,
    has_agreement BOOLEAN NOT NULL DEFAULT FALSE,
    has_deliberation BOOLEAN NOT NULL DEFAULT FALSE,
    has_reports BOOLEAN NOT NULL DEFAULT FALSE,
    own_competence BOOLEAN NOT NULL DEFAULT FALSE,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX funding_projects_strategy ON funding_projects(authority_id, strategy_id, title);

CREATE TABLE funding_project_links (
    project_id INTEGER NOT NULL REFERENCES funding_projects(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    element_id INTEGER NOT NULL,
    PRIMARY KEY (project_id, kind, element_id)
);

CREATE TABLE funding_project_priorities (
    project_id INTEGER NOT NULL REFERENCES funding_projects(id) ON DELETE CASCADE,
    priority_id INTEGER NOT NULL REFERENCES thematic_priorities(id) ON DELETE CASCADE,
    PRIMARY KEY (project_id, priority_id)
);
CREATE INDEX funding_project_priorities_priority ON funding_project_priorities(priority_id);

CREATE TABLE funding_lines (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    project_id INTEGER NOT NULL REFERENCES funding_projects(id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    programme_code TEXT NOT NULL DEFAULT '',
    label TEXT NOT NULL DEFAULT '',
    amount_cents INTEGER NOT NULL,
    status TEXT NOT NULL,
    year INTEGER NOT NULL DEFAULT 0,
    effort_tenths INTEGER,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX funding_lines_project ON funding_lines(authority_id, project_id);

CREATE TABLE funding_years (
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    team_tenths INTEGER,
    water_cents INTEGER,
    sanitation_cents INTEGER,
    energy_cents INTEGER,
    waste_cents INTEGER,
    mobility_cents INTEGER,
    mobility_excluded_cents INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (authority_id, year)
);
