-- The element of the evaluated strategy a recommendation is about (objective, result, activity or
-- indicator), as risks name theirs: a kind and an ID, '' and 0 for the strategy as a whole.
ALTER TABLE evaluation_recommendations ADD COLUMN element_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE evaluation_recommendations ADD COLUMN element_id INTEGER NOT NULL DEFAULT 0;
CREATE INDEX evaluation_recommendations_element ON evaluation_recommendations(authority_id, element_kind, element_id);
