-- Numbers are exact and an unknown number stays unknown (NULL), never 0.
-- Indicator values become text in the canonical form of internal/number (« -1234.5 »): exact decimals, no float.
-- Old float values are moved when finite and below 10^12, rounded to six decimals; a 0 stored beside a text
-- value was never typed and becomes NULL. Costs and yearly budgets of 0 become NULL: their forms showed 0 as
-- an empty field, so nobody saw or confirmed it. Dimension weights keep their values (their form showed 0).
-- SQLite cannot change a column's type or nullability: each column is added anew, filled, and renamed.

ALTER TABLE indicators ADD COLUMN baseline_number TEXT;
UPDATE indicators SET baseline_number = CASE
    WHEN has_baseline AND abs(baseline_value) < 1e12 AND NOT (baseline_value = 0 AND baseline_text <> '')
    THEN printf('%.6f', baseline_value) END;
ALTER TABLE indicators DROP COLUMN baseline_value;
ALTER TABLE indicators RENAME COLUMN baseline_number TO baseline_value;

ALTER TABLE indicator_targets ADD COLUMN value_number TEXT;
UPDATE indicator_targets SET value_number = CASE
    WHEN abs(value) < 1e12 AND NOT (value = 0 AND text <> '') THEN printf('%.6f', value) END;
ALTER TABLE indicator_targets DROP COLUMN value;
ALTER TABLE indicator_targets RENAME COLUMN value_number TO value;

ALTER TABLE activities ADD COLUMN cost_number INTEGER;
UPDATE activities SET cost_number = NULLIF(cost_cents, 0);
ALTER TABLE activities DROP COLUMN cost_cents;
ALTER TABLE activities RENAME COLUMN cost_number TO cost_cents;

ALTER TABLE diagnostic_partnerships ADD COLUMN budget_number INTEGER;
UPDATE diagnostic_partnerships SET budget_number = NULLIF(yearly_budget_cents, 0);
ALTER TABLE diagnostic_partnerships DROP COLUMN yearly_budget_cents;
ALTER TABLE diagnostic_partnerships RENAME COLUMN budget_number TO yearly_budget_cents;

ALTER TABLE strategy_dimensions ADD COLUMN weight_number INTEGER;
UPDATE strategy_dimensions SET weight_number = weight;
ALTER TABLE strategy_dimensions DROP COLUMN weight;
ALTER TABLE strategy_dimensions RENAME COLUMN weight_number TO weight;
