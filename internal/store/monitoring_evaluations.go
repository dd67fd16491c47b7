package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"boussole/internal/logframe"
	"boussole/internal/monitoring"
)

const evaluationColumns = `id, authority_id, strategy_id, kind, conduct, title, evaluator, terms_of_reference, findings, lessons,
	snapshot_on, snapshot_json, updated_at, version`

func scanEvaluation(row interface{ Scan(...any) error }) (monitoring.Evaluation, error) {
	var e monitoring.Evaluation
	var kind, conduct, on, snapshot string
	err := row.Scan(&e.ID, &e.AuthorityID, &e.StrategyID, &kind, &conduct, &e.Title, &e.Evaluator, &e.TermsOfReference, &e.Findings, &e.Lessons,
		&on, &snapshot, &e.UpdatedAt, &e.Version)
	e.Kind, e.Conduct, e.SnapshotOn, e.UpdatedAt = monitoring.EvaluationKind(kind), monitoring.Conduct(conduct), isoDay(on), e.UpdatedAt.UTC()
	if err == nil {
		_ = json.Unmarshal([]byte(snapshot), &e.Snapshot) // a snapshot that cannot be read shows as empty, never as an error page
	}
	return e, err
}

// Evaluations lists a strategy's evaluations with their questions and recommendations: three queries
// whatever their number.
func (s *Store) Evaluations(ctx context.Context, authorityID, strategyID int64) ([]monitoring.Evaluation, error) {
	return evaluationsOf(ctx, s.db, authorityID, strategyID)
}

func evaluationsOf(ctx context.Context, q querier, authorityID, strategyID int64) ([]monitoring.Evaluation, error) {
	list, err := queryAll(ctx, q, scanEvaluation, "SELECT "+evaluationColumns+" FROM evaluations WHERE authority_id = $1 AND strategy_id = $2 ORDER BY snapshot_on, id",
		authorityID, strategyID)
	if err != nil || len(list) == 0 {
		return list, err
	}
	at := map[int64]int{}
	for i := range list {
		at[list[i].ID] = i
	}
	type question struct {
		evaluation int64
		q          monitoring.Question
	}
	qs, err := queryAll(ctx, q, func(r interface{ Scan(...any) error }) (question, error) {
		var x question
		var c string
		err := r.Scan(&x.evaluation, &x.q.ID, &c, &x.q.Text, &x.q.Answer)
		x.q.Criterion = monitoring.Criterion(c)
		return x, err
	}, `SELECT q.evaluation_id, q.id, q.criterion, q.question, q.answer FROM evaluation_questions q JOIN evaluations e ON e.id = q.evaluation_id
		WHERE q.authority_id = $1 AND e.strategy_id = $2 ORDER BY q.id`, authorityID, strategyID)
	if err != nil {
		return nil, err
	}
	for _, x := range qs {
		list[at[x.evaluation]].Questions = append(list[at[x.evaluation]].Questions, x.q)
	}
	type rec struct {
		evaluation int64
		r          monitoring.Recommendation
	}
	rs, err := queryAll(ctx, q, func(r interface{ Scan(...any) error }) (rec, error) {
		var x rec
		var resp, fu, kind string
		err := r.Scan(&x.evaluation, &x.r.ID, &x.r.Text, &x.r.Owner, &resp, &fu, &x.r.Notes, &kind, &x.r.Element.ID, &x.r.Version)
		x.r.Response, x.r.FollowUp, x.r.Element.Kind = monitoring.Response(resp), monitoring.FollowUp(fu), logframe.Kind(kind)
		return x, err
	}, `SELECT r.evaluation_id, r.id, r.text, r.owner, r.response, r.follow_up, r.notes, r.element_kind, r.element_id, r.version FROM evaluation_recommendations r
		JOIN evaluations e ON e.id = r.evaluation_id WHERE r.authority_id = $1 AND e.strategy_id = $2 ORDER BY r.id`, authorityID, strategyID)
	if err != nil {
		return nil, err
	}
	for _, x := range rs {
		list[at[x.evaluation]].Recommendations = append(list[at[x.evaluation]].Recommendations, x.r)
	}
	return list, nil
}

// AuthorityEvaluations lists the evaluations of every strategy of the authority, without their questions
// and recommendations, in one query: the list page links each to its own.
func (s *Store) AuthorityEvaluations(ctx context.Context, authorityID int64) ([]monitoring.Evaluation, error) {
	return queryAll(ctx, s.db, scanEvaluation, "SELECT "+evaluationColumns+" FROM evaluations WHERE authority_id = $1 ORDER BY snapshot_on DESC, id DESC", authorityID)
}

