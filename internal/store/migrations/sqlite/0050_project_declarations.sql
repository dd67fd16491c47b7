-- Yearly ODA declaration and IATI (issue 14): what a project needs to be declared, kept beside the project
-- rather than in funding_projects so that the project form and the declaration form never overwrite each
-- other. kind is a funding.SpendingKind, sector a DAC 5-digit code, channel a CRS channel code, markers the
-- policy markers as « code:score » pairs ('' when none was scored).
CREATE TABLE project_declarations (
    project_id INTEGER PRIMARY KEY REFERENCES funding_projects(id) ON DELETE CASCADE,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    kind TEXT NOT NULL DEFAULT '',
    sector TEXT NOT NULL DEFAULT '',
    channel TEXT NOT NULL DEFAULT '',
    markers TEXT NOT NULL DEFAULT '',
    updated_at DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX project_declarations_authority ON project_declarations(authority_id);
