-- Kept pages follow an authority's contributions by their latest id (contributions are not audited one by
-- one: a citizen's contribution is written in batches); this index reads it without a scan.
CREATE INDEX contributions_authority ON contributions(authority_id, id);
