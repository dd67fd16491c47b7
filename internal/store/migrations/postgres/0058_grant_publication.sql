-- What the national « SCDL Subventions » format needs to publish a grant: the day and reference of the
-- decision, the beneficiary's SIRET or RNA number, and the granting authority's own SIRET.
ALTER TABLE scheme_applications ADD COLUMN decided_on TEXT NOT NULL DEFAULT '';
ALTER TABLE scheme_applications ADD COLUMN decision_ref TEXT NOT NULL DEFAULT '';
ALTER TABLE scheme_applications ADD COLUMN beneficiary_id TEXT NOT NULL DEFAULT '';
ALTER TABLE public_profiles ADD COLUMN siret TEXT NOT NULL DEFAULT '';
