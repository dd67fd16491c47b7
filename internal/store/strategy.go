package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"boussole/internal/model"
	"boussole/internal/partialdate"
	"boussole/internal/process"
)

const strategyColumns = "id, authority_id, title, term_start, term_end, status, adopted_on, created_at, updated_at, version"

func scanStrategy(row interface{ Scan(...any) error }) (model.Strategy, error) {
	var st model.Strategy
	var status, adopted string
	err := row.Scan(&st.ID, &st.AuthorityID, &st.Title, &st.TermStart, &st.TermEnd, &status, &adopted, &st.CreatedAt, &st.UpdatedAt, &st.Version)
	st.Status = model.StrategyStatus(status)
	// The column only ever holds what ISO wrote; an unreadable value reads as unknown rather than failing the page.
	st.AdoptedOn, _ = partialdate.ParseISO(adopted)
	return st, err
}

// Strategies lists an authority's strategies, newest term first.
func (s *Store) Strategies(ctx context.Context, authorityID int64) ([]model.Strategy, error) {
	return queryAll(ctx, prepared{s}, scanStrategy, "SELECT "+strategyColumns+" FROM strategies WHERE authority_id = $1 ORDER BY term_start DESC, id DESC", authorityID)
}

// Strategy returns one strategy of an authority.
func (s *Store) Strategy(ctx context.Context, authorityID, id int64) (model.Strategy, error) {
	return strategyIn(ctx, s.db, authorityID, id)
}

func strategyIn(ctx context.Context, q querier, authorityID, id int64) (model.Strategy, error) {
	st, err := scanStrategy(q.QueryRowContext(ctx, "SELECT "+strategyColumns+" FROM strategies WHERE authority_id = $1 AND id = $2", authorityID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return st, ErrNotFound
	}
	return st, err
}

// CreateStrategy creates a strategy and its process tracker, with the guide's default calendar starting
// on elaborationStart. A strategy registered as already adopted passes the zero time: its steps are over
// and nobody is asked to invent when they took place.
func (s *Store) CreateStrategy(ctx context.Context, by Actor, st *model.Strategy, elaborationStart time.Time) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return createStrategyIn(ctx, tx, by, st, elaborationStart) })
}

