package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"boussole/internal/consultation"
)

const consultationColumns = `id, authority_id, title, context, opens_on, closes_on, status, categories, ask_commune, ask_age,
	retention_months, synthesis, response, results_public, synthesis_version, created_at, updated_at, version`

func scanConsultation(row interface{ Scan(...any) error }) (consultation.Consultation, error) {
	var cs consultationScan
	err := row.Scan(cs.dest()...)
	return cs.finish(), err
}

// consultationScan receives one row of consultationColumns, alone or beside other records' columns.
type consultationScan struct {
	c            consultation.Consultation
	status, cats string
}

func (cs *consultationScan) dest() []any {
	c := &cs.c
	return []any{&c.ID, &c.AuthorityID, &c.Title, &c.Context, &c.OpensOn, &c.ClosesOn, &cs.status, &cs.cats, &c.AskCommune, &c.AskAge,
		&c.RetentionMonths, &c.Synthesis, &c.Response, &c.ResultsPublic, &c.SynthesisVersion, &c.CreatedAt, &c.UpdatedAt, &c.Version}
}

func (cs *consultationScan) finish() consultation.Consultation {
	c := cs.c
	c.Status = consultation.Status(cs.status)
	for _, k := range strings.Split(cs.cats, ",") {
		if k != "" {
			c.Categories = append(c.Categories, consultation.Category(k))
		}
	}
	c.OpensOn, c.ClosesOn = consultation.Day(c.OpensOn), consultation.Day(c.ClosesOn)
	c.CreatedAt, c.UpdatedAt = c.CreatedAt.UTC(), c.UpdatedAt.UTC()
	return c
}

func joinCategories(list []consultation.Category) string {
	parts := make([]string, len(list))
	for i, k := range list {
		parts[i] = string(k)
	}
	return strings.Join(parts, ",")
}

// Consultations lists the authority's consultations, newest opening first, without their questions.
func (s *Store) Consultations(ctx context.Context, authorityID int64) ([]consultation.Consultation, error) {
	return queryAll(ctx, s.db, scanConsultation, "SELECT "+consultationColumns+" FROM consultations WHERE authority_id = $1 ORDER BY opens_on DESC, id DESC", authorityID)
}

// PublicConsultations lists the consultations the public page may show (every status but a draft),
// newest opening first, with their questions.
func (s *Store) PublicConsultations(ctx context.Context, authorityID int64) ([]consultation.Consultation, error) {
	list, err := queryAll(ctx, s.db, scanConsultation, "SELECT "+consultationColumns+` FROM consultations WHERE authority_id = $1
		AND status <> $2 ORDER BY opens_on DESC, id DESC LIMIT 100`, authorityID, string(consultation.Draft))
	if err != nil {
		return nil, err
	}
	return list, s.attachQuestions(ctx, s.db, authorityID, list)
}

// Consultation returns one consultation of the authority with its questions in order.
func (s *Store) Consultation(ctx context.Context, authorityID, id int64) (consultation.Consultation, error) {
	return consultationTx(ctx, s.db, authorityID, id)
}

func consultationTx(ctx context.Context, q querier, authorityID, id int64) (consultation.Consultation, error) {
	c, err := queryOne(ctx, q, scanConsultation, "SELECT "+consultationColumns+" FROM consultations WHERE authority_id = $1 AND id = $2", authorityID, id)
	if err != nil {
		return c, err
	}
	c.Questions, err = queryAll(ctx, q, scanQuestion, "SELECT "+questionColumns+` FROM consultation_questions
		WHERE authority_id = $1 AND consultation_id = $2 ORDER BY position, id`, authorityID, id)
	return c, err
}

// attachQuestions loads the questions of several consultations in one query.
func (s *Store) attachQuestions(ctx context.Context, q querier, authorityID int64, list []consultation.Consultation) error {
	if len(list) == 0 {
		return nil
	}
	qs, err := queryAll(ctx, q, scanQuestion, "SELECT "+questionColumns+` FROM consultation_questions q
		WHERE authority_id = $1 AND EXISTS (SELECT 1 FROM consultations c WHERE c.id = q.consultation_id AND c.authority_id = $1 AND c.status <> $2)
		ORDER BY position, id`, authorityID, string(consultation.Draft))
	if err != nil {
		return err
	}
	at := map[int64]int{}
	for i, c := range list {
		at[c.ID] = i
	}
	for _, qu := range qs {
		if i, ok := at[qu.ConsultationID]; ok {
			list[i].Questions = append(list[i].Questions, qu)
		}
	}
	return nil
}

