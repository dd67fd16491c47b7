-- One owner per activity, shared by the logframe and planning: the schedule's « responsable » merges into
-- activities.owner, keeping whichever is filled (the schedule's when both are, as planning, « mes activités »
-- and the feeds already showed it), and the schedule's column goes.
UPDATE activities SET owner = (SELECT s.responsible FROM activity_schedules s WHERE s.activity_id = activities.id)
WHERE EXISTS (SELECT 1 FROM activity_schedules s WHERE s.activity_id = activities.id AND s.responsible <> '');
ALTER TABLE activity_schedules DROP COLUMN responsible;

-- The A of SMART: what makes a specific objective within reach (skills, committed partners, experience).
ALTER TABLE objectives ADD COLUMN achievable TEXT NOT NULL DEFAULT '';
