-- Real strategies write dates known only to the month or the year (« signée en 1962 », « décembre 2020 »):
-- those dates become ISO text at their precision (« 1962 », « 2020-12 », « 2020-12-15 »), which sorts
-- lexically in date order on both databases; existing days keep their value. A partnership now names
-- several countries (a cross-border cooperation) or none (a network membership): the single country moves
-- into a space-separated list of ISO codes.

DROP INDEX diagnostic_partnerships_authority;
ALTER TABLE diagnostic_partnerships ADD COLUMN countries TEXT NOT NULL DEFAULT '';
UPDATE diagnostic_partnerships SET countries = upper(trim(country));
ALTER TABLE diagnostic_partnerships DROP COLUMN country;
CREATE INDEX diagnostic_partnerships_authority ON diagnostic_partnerships(authority_id, status);

-- SQLite cannot change a column's type: each date column is copied into a TEXT one (the driver wrote
-- « 2020-12-15 00:00:00+00:00 »; its first ten characters are the day), then takes its name. The indexes
-- on two of them are dropped for the while.
DROP INDEX diagnostic_sessions_strategy;
DROP INDEX indicator_targets_authority;
ALTER TABLE diagnostic_partnerships ADD COLUMN agreement_signed_text TEXT;
UPDATE diagnostic_partnerships SET agreement_signed_text = substr(agreement_signed, 1, 10) WHERE agreement_signed IS NOT NULL;
ALTER TABLE diagnostic_partnerships DROP COLUMN agreement_signed;
ALTER TABLE diagnostic_partnerships RENAME COLUMN agreement_signed_text TO agreement_signed;
ALTER TABLE diagnostic_partnerships ADD COLUMN agreement_start_text TEXT;
UPDATE diagnostic_partnerships SET agreement_start_text = substr(agreement_start, 1, 10) WHERE agreement_start IS NOT NULL;
ALTER TABLE diagnostic_partnerships DROP COLUMN agreement_start;
ALTER TABLE diagnostic_partnerships RENAME COLUMN agreement_start_text TO agreement_start;
ALTER TABLE diagnostic_partnerships ADD COLUMN agreement_end_text TEXT;
UPDATE diagnostic_partnerships SET agreement_end_text = substr(agreement_end, 1, 10) WHERE agreement_end IS NOT NULL;
ALTER TABLE diagnostic_partnerships DROP COLUMN agreement_end;
ALTER TABLE diagnostic_partnerships RENAME COLUMN agreement_end_text TO agreement_end;
ALTER TABLE diagnostic_sessions ADD COLUMN held_on_text TEXT NOT NULL DEFAULT '';
UPDATE diagnostic_sessions SET held_on_text = substr(held_on, 1, 10) WHERE held_on IS NOT NULL;
ALTER TABLE diagnostic_sessions DROP COLUMN held_on;
ALTER TABLE diagnostic_sessions RENAME COLUMN held_on_text TO held_on;
ALTER TABLE milestones ADD COLUMN on_date_text TEXT NOT NULL DEFAULT '';
UPDATE milestones SET on_date_text = substr(on_date, 1, 10) WHERE on_date IS NOT NULL;
ALTER TABLE milestones DROP COLUMN on_date;
ALTER TABLE milestones RENAME COLUMN on_date_text TO on_date;
ALTER TABLE indicators ADD COLUMN baseline_date_text TEXT;
UPDATE indicators SET baseline_date_text = substr(baseline_date, 1, 10) WHERE baseline_date IS NOT NULL;
ALTER TABLE indicators DROP COLUMN baseline_date;
ALTER TABLE indicators RENAME COLUMN baseline_date_text TO baseline_date;
ALTER TABLE indicator_targets ADD COLUMN target_date_text TEXT NOT NULL DEFAULT '';
UPDATE indicator_targets SET target_date_text = substr(target_date, 1, 10) WHERE target_date IS NOT NULL;
ALTER TABLE indicator_targets DROP COLUMN target_date;
ALTER TABLE indicator_targets RENAME COLUMN target_date_text TO target_date;
ALTER TABLE objectives ADD COLUMN target_date_text TEXT;
UPDATE objectives SET target_date_text = substr(target_date, 1, 10) WHERE target_date IS NOT NULL;
ALTER TABLE objectives DROP COLUMN target_date;
ALTER TABLE objectives RENAME COLUMN target_date_text TO target_date;
ALTER TABLE activities ADD COLUMN start_date_text TEXT;
UPDATE activities SET start_date_text = substr(start_date, 1, 10) WHERE start_date IS NOT NULL;
ALTER TABLE activities DROP COLUMN start_date;
ALTER TABLE activities RENAME COLUMN start_date_text TO start_date;
ALTER TABLE activities ADD COLUMN end_date_text TEXT;
UPDATE activities SET end_date_text = substr(end_date, 1, 10) WHERE end_date IS NOT NULL;
ALTER TABLE activities DROP COLUMN end_date;
ALTER TABLE activities RENAME COLUMN end_date_text TO end_date;
CREATE INDEX diagnostic_sessions_strategy ON diagnostic_sessions(authority_id, strategy_id, held_on);
CREATE INDEX indicator_targets_authority ON indicator_targets(authority_id, target_date, id);
