-- Planning: the schedule of each logframe activity (absolute or relative start, duration, owner, status),
-- milestones (jalons), dependencies between activities and milestones, and the secret tokens of personal
-- calendar feeds. A relative start names one anchor, an activity or a milestone; when the anchor is deleted
-- the reference becomes NULL and the planning pages flag the start as broken rather than losing the schedule.
CREATE TABLE milestones (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    strategy_id INTEGER NOT NULL REFERENCES strategies(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    on_date DATE NOT NULL,
    public BOOLEAN NOT NULL DEFAULT FALSE,
    notes TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX milestones_strategy ON milestones(authority_id, strategy_id);

CREATE TABLE activity_schedules (
    activity_id INTEGER PRIMARY KEY REFERENCES activities(id) ON DELETE CASCADE,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    strategy_id INTEGER NOT NULL REFERENCES strategies(id) ON DELETE CASCADE,
    start_kind TEXT NOT NULL,
    start_date DATE,
    anchor_activity_id INTEGER REFERENCES activities(id) ON DELETE SET NULL,
    anchor_milestone_id INTEGER REFERENCES milestones(id) ON DELETE SET NULL,
    anchor_edge TEXT NOT NULL DEFAULT '',
    offset_n INTEGER NOT NULL DEFAULT 0,
    offset_unit TEXT NOT NULL DEFAULT '',
    duration_days INTEGER NOT NULL,
    prep_days INTEGER NOT NULL DEFAULT 0,
    followup_days INTEGER NOT NULL DEFAULT 0,
    responsible TEXT NOT NULL DEFAULT '',
    service TEXT NOT NULL DEFAULT '',
    partners TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    percent_done INTEGER NOT NULL DEFAULT 0,
    public BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX activity_schedules_strategy ON activity_schedules(authority_id, strategy_id);
CREATE INDEX activity_schedules_anchor_activity ON activity_schedules(anchor_activity_id);
CREATE INDEX activity_schedules_anchor_milestone ON activity_schedules(anchor_milestone_id);

CREATE TABLE schedule_dependencies (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    strategy_id INTEGER NOT NULL REFERENCES strategies(id) ON DELETE CASCADE,
    from_activity_id INTEGER REFERENCES activities(id) ON DELETE CASCADE,
    from_milestone_id INTEGER REFERENCES milestones(id) ON DELETE CASCADE,
    to_activity_id INTEGER REFERENCES activities(id) ON DELETE CASCADE,
    to_milestone_id INTEGER REFERENCES milestones(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    lag_n INTEGER NOT NULL DEFAULT 0,
    lag_unit TEXT NOT NULL DEFAULT 'jours',
    created_at DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX schedule_dependencies_strategy ON schedule_dependencies(authority_id, strategy_id);
CREATE INDEX schedule_dependencies_from_activity ON schedule_dependencies(from_activity_id);
CREATE INDEX schedule_dependencies_to_activity ON schedule_dependencies(to_activity_id);
CREATE INDEX schedule_dependencies_from_milestone ON schedule_dependencies(from_milestone_id);
CREATE INDEX schedule_dependencies_to_milestone ON schedule_dependencies(to_milestone_id);

CREATE TABLE calendar_tokens (
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at DATETIME NOT NULL,
    PRIMARY KEY (authority_id, user_id)
);
