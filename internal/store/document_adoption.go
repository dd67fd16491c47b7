package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"boussole/internal/document"
	"boussole/internal/model"
	"boussole/internal/partialdate"
)

// RecordAdoption stores the vote with the frozen document and dates the strategy's adoption by it, in one
// transaction; a strategy in preparation comes into force, one already in force or past keeps its status
// (the vote on a revision, or one recorded afterwards). The row is never changed afterwards (the schema
// refuses it).
func (s *Store) RecordAdoption(ctx context.Context, by Actor, a *document.Adopted) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		st, err := scanStrategy(tx.QueryRowContext(ctx, "SELECT "+strategyColumns+" FROM strategies WHERE authority_id = $1 AND id = $2", a.AuthorityID, a.StrategyID))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		t := now()
		a.RecordedAt, a.RecordedBy = t, by.Label
		err = tx.QueryRowContext(ctx, `INSERT INTO strategy_adoptions (authority_id, strategy_id, adopted_on, body, number, result, content_hash, snapshot, odt, pdf,
			recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
			a.AuthorityID, a.StrategyID, a.Vote.On.ISO(), a.Vote.Body, a.Vote.Number, a.Vote.Result, a.Hash, a.Snapshot, a.ODT, a.PDF, a.RecordedBy, t).Scan(&a.ID)
		if err != nil {
			return fmt.Errorf("store: unable to record the adoption: %w", err)
		}
		status := st.Status
		if status == model.StrategyDraft {
			status = model.StrategyCurrent
		}
		if _, err := tx.ExecContext(ctx, `UPDATE strategies SET status = $1, adopted_on = $2, updated_at = $3, version = version + 1 WHERE authority_id = $4 AND id = $5`,
			string(status), a.Vote.On.ISO(), t, a.AuthorityID, a.StrategyID); err != nil {
			return fmt.Errorf("store: unable to mark the strategy adopted: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: a.AuthorityID, action: actionCreate, entity: "adoption", entityID: a.ID,
			summary: st.Title + " : " + a.Vote.Body + " " + a.Vote.On.Prefixed() + ", empreinte " + a.Hash[:12],
			after:   map[string]any{"date": a.Vote.On, "assemblée": a.Vote.Body, "numéro": a.Vote.Number, "résultat": a.Vote.Result, "empreinte": a.Hash}})
	})
}

const adoptionColumns = "id, authority_id, strategy_id, adopted_on, body, number, result, content_hash, recorded_by, recorded_at"

func scanAdoption(row interface{ Scan(...any) error }, extra ...any) (document.Adopted, error) {
	var a document.Adopted
	var on string
	err := row.Scan(append([]any{&a.ID, &a.AuthorityID, &a.StrategyID, &on, &a.Vote.Body, &a.Vote.Number, &a.Vote.Result, &a.Hash, &a.RecordedBy, &a.RecordedAt}, extra...)...)
	if err != nil {
		return a, err
	}
	a.RecordedAt = a.RecordedAt.UTC()
	a.Vote.On, err = partialdate.ParseISO(on)
	return a, err
}

// Adoptions lists a strategy's recorded votes, latest first, without their files.
func (s *Store) Adoptions(ctx context.Context, authorityID, strategyID int64) ([]document.Adopted, error) {
	return queryAll(ctx, prepared{s}, func(row rowScanner) (document.Adopted, error) { return scanAdoption(row) },
		"SELECT "+adoptionColumns+" FROM strategy_adoptions WHERE authority_id = $1 AND strategy_id = $2 ORDER BY recorded_at DESC, id DESC",
		authorityID, strategyID)
}

// Adoption returns one recorded vote with its snapshot and files, as they were stored.
func (s *Store) Adoption(ctx context.Context, authorityID, id int64) (document.Adopted, error) {
	var snapshot, odt, pdf []byte
	a, err := scanAdoption(s.queryRow(ctx, "SELECT "+adoptionColumns+", snapshot, odt, pdf FROM strategy_adoptions WHERE authority_id = $1 AND id = $2",
		authorityID, id), &snapshot, &odt, &pdf)
	if errors.Is(err, sql.ErrNoRows) {
		return a, ErrNotFound
	}
	if err != nil {
		return a, fmt.Errorf("store: unable to read the adoption: %w", err)
	}
	a.Snapshot, a.ODT, a.PDF = snapshot, odt, pdf
	return a, nil
}
