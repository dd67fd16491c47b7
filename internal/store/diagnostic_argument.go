package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"boussole/internal/diagnostic"
)

// diagnostic.ArgumentRecord returns a strategy's argument; an empty one with version 0 when never saved.
func (s *Store) Argument(ctx context.Context, authorityID, strategyID int64) (diagnostic.ArgumentRecord, error) {
	return argumentIn(ctx, s.db, authorityID, strategyID)
}

func argumentIn(ctx context.Context, q querier, authorityID, strategyID int64) (diagnostic.ArgumentRecord, error) {
	a := diagnostic.ArgumentRecord{AuthorityID: authorityID, StrategyID: strategyID}
	var stakes, notes, facts, examples string
	err := q.QueryRowContext(ctx, `SELECT addressee, stakes, notes_json, local_facts, examples, updated_at, version FROM diagnostic_arguments
		WHERE authority_id = $1 AND strategy_id = $2`, authorityID, strategyID).Scan(&a.Input.Authority, &stakes, &notes, &facts, &examples, &a.UpdatedAt, &a.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return a, nil
	}
	if err != nil {
		return a, fmt.Errorf("store: unable to read the argument: %w", err)
	}
	a.Input.Stakes, a.Input.LocalFacts, a.Input.Examples = diagSplitLines(stakes), diagSplitLines(facts), diagSplitLines(examples)
	if notes != "" {
		if err := json.Unmarshal([]byte(notes), &a.Input.Notes); err != nil {
			return a, fmt.Errorf("store: unreadable argument notes: %w", err)
		}
	}
	a.UpdatedAt = a.UpdatedAt.UTC()
	return a, nil
}

// SaveArgument saves the argument if nobody saved it since a.Version (0: nobody ever did).
func (s *Store) SaveArgument(ctx context.Context, by Actor, a *diagnostic.ArgumentRecord) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := diagStrategyExists(ctx, tx, a.AuthorityID, a.StrategyID); err != nil {
			return err
		}
		notes := ""
		if len(a.Input.Notes) > 0 {
			b, err := json.Marshal(a.Input.Notes)
			if err != nil {
				return err
			}
			notes = string(b)
		}
		t := now()
		in := a.Input
		var err error
		var res sql.Result
		if a.Version == 0 {
			res, err = tx.ExecContext(ctx, `INSERT INTO diagnostic_arguments (authority_id, strategy_id, addressee, stakes, notes_json, local_facts, examples, updated_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, a.AuthorityID, a.StrategyID, in.Authority, diagJoinLines(in.Stakes), notes,
				diagJoinLines(in.LocalFacts), diagJoinLines(in.Examples), t)
			if isUniqueViolation(err) {
				return ErrConflict
			}
		} else {
			res, err = tx.ExecContext(ctx, `UPDATE diagnostic_arguments SET addressee = $1, stakes = $2, notes_json = $3, local_facts = $4, examples = $5,
				updated_at = $6, version = version + 1 WHERE authority_id = $7 AND strategy_id = $8 AND version = $9`, in.Authority, diagJoinLines(in.Stakes),
				notes, diagJoinLines(in.LocalFacts), diagJoinLines(in.Examples), t, a.AuthorityID, a.StrategyID, a.Version)
		}
		if err != nil {
			return fmt.Errorf("store: unable to save the argument: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		a.Version++
		a.UpdatedAt = t
		return audit(ctx, tx, by, change{authorityID: a.AuthorityID, action: actionUpdate, entity: "argumentaire", entityID: a.StrategyID,
			summary: fmt.Sprintf("%d enjeux retenus", len(in.Stakes)), after: in})
	})
}

// diagnostic.AssessmentRecord returns a strategy's self-assessment; an empty one with version 0 when never saved.
func (s *Store) Assessment(ctx context.Context, authorityID, strategyID int64) (diagnostic.AssessmentRecord, error) {
	return assessmentIn(ctx, s.db, authorityID, strategyID)
}

func assessmentIn(ctx context.Context, q querier, authorityID, strategyID int64) (diagnostic.AssessmentRecord, error) {
	a := diagnostic.AssessmentRecord{AuthorityID: authorityID, StrategyID: strategyID}
	var principles, conditions string
	err := q.QueryRowContext(ctx, `SELECT principles_json, conditions_met, updated_at, version FROM diagnostic_assessments
		WHERE authority_id = $1 AND strategy_id = $2`, authorityID, strategyID).Scan(&principles, &conditions, &a.UpdatedAt, &a.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return a, nil
	}
	if err != nil {
		return a, fmt.Errorf("store: unable to read the self-assessment: %w", err)
	}
	if principles != "" {
		if err := json.Unmarshal([]byte(principles), &a.Principles); err != nil {
			return a, fmt.Errorf("store: unreadable self-assessment: %w", err)
		}
	}
	a.ConditionsMet, a.UpdatedAt = diagSplitLines(conditions), a.UpdatedAt.UTC()
	return a, nil
}

// SaveAssessment saves the self-assessment if nobody saved it since a.Version (0: nobody ever did).
func (s *Store) SaveAssessment(ctx context.Context, by Actor, a *diagnostic.AssessmentRecord) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := diagStrategyExists(ctx, tx, a.AuthorityID, a.StrategyID); err != nil {
			return err
		}
		b, err := json.Marshal(a.Principles)
		if err != nil {
			return err
		}
		t := now()
		var res sql.Result
		if a.Version == 0 {
			res, err = tx.ExecContext(ctx, `INSERT INTO diagnostic_assessments (authority_id, strategy_id, principles_json, conditions_met, updated_at)
				VALUES ($1, $2, $3, $4, $5)`, a.AuthorityID, a.StrategyID, string(b), diagJoinLines(a.ConditionsMet), t)
			if isUniqueViolation(err) {
				return ErrConflict
			}
		} else {
			res, err = tx.ExecContext(ctx, `UPDATE diagnostic_assessments SET principles_json = $1, conditions_met = $2, updated_at = $3, version = version + 1
				WHERE authority_id = $4 AND strategy_id = $5 AND version = $6`, string(b), diagJoinLines(a.ConditionsMet), t, a.AuthorityID, a.StrategyID, a.Version)
		}
		if err != nil {
			return fmt.Errorf("store: unable to save the self-assessment: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		a.Version++
		a.UpdatedAt = t
		return audit(ctx, tx, by, change{authorityID: a.AuthorityID, action: actionUpdate, entity: "auto-évaluation des principes", entityID: a.StrategyID,
			summary: fmt.Sprintf("%d conditions facilitantes réunies", len(a.ConditionsMet)), after: a})
	})
}