// Evaluation returns one evaluation of the authority, with its questions and recommendations.
func (s *Store) Evaluation(ctx context.Context, authorityID, id int64) (monitoring.Evaluation, error) {
	e, err := queryOne(ctx, s.db, scanEvaluation, "SELECT "+evaluationColumns+" FROM evaluations WHERE authority_id = $1 AND id = $2", authorityID, id)
	if err != nil {
		return e, err
	}
	all, err := evaluationsOf(ctx, s.db, authorityID, e.StrategyID)
	for _, x := range all {
		if x.ID == id {
			return x, err
		}
	}
	return e, err
}

// CreateEvaluation opens an evaluation of a strategy of the authority, with its frozen snapshot.
func (s *Store) CreateEvaluation(ctx context.Context, by Actor, e *monitoring.Evaluation) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var one int
		if err := tx.QueryRowContext(ctx, "SELECT 1 FROM strategies WHERE authority_id = $1 AND id = $2", e.AuthorityID, e.StrategyID).Scan(&one); err != nil {
			return ErrNotFound
		}
		snap, err := json.Marshal(e.Snapshot)
		if err != nil {
			return fmt.Errorf("store: unable to write the snapshot: %w", err)
		}
		t := now()
		e.UpdatedAt, e.Version = t, 1
		if err := tx.QueryRowContext(ctx, `INSERT INTO evaluations (authority_id, strategy_id, kind, conduct, title, evaluator, terms_of_reference, findings, lessons,
			snapshot_on, snapshot_json, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
			e.AuthorityID, e.StrategyID, string(e.Kind), string(e.Conduct), e.Title, e.Evaluator, e.TermsOfReference, e.Findings, e.Lessons,
			dayArg(e.SnapshotOn), string(snap), t, t).Scan(&e.ID); err != nil {
			return fmt.Errorf("store: unable to create the evaluation: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: e.AuthorityID, action: actionCreate, entity: "évaluation", entityID: e.ID, summary: e.Title, after: evaluationAudit(*e)})
	})
}

// evaluationAudit is what the journal keeps of an evaluation: its own fields, not the snapshot it froze.
func evaluationAudit(e monitoring.Evaluation) monitoring.Evaluation {
	e.Snapshot, e.Questions, e.Recommendations = nil, nil, nil
	return e
}

// UpdateEvaluation saves the evaluation's own fields (not its snapshot), if nobody changed it since e.Version.
func (s *Store) UpdateEvaluation(ctx context.Context, by Actor, e *monitoring.Evaluation) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := queryOne(ctx, tx, scanEvaluation, "SELECT "+evaluationColumns+" FROM evaluations WHERE authority_id = $1 AND id = $2", e.AuthorityID, e.ID)
		if err != nil {
			return err
		}
		t := now()
		res, err := tx.ExecContext(ctx, `UPDATE evaluations SET kind = $1, conduct = $2, title = $3, evaluator = $4, terms_of_reference = $5, findings = $6,
			lessons = $7, updated_at = $8, version = version + 1 WHERE authority_id = $9 AND id = $10 AND version = $11`,
			string(e.Kind), string(e.Conduct), e.Title, e.Evaluator, e.TermsOfReference, e.Findings, e.Lessons, t, e.AuthorityID, e.ID, e.Version)
		if err := updated(res, err, "evaluation"); err != nil {
			return err
		}
		e.StrategyID, e.SnapshotOn, e.UpdatedAt, e.Version = old.StrategyID, old.SnapshotOn, t, e.Version+1
		return audit(ctx, tx, by, change{authorityID: e.AuthorityID, action: actionUpdate, entity: "évaluation", entityID: e.ID, summary: e.Title,
			before: evaluationAudit(old), after: evaluationAudit(*e)})
	})
}

// evaluationOfAuthority checks an evaluation belongs to the authority.
func evaluationOfAuthority(ctx context.Context, q querier, authorityID, id int64) error {
	var one int
	if err := q.QueryRowContext(ctx, "SELECT 1 FROM evaluations WHERE authority_id = $1 AND id = $2", authorityID, id).Scan(&one); err != nil {
		return ErrNotFound
	}
	return nil
}

// AddQuestion adds an evaluation question.
func (s *Store) AddQuestion(ctx context.Context, by Actor, authorityID, evaluationID int64, q *monitoring.Question) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := evaluationOfAuthority(ctx, tx, authorityID, evaluationID); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO evaluation_questions (authority_id, evaluation_id, criterion, question, answer) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
			authorityID, evaluationID, string(q.Criterion), q.Text, q.Answer).Scan(&q.ID); err != nil {
			return fmt.Errorf("store: unable to add the question: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionCreate, entity: "question d'évaluation", entityID: q.ID, summary: q.Text, after: *q})
	})
}

// AddRecommendation adds a recommendation to an evaluation.
func (s *Store) AddRecommendation(ctx context.Context, by Actor, authorityID, evaluationID int64, r *monitoring.Recommendation) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := evaluationOfAuthority(ctx, tx, authorityID, evaluationID); err != nil {
			return err
		}
		if err := recommendedElement(ctx, tx, authorityID, evaluationID, r.Element); err != nil {
			return err
		}
		r.Version = 1
		if err := tx.QueryRowContext(ctx, `INSERT INTO evaluation_recommendations (authority_id, evaluation_id, text, owner, response, follow_up, notes,
			element_kind, element_id, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`, authorityID, evaluationID, r.Text, r.Owner,
			string(r.Response), string(r.FollowUp), r.Notes, string(r.Element.Kind), r.Element.ID, now()).Scan(&r.ID); err != nil {
			return fmt.Errorf("store: unable to add the recommendation: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionCreate, entity: "recommandation", entityID: r.ID, summary: r.Text, after: *r})
	})
}

// UpdateRecommendation saves a recommendation, its response and its follow-up, if nobody changed it since r.Version.
func (s *Store) UpdateRecommendation(ctx context.Context, by Actor, authorityID, evaluationID int64, r *monitoring.Recommendation) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var before monitoring.Recommendation
		var resp, fu, kind string
		err := tx.QueryRowContext(ctx, `SELECT id, text, owner, response, follow_up, notes, element_kind, element_id, version FROM evaluation_recommendations
			WHERE authority_id = $1 AND evaluation_id = $2 AND id = $3`, authorityID, evaluationID, r.ID).Scan(&before.ID, &before.Text, &before.Owner, &resp, &fu,
			&before.Notes, &kind, &before.Element.ID, &before.Version)
		if err != nil {
			return ErrNotFound
		}
		before.Response, before.FollowUp, before.Element.Kind = monitoring.Response(resp), monitoring.FollowUp(fu), logframe.Kind(kind)
		if err := recommendedElement(ctx, tx, authorityID, evaluationID, r.Element); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE evaluation_recommendations SET text = $1, owner = $2, response = $3, follow_up = $4, notes = $5,
			element_kind = $6, element_id = $7, updated_at = $8, version = version + 1 WHERE authority_id = $9 AND id = $10 AND version = $11`,
			r.Text, r.Owner, string(r.Response), string(r.FollowUp), r.Notes, string(r.Element.Kind), r.Element.ID, now(), authorityID, r.ID, r.Version)
		if err := updated(res, err, "recommendation"); err != nil {
			return err
		}
		r.Version++
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionUpdate, entity: "recommandation", entityID: r.ID, summary: r.Text, before: before, after: *r})
	})
}

