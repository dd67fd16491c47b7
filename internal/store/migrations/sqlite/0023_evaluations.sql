-- Mid-term and final evaluations of a strategy: terms of reference, findings and lessons learnt, the
-- indicators as they stood when the evaluation was opened (a frozen snapshot, JSON, that later measurements
-- never change), the evaluation questions by criterion, and the recommendations with the authority's
-- response and their follow-up.
CREATE TABLE evaluations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    strategy_id INTEGER NOT NULL REFERENCES strategies(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    conduct TEXT NOT NULL DEFAULT 'interne',
    title TEXT NOT NULL,
    evaluator TEXT NOT NULL DEFAULT '',
    terms_of_reference TEXT NOT NULL DEFAULT '',
    findings TEXT NOT NULL DEFAULT '',
    lessons TEXT NOT NULL DEFAULT '',
    snapshot_on TEXT NOT NULL,
    snapshot_json TEXT NOT NULL DEFAULT '[]',
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX evaluations_strategy ON evaluations(authority_id, strategy_id);

CREATE TABLE evaluation_questions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    evaluation_id INTEGER NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
    criterion TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL DEFAULT ''
);
CREATE INDEX evaluation_questions_evaluation ON evaluation_questions(authority_id, evaluation_id);
CREATE INDEX evaluation_questions_evaluation_fk ON evaluation_questions(evaluation_id);

CREATE TABLE evaluation_recommendations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    evaluation_id INTEGER NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    owner TEXT NOT NULL DEFAULT '',
    response TEXT NOT NULL DEFAULT '',
    follow_up TEXT NOT NULL DEFAULT 'a-engager',
    notes TEXT NOT NULL DEFAULT '',
    updated_at DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX evaluation_recommendations_evaluation ON evaluation_recommendations(authority_id, evaluation_id);
CREATE INDEX evaluation_recommendations_evaluation_fk ON evaluation_recommendations(evaluation_id);
