-- Lags and relative starts may now be counted in working days (« jours ouvrés »: weekends and French public
-- holidays skipped, with Alsace-Moselle's two more where the authority is). The units become a closed list:
-- any other value was already read as days, so it is written as days before the list is enforced.
UPDATE schedule_dependencies SET lag_unit = 'jours' WHERE lag_unit NOT IN ('jours', 'jours ouvrés', 'semaines', 'mois');
UPDATE activity_schedules SET offset_unit = 'jours' WHERE offset_unit NOT IN ('', 'jours', 'jours ouvrés', 'semaines', 'mois');
ALTER TABLE schedule_dependencies ADD CONSTRAINT schedule_dependencies_lag_unit
    CHECK (lag_unit IN ('jours', 'jours ouvrés', 'semaines', 'mois'));
ALTER TABLE activity_schedules ADD CONSTRAINT activity_schedules_offset_unit
    CHECK (offset_unit IN ('', 'jours', 'jours ouvrés', 'semaines', 'mois'));