// recommendedElement checks the element a recommendation names belongs to the evaluated strategy (the
// web layer refuses another at the field; this holds when it does not). The zero Ref is the whole.
func recommendedElement(ctx context.Context, q querier, authorityID, evaluationID int64, ref logframe.Ref) error {
	if ref.IsZero() {
		return nil
	}
	table, ok := elementTables[ref.Kind]
	if !ok || len(monitoring.CheckRecommendationElement(ref, map[logframe.Ref]bool{ref: true})) > 0 {
		return ErrNotFound
	}
	var strategyID int64
	if err := q.QueryRowContext(ctx, "SELECT strategy_id FROM evaluations WHERE authority_id = $1 AND id = $2", authorityID, evaluationID).Scan(&strategyID); err != nil {
		return ErrNotFound
	}
	return ownedBy(ctx, q, table, authorityID, strategyID, ref.ID)
}

// OpenRecommendationsAbout lists, in one query, the recommendations of the authority's evaluations that
// name the element and are neither refused nor done nor abandoned, with their evaluation, for the
// element's page.
func (s *Store) OpenRecommendationsAbout(ctx context.Context, authorityID int64, ref logframe.Ref) ([]ElementRecommendation, error) {
	return queryAll(ctx, s.db, func(r interface{ Scan(...any) error }) (ElementRecommendation, error) {
		var x ElementRecommendation
		var resp, fu string
		err := r.Scan(&x.EvaluationID, &x.EvaluationTitle, &x.R.ID, &x.R.Text, &x.R.Owner, &resp, &fu, &x.R.Version)
		x.R.Response, x.R.FollowUp, x.R.Element = monitoring.Response(resp), monitoring.FollowUp(fu), ref
		return x, err
	}, `SELECT e.id, e.title, r.id, r.text, r.owner, r.response, r.follow_up, r.version FROM evaluation_recommendations r
		JOIN evaluations e ON e.id = r.evaluation_id AND e.authority_id = r.authority_id
		WHERE r.authority_id = $1 AND r.element_kind = $2 AND r.element_id = $3 AND r.response <> $4 AND r.follow_up NOT IN ($5, $6)
		ORDER BY e.snapshot_on DESC, r.id`, authorityID, string(ref.Kind), ref.ID, string(monitoring.Refused), string(monitoring.Done), string(monitoring.Abandoned))
}

// ElementRecommendation is an open recommendation about an element, with the evaluation it comes from.
type ElementRecommendation struct {
	EvaluationID    int64
	EvaluationTitle string
	R               monitoring.Recommendation
}
