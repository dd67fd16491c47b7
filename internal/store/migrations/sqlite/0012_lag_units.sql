-- Lags and relative starts may now be counted in working days (« jours ouvrés »: weekends and French public
-- holidays skipped, with Alsace-Moselle's two more where the authority is). The units become a closed list:
-- any other value was already read as days, so it is written as days before the list is enforced.
-- SQLite cannot add a CHECK constraint to an existing table: triggers refuse what a CHECK would.
UPDATE schedule_dependencies SET lag_unit = 'jours' WHERE lag_unit NOT IN ('jours', 'jours ouvrés', 'semaines', 'mois');
UPDATE activity_schedules SET offset_unit = 'jours' WHERE offset_unit NOT IN ('', 'jours', 'jours ouvrés', 'semaines', 'mois');
CREATE TRIGGER schedule_dependencies_lag_unit_insert BEFORE INSERT ON schedule_dependencies
    WHEN NEW.lag_unit NOT IN ('jours', 'jours ouvrés', 'semaines', 'mois')
    BEGIN SELECT RAISE(ABORT, 'schedule_dependencies.lag_unit: unknown unit'); END;
CREATE TRIGGER schedule_dependencies_lag_unit_update BEFORE UPDATE OF lag_unit ON schedule_dependencies
    WHEN NEW.lag_unit NOT IN ('jours', 'jours ouvrés', 'semaines', 'mois')
    BEGIN SELECT RAISE(ABORT, 'schedule_dependencies.lag_unit: unknown unit'); END;
CREATE TRIGGER activity_schedules_offset_unit_insert BEFORE INSERT ON activity_schedules
    WHEN NEW.offset_unit NOT IN ('', 'jours', 'jours ouvrés', 'semaines', 'mois')
    BEGIN SELECT RAISE(ABORT, 'activity_schedules.offset_unit: unknown unit'); END;
CREATE TRIGGER activity_schedules_offset_unit_update BEFORE UPDATE OF offset_unit ON activity_schedules
    WHEN NEW.offset_unit NOT IN ('', 'jours', 'jours ouvrés', 'semaines', 'mois')
    BEGIN SELECT RAISE(ABORT, 'activity_schedules.offset_unit: unknown unit'); END;
