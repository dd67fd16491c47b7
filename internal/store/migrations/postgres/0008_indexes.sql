-- Indexes for reads found slow by profiling the pages (no table or column changes).

-- The stakeholder list reads an authority's whole map in name order: the index gives that order without
-- sorting every actor on each request.
CREATE INDEX stakeholders_name ON stakeholders(authority_id, name_key, id);

-- Deleting a stakeholder cascades to its relations through both ends; the "to" end had an index, the
-- "from" end only behind authority_id, so each delete (and each merge) scanned the authority's relations.
-- PostgreSQL also combines the two for a stakeholder's relations read by either end.
CREATE INDEX stakeholder_relations_from ON stakeholder_relations(from_id);

-- The framework reads its indicators' targets by authority, in date order; without this the join began
-- with every target of every authority.
CREATE INDEX indicator_targets_authority ON indicator_targets(authority_id, target_date, id);
