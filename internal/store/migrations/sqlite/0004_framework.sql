-- Strategy content: key elements, priorities, ODD tags and local targets, the logical framework (objectives,
-- results, activities, indicators with their targets, assumptions) and the risk register.
-- Polymorphic links (an indicator's level, a tag's element, an assumption's or a risk's target) are a kind and
-- an ID; the store deletes them with their element, in the same transaction.
CREATE TABLE strategy_key_elements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    strategy_id INTEGER NOT NULL UNIQUE REFERENCES strategies(id) ON DELETE CASCADE,
    vision TEXT NOT NULL DEFAULT '',
    mission TEXT NOT NULL DEFAULT '',
    political_project TEXT NOT NULL DEFAULT '',
    general_title TEXT NOT NULL DEFAULT '',
    general_description TEXT NOT NULL DEFAULT '',
    updated_at DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX strategy_key_elements_authority ON strategy_key_elements(authority_id);

CREATE TABLE strategy_values (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    strategy_id INTEGER NOT NULL REFERENCES strategies(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL,
    explanation TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX strategy_values_strategy ON strategy_values(authority_id, strategy_id);

CREATE TABLE strategy_dimensions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    strategy_id INTEGER NOT NULL REFERENCES strategies(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL,
    weight INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX strategy_dimensions_strategy ON strategy_dimensions(authority_id, strategy_id);

CREATE TABLE geo_priorities (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    strategy_id INTEGER NOT NULL REFERENCES strategies(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    kind TEXT NOT NULL,
    country_code TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    comment TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX geo_priorities_strategy ON geo_priorities(authority_id, strategy_id);

CREATE TABLE thematic_priorities (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    strategy_id INTEGER NOT NULL REFERENCES strategies(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    policy TEXT NOT NULL,
    service TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX thematic_priorities_strategy ON thematic_priorities(authority_id, strategy_id);

CREATE TABLE objectives (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    strategy_id INTEGER NOT NULL REFERENCES strategies(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    specific TEXT NOT NULL DEFAULT '',
    measure TEXT NOT NULL DEFAULT '',
    target_date DATE,
    resources TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX objectives_strategy ON objectives(authority_id, strategy_id);

CREATE TABLE results (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    strategy_id INTEGER NOT NULL REFERENCES strategies(id) ON DELETE CASCADE,
    objective_id INTEGER NOT NULL REFERENCES objectives(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX results_strategy ON results(authority_id, strategy_id);
CREATE INDEX results_objective ON results(objective_id);

CREATE TABLE activities (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    strategy_id INTEGER NOT NULL REFERENCES strategies(id) ON DELETE CASCADE,
    result_id INTEGER NOT NULL REFERENCES results(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    owner TEXT NOT NULL DEFAULT '',
    resources TEXT NOT NULL DEFAULT '',
    cost_cents INTEGER NOT NULL DEFAULT 0,
    start_date DATE,
    end_date DATE,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX activities_strategy ON activities(authority_id, strategy_id);
CREATE INDEX activities_result ON activities(result_id);

CREATE TABLE geo_priority_activities (
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    priority_id INTEGER NOT NULL REFERENCES geo_priorities(id) ON DELETE CASCADE,
    activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    PRIMARY KEY (priority_id, activity_id)
);
CREATE INDEX geo_priority_activities_activity ON geo_priority_activities(activity_id);

CREATE TABLE indicators (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    strategy_id INTEGER NOT NULL REFERENCES strategies(id) ON DELETE CASCADE,
    level_kind TEXT NOT NULL,
    level_id INTEGER NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    title TEXT NOT NULL,
    definition TEXT NOT NULL DEFAULT '',
    measure INTEGER NOT NULL DEFAULT 0,
    unit TEXT NOT NULL DEFAULT '',
    ascending BOOLEAN NOT NULL DEFAULT TRUE,
    has_baseline BOOLEAN NOT NULL DEFAULT FALSE,
    baseline_value REAL NOT NULL DEFAULT 0,
    baseline_text TEXT NOT NULL DEFAULT '',
    baseline_date DATE,
    baseline_comment TEXT NOT NULL DEFAULT '',
    periodicity TEXT NOT NULL DEFAULT '',
    sources TEXT NOT NULL DEFAULT '',
    owner TEXT NOT NULL DEFAULT '',
    breakdowns TEXT NOT NULL DEFAULT '',
    public BOOLEAN NOT NULL DEFAULT FALSE,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX indicators_strategy ON indicators(authority_id, strategy_id);

CREATE TABLE indicator_targets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    target_date DATE NOT NULL,
    value REAL NOT NULL DEFAULT 0,
    text TEXT NOT NULL DEFAULT '',
    comment TEXT NOT NULL DEFAULT ''
);
CREATE INDEX indicator_targets_indicator ON indicator_targets(indicator_id);

CREATE TABLE assumptions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    strategy_id INTEGER NOT NULL REFERENCES strategies(id) ON DELETE CASCADE,
    target_kind TEXT NOT NULL,
    target_id INTEGER NOT NULL,
    text TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX assumptions_strategy ON assumptions(authority_id, strategy_id);

CREATE TABLE risks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    strategy_id INTEGER NOT NULL REFERENCES strategies(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    description TEXT NOT NULL,
    category TEXT NOT NULL DEFAULT '',
    likelihood INTEGER NOT NULL DEFAULT 0,
    impact INTEGER NOT NULL DEFAULT 0,
    mitigation TEXT NOT NULL DEFAULT '',
    owner TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT '',
    linked_kind TEXT NOT NULL DEFAULT '',
    linked_id INTEGER NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX risks_strategy ON risks(authority_id, strategy_id);

CREATE TABLE local_targets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    strategy_id INTEGER NOT NULL REFERENCES strategies(id) ON DELETE CASCADE,
    un_target TEXT NOT NULL,
    code TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (strategy_id, code)
);
CREATE INDEX local_targets_authority ON local_targets(authority_id);

CREATE TABLE sdg_tags (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    strategy_id INTEGER NOT NULL REFERENCES strategies(id) ON DELETE CASCADE,
    element_kind TEXT NOT NULL,
    element_id INTEGER NOT NULL,
    code TEXT NOT NULL,
    UNIQUE (strategy_id, element_kind, element_id, code)
);
CREATE INDEX sdg_tags_authority ON sdg_tags(authority_id, strategy_id);
