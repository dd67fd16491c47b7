package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"boussole/internal/consultation"
)

const questionColumns = `id, consultation_id, position, kind, prompt, help, choices, required, version`

func scanQuestion(row interface{ Scan(...any) error }) (consultation.Question, error) {
	var q consultation.Question
	var kind, choices string
	err := row.Scan(&q.ID, &q.ConsultationID, &q.Position, &kind, &q.Prompt, &q.Help, &choices, &q.Required, &q.Version)
	q.Kind, q.Choices = consultation.Kind(kind), consultation.ParseChoices(choices)
	return q, err
}

// SaveQuestion adds a question at the end of its consultation (ID 0) or saves it if nobody changed it
// since q.Version. The consultation must be the authority's.
func (s *Store) SaveQuestion(ctx context.Context, by Actor, authorityID int64, q *consultation.Question) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		c, err := consultationTx(ctx, tx, authorityID, q.ConsultationID)
		if err != nil {
			return err
		}
		choices := strings.Join(q.Choices, "\n")
		if q.ID == 0 {
			q.Position, q.Version = len(c.Questions)+1, 1
			if err := tx.QueryRowContext(ctx, `INSERT INTO consultation_questions (authority_id, consultation_id, position, kind, prompt, help, choices, required)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, authorityID, q.ConsultationID, q.Position, string(q.Kind), q.Prompt, q.Help,
				choices, q.Required).Scan(&q.ID); err != nil {
				return fmt.Errorf("store: unable to create the question: %w", err)
			}
			return audit(ctx, tx, by, change{authorityID: authorityID, action: actionCreate, entity: "question de consultation", entityID: q.ID, summary: q.Prompt, after: q})
		}
		before, ok := c.Question(q.ID)
		if !ok {
			return ErrNotFound
		}
		res, err := tx.ExecContext(ctx, `UPDATE consultation_questions SET kind = $1, prompt = $2, help = $3, choices = $4, required = $5,
			version = version + 1 WHERE authority_id = $6 AND id = $7 AND version = $8`, string(q.Kind), q.Prompt, q.Help, choices, q.Required,
			authorityID, q.ID, q.Version)
		if err := updated(res, err, "question"); err != nil {
			return err
		}
		q.Position, q.Version = before.Position, q.Version+1
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionUpdate, entity: "question de consultation", entityID: q.ID, summary: q.Prompt, before: before, after: q})
	})
}

// DeleteQuestion removes a question of the authority's consultation. Answers already given to it stay in
// the contributions, where no figure counts them any more.
func (s *Store) DeleteQuestion(ctx context.Context, by Actor, authorityID, consultationID, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		c, err := consultationTx(ctx, tx, authorityID, consultationID)
		if err != nil {
			return err
		}
		before, ok := c.Question(id)
		if !ok {
			return ErrNotFound
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM consultation_questions WHERE authority_id = $1 AND id = $2", authorityID, id); err != nil {
			return fmt.Errorf("store: unable to delete the question: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: "question de consultation", entityID: id, summary: before.Prompt, before: before})
	})
}