// createStrategyIn is CreateStrategy inside tx, for the writes that create a strategy with more in it.
func createStrategyIn(ctx context.Context, tx *sql.Tx, by Actor, st *model.Strategy, elaborationStart time.Time) error {
	t := now()
	st.CreatedAt, st.UpdatedAt, st.Version = t, t, 1
	err := tx.QueryRowContext(ctx, `INSERT INTO strategies (authority_id, title, term_start, term_end, status, adopted_on, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, st.AuthorityID, st.Title, st.TermStart, st.TermEnd, string(st.Status), st.AdoptedOn.ISO(), t, t).Scan(&st.ID)
	if err != nil {
		return fmt.Errorf("store: unable to create the strategy: %w", err)
	}
	status := process.StartingStatus(st.Adopted())
	for _, d := range process.Steps {
		var from, to time.Time
		if !elaborationStart.IsZero() {
			from, to = d.PlannedDates(elaborationStart)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO process_steps (authority_id, strategy_id, step, status, planned_start, planned_end, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, st.AuthorityID, st.ID, string(d.Step), string(status), nullDate(from), nullDate(to), t); err != nil {
			return fmt.Errorf("store: unable to create the process steps: %w", err)
		}
	}
	return audit(ctx, tx, by, change{authorityID: st.AuthorityID, action: actionCreate, entity: "stratégie", entityID: st.ID, summary: st.Title, after: st})
}

// UpdateStrategy saves a strategy's title, term, status and adoption date if nobody changed it since version.
// On ErrConflict the caller reads the stored version again to show both.
func (s *Store) UpdateStrategy(ctx context.Context, by Actor, st *model.Strategy) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := scanStrategy(tx.QueryRowContext(ctx, "SELECT "+strategyColumns+" FROM strategies WHERE authority_id = $1 AND id = $2", st.AuthorityID, st.ID))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		t := now()
		res, err := tx.ExecContext(ctx, `UPDATE strategies SET title = $1, term_start = $2, term_end = $3, status = $4, adopted_on = $5, updated_at = $6,
			version = version + 1 WHERE authority_id = $7 AND id = $8 AND version = $9`,
			st.Title, st.TermStart, st.TermEnd, string(st.Status), st.AdoptedOn.ISO(), t, st.AuthorityID, st.ID, st.Version)
		if err != nil {
			return fmt.Errorf("store: unable to save the strategy: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		st.Version++
		st.UpdatedAt = t
		return audit(ctx, tx, by, change{authorityID: st.AuthorityID, action: actionUpdate, entity: "stratégie", entityID: st.ID, summary: st.Title, before: before, after: st})
	})
}

const stepColumns = "id, authority_id, strategy_id, step, status, owner, planned_start, planned_end, actual_start, actual_end, notes, updated_at, version"

func scanStep(row interface{ Scan(...any) error }) (model.StepState, error) {
	var st model.StepState
	var step, status string
	var ps, pe, as, ae sql.NullTime
	err := row.Scan(&st.ID, &st.AuthorityID, &st.StrategyID, &step, &status, &st.Owner, &ps, &pe, &as, &ae, &st.Notes, &st.UpdatedAt, &st.Version)
	st.Step, st.Status = process.Step(step), process.Status(status)
	st.PlannedStart, st.PlannedEnd, st.ActualStart, st.ActualEnd = timeOf(ps), timeOf(pe), timeOf(as), timeOf(ae)
	return st, err
}

// Steps returns a strategy's process tracker in the method's order.
func (s *Store) Steps(ctx context.Context, authorityID, strategyID int64) ([]model.StepState, error) {
	return stepsIn(ctx, s.db, authorityID, strategyID)
}

func stepsIn(ctx context.Context, q querier, authorityID, strategyID int64) ([]model.StepState, error) {
	stored, err := queryAll(ctx, q, scanStep, "SELECT "+stepColumns+" FROM process_steps WHERE authority_id = $1 AND strategy_id = $2", authorityID, strategyID)
	if err != nil {
		return nil, err
	}
	byStep := make(map[process.Step]model.StepState, len(stored))
	for _, st := range stored {
		byStep[st.Step] = st
	}
	var out []model.StepState
	for _, d := range process.Steps {
		if st, ok := byStep[d.Step]; ok {
			out = append(out, st)
		}
	}
	return out, nil
}

// Step returns one step of a strategy's tracker.
func (s *Store) Step(ctx context.Context, authorityID, strategyID int64, step process.Step) (model.StepState, error) {
	st, err := scanStep(s.queryRow(ctx, "SELECT "+stepColumns+" FROM process_steps WHERE authority_id = $1 AND strategy_id = $2 AND step = $3",
		authorityID, strategyID, string(step)))
	if errors.Is(err, sql.ErrNoRows) {
		return st, ErrNotFound
	}
	return st, err
}

// UpdateStep saves one step of the tracker if nobody changed it since st.Version.
func (s *Store) UpdateStep(ctx context.Context, by Actor, st *model.StepState) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := scanStep(tx.QueryRowContext(ctx, "SELECT "+stepColumns+" FROM process_steps WHERE authority_id = $1 AND strategy_id = $2 AND step = $3",
			st.AuthorityID, st.StrategyID, string(st.Step)))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		t := now()
		res, err := tx.ExecContext(ctx, `UPDATE process_steps SET status = $1, owner = $2, planned_start = $3, planned_end = $4, actual_start = $5, actual_end = $6,
			notes = $7, updated_at = $8, version = version + 1 WHERE id = $9 AND authority_id = $10 AND version = $11`,
			string(st.Status), st.Owner, nullDate(st.PlannedStart), nullDate(st.PlannedEnd), nullDate(st.ActualStart), nullDate(st.ActualEnd),
			st.Notes, t, before.ID, st.AuthorityID, st.Version)
		if err != nil {
			return fmt.Errorf("store: unable to save the step: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		st.ID, st.Version, st.UpdatedAt = before.ID, st.Version+1, t
		return audit(ctx, tx, by, change{authorityID: st.AuthorityID, action: actionUpdate, entity: "étape", entityID: st.ID,
			summary: st.Definition().Title, before: before, after: st})
	})
}
