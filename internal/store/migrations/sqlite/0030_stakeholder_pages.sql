-- The stakeholder list reads one page in SQL (issue 10: a page costs what it shows): the theme filter's
-- choices come from the distinct theme lists, read from this index rather than from every actor, and a
-- kind filter walks that kind's actors in name order.
CREATE INDEX stakeholders_themes ON stakeholders(authority_id, themes);
CREATE INDEX stakeholders_kind ON stakeholders(authority_id, kind, name_key, id);