// CreateConsultation records a new consultation, as a draft.
func (s *Store) CreateConsultation(ctx context.Context, by Actor, c *consultation.Consultation) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		t := now()
		if c.Status == "" {
			c.Status = consultation.Draft
		}
		c.CreatedAt, c.UpdatedAt, c.Version, c.SynthesisVersion = t, t, 1, 1
		err := tx.QueryRowContext(ctx, `INSERT INTO consultations (authority_id, title, context, opens_on, closes_on, status, categories,
			ask_commune, ask_age, retention_months, synthesis, response, results_public, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`, c.AuthorityID, c.Title, c.Context,
			nullDate(c.OpensOn), nullDate(c.ClosesOn), string(c.Status), joinCategories(c.Categories), c.AskCommune, c.AskAge, c.RetentionMonths,
			c.Synthesis, c.Response, c.ResultsPublic, t, t).Scan(&c.ID)
		if err != nil {
			return fmt.Errorf("store: unable to create the consultation: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: c.AuthorityID, action: actionCreate, entity: "consultation", entityID: c.ID, summary: c.Title, after: c})
	})
}

// UpdateConsultation saves a consultation's fields (not its questions) if nobody changed it since c.Version.
func (s *Store) UpdateConsultation(ctx context.Context, by Actor, c *consultation.Consultation) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := consultationTx(ctx, tx, c.AuthorityID, c.ID)
		if err != nil {
			return err
		}
		t := now()
		res, err := tx.ExecContext(ctx, `UPDATE consultations SET title = $1, context = $2, opens_on = $3, closes_on = $4, status = $5,
			categories = $6, ask_commune = $7, ask_age = $8, retention_months = $9,
			updated_at = $10, version = version + 1 WHERE authority_id = $11 AND id = $12 AND version = $13`, c.Title, c.Context,
			nullDate(c.OpensOn), nullDate(c.ClosesOn), string(c.Status), joinCategories(c.Categories), c.AskCommune, c.AskAge,
			c.RetentionMonths, t, c.AuthorityID, c.ID, c.Version)
		if err := updated(res, err, "consultation"); err != nil {
			return err
		}
		c.Version, c.UpdatedAt, c.CreatedAt = c.Version+1, t, before.CreatedAt
		c.Synthesis, c.Response, c.ResultsPublic, c.SynthesisVersion = before.Synthesis, before.Response, before.ResultsPublic, before.SynthesisVersion
		c.Questions, before.Questions = before.Questions, nil // questions have their own journal entries
		after := *c
		after.Questions = nil
		return audit(ctx, tx, by, change{authorityID: c.AuthorityID, action: actionUpdate, entity: "consultation", entityID: c.ID, summary: c.Title, before: before, after: after})
	})
}

// SaveSynthesis saves a consultation's synthesis, response and whether its results are public, if
// nobody changed them since c.SynthesisVersion.
func (s *Store) SaveSynthesis(ctx context.Context, by Actor, c *consultation.Consultation) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := consultationTx(ctx, tx, c.AuthorityID, c.ID)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE consultations SET synthesis = $1, response = $2, results_public = $3, updated_at = $4,
			synthesis_version = synthesis_version + 1 WHERE authority_id = $5 AND id = $6 AND synthesis_version = $7`, c.Synthesis, c.Response,
			c.ResultsPublic, now(), c.AuthorityID, c.ID, c.SynthesisVersion)
		if err := updated(res, err, "synthesis"); err != nil {
			return err
		}
		c.SynthesisVersion++
		type synthesis struct {
			Synthesis, Response string
			ResultsPublic       bool
		}
		return audit(ctx, tx, by, change{authorityID: c.AuthorityID, action: actionUpdate, entity: "consultation", entityID: c.ID, summary: c.Title + " : synthèse",
			before: synthesis{before.Synthesis, before.Response, before.ResultsPublic}, after: synthesis{c.Synthesis, c.Response, c.ResultsPublic}})
	})
}

// DeleteConsultation removes a consultation, its questions and contributions.
func (s *Store) DeleteConsultation(ctx context.Context, by Actor, authorityID, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := consultationTx(ctx, tx, authorityID, id)
		if err != nil {
			return err
		}
		before.Questions = nil
		if _, err := tx.ExecContext(ctx, "DELETE FROM consultations WHERE authority_id = $1 AND id = $2", authorityID, id); err != nil {
			return fmt.Errorf("store: unable to delete the consultation: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: "consultation", entityID: id, summary: before.Title, before: before})
	})
}
