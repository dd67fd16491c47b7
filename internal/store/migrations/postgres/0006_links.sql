-- Links between the strategy and what it builds on: the SWOT items objectives and results answer, the
-- stakeholders they involve, the diagnostic's partnerships a geographic priority rests on; and a SWOT item's
-- conscious « left aside » with its reason. Each link goes when either side is deleted.
ALTER TABLE diagnostic_swot_items ADD COLUMN left_aside BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE diagnostic_swot_items ADD COLUMN aside_reason TEXT NOT NULL DEFAULT '';

CREATE TABLE objective_swot_items (
    authority_id BIGINT NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    objective_id BIGINT NOT NULL REFERENCES objectives(id) ON DELETE CASCADE,
    swot_item_id BIGINT NOT NULL REFERENCES diagnostic_swot_items(id) ON DELETE CASCADE,
    PRIMARY KEY (objective_id, swot_item_id)
);
CREATE INDEX objective_swot_items_item ON objective_swot_items(authority_id, swot_item_id);

CREATE TABLE result_swot_items (
    authority_id BIGINT NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    result_id BIGINT NOT NULL REFERENCES results(id) ON DELETE CASCADE,
    swot_item_id BIGINT NOT NULL REFERENCES diagnostic_swot_items(id) ON DELETE CASCADE,
    PRIMARY KEY (result_id, swot_item_id)
);
CREATE INDEX result_swot_items_item ON result_swot_items(authority_id, swot_item_id);

CREATE TABLE objective_stakeholders (
    authority_id BIGINT NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    objective_id BIGINT NOT NULL REFERENCES objectives(id) ON DELETE CASCADE,
    stakeholder_id BIGINT NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,
    PRIMARY KEY (objective_id, stakeholder_id)
);
CREATE INDEX objective_stakeholders_stakeholder ON objective_stakeholders(authority_id, stakeholder_id);

CREATE TABLE result_stakeholders (
    authority_id BIGINT NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    result_id BIGINT NOT NULL REFERENCES results(id) ON DELETE CASCADE,
    stakeholder_id BIGINT NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,
    PRIMARY KEY (result_id, stakeholder_id)
);
CREATE INDEX result_stakeholders_stakeholder ON result_stakeholders(authority_id, stakeholder_id);

CREATE TABLE geo_priority_partnerships (
    authority_id BIGINT NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    priority_id BIGINT NOT NULL REFERENCES geo_priorities(id) ON DELETE CASCADE,
    partnership_id BIGINT NOT NULL REFERENCES diagnostic_partnerships(id) ON DELETE CASCADE,
    PRIMARY KEY (priority_id, partnership_id)
);
CREATE INDEX geo_priority_partnerships_partnership ON geo_priority_partnerships(authority_id, partnership_id);
