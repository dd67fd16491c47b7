-- Numbers are exact and an unknown number stays unknown (NULL), never 0.
-- Indicator values become text in the canonical form of internal/number (« -1234.5 »): exact decimals, no float.
-- Old float values are moved when finite and below 10^12, rounded to six decimals; a 0 stored beside a text
-- value was never typed and becomes NULL. Costs and yearly budgets of 0 become NULL: their forms showed 0 as
-- an empty field, so nobody saw or confirmed it. Dimension weights keep their values (their form showed 0).

ALTER TABLE indicators ALTER COLUMN baseline_value DROP DEFAULT,
    ALTER COLUMN baseline_value DROP NOT NULL,
    ALTER COLUMN baseline_value TYPE TEXT USING CASE
        WHEN has_baseline AND abs(baseline_value) < 1e12 AND NOT (baseline_value = 0 AND baseline_text <> '')
        THEN to_char(baseline_value::numeric, 'FM999999999990.000000') END;

ALTER TABLE indicator_targets ALTER COLUMN value DROP DEFAULT,
    ALTER COLUMN value DROP NOT NULL,
    ALTER COLUMN value TYPE TEXT USING CASE
        WHEN abs(value) < 1e12 AND NOT (value = 0 AND text <> '') THEN to_char(value::numeric, 'FM999999999990.000000') END;

ALTER TABLE activities ALTER COLUMN cost_cents DROP DEFAULT, ALTER COLUMN cost_cents DROP NOT NULL;
UPDATE activities SET cost_cents = NULL WHERE cost_cents = 0;

ALTER TABLE diagnostic_partnerships ALTER COLUMN yearly_budget_cents DROP DEFAULT, ALTER COLUMN yearly_budget_cents DROP NOT NULL;
UPDATE diagnostic_partnerships SET yearly_budget_cents = NULL WHERE yearly_budget_cents = 0;

ALTER TABLE strategy_dimensions ALTER COLUMN weight DROP DEFAULT, ALTER COLUMN weight DROP NOT NULL;
