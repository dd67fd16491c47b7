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

ALTER TABLE diagnostic_partnerships ALTER COLUMN agreement_signed TYPE TEXT USING to_char(agreement_signed, 'YYYY-MM-DD');
ALTER TABLE diagnostic_partnerships ALTER COLUMN agreement_start TYPE TEXT USING to_char(agreement_start, 'YYYY-MM-DD');
ALTER TABLE diagnostic_partnerships ALTER COLUMN agreement_end TYPE TEXT USING to_char(agreement_end, 'YYYY-MM-DD');
ALTER TABLE diagnostic_sessions ALTER COLUMN held_on TYPE TEXT USING to_char(held_on, 'YYYY-MM-DD'), ALTER COLUMN held_on SET DEFAULT '';
ALTER TABLE milestones ALTER COLUMN on_date TYPE TEXT USING to_char(on_date, 'YYYY-MM-DD'), ALTER COLUMN on_date SET DEFAULT '';
ALTER TABLE indicators ALTER COLUMN baseline_date TYPE TEXT USING to_char(baseline_date, 'YYYY-MM-DD');
ALTER TABLE indicator_targets ALTER COLUMN target_date TYPE TEXT USING to_char(target_date, 'YYYY-MM-DD'), ALTER COLUMN target_date SET DEFAULT '';
ALTER TABLE objectives ALTER COLUMN target_date TYPE TEXT USING to_char(target_date, 'YYYY-MM-DD');
ALTER TABLE activities ALTER COLUMN start_date TYPE TEXT USING to_char(start_date, 'YYYY-MM-DD');
ALTER TABLE activities ALTER COLUMN end_date TYPE TEXT USING to_char(end_date, 'YYYY-MM-DD');
