-- The themes the team groups open answers under, one a line and wrapped in newlines (« \neau\njeunesse\n »)
-- so that a theme is found whole; themes_key holds them folded (case and accents), for the filter.
ALTER TABLE contributions ADD COLUMN themes TEXT NOT NULL DEFAULT '';
ALTER TABLE contributions ADD COLUMN themes_key TEXT NOT NULL DEFAULT '';
