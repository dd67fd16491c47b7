package store

import (
	"context"
	"database/sql"
	"fmt"

	"boussole/internal/strategy"
)

// ReadStrategy reads the parts of one strategy of an authority that the reader asks for, in one read
// transaction: every part belongs to the same moment, even while others save. ErrNotFound when the
// strategy is not the authority's.
func (s *Store) ReadStrategy(ctx context.Context, authorityID, strategyID int64, parts strategy.Part) (*strategy.Strategy, error) {
	st := &strategy.Strategy{Parts: parts}
	err := s.inReadTx(ctx, func(q querier) error {
		var err error
		if st.Record, err = strategyIn(ctx, q, authorityID, strategyID); err != nil {
			return err
		}
		if st.Authority, err = authorityByIDIn(ctx, q, authorityID); err != nil {
			return err
		}
		for _, r := range partReaders {
			if parts.Has(r.part) {
				if err := r.read(ctx, q, st); err != nil {
					return err
				}
				if s.afterPart != nil {
					s.afterPart(r.part)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return st, nil
}

// LoadFramework reads a strategy's framework part, with the links of its objectives and results and the
// diagnostic's AFOM items the check tests them against.
func (s *Store) LoadFramework(ctx context.Context, authorityID, strategyID int64) (strategy.Framework, error) {
	st, err := s.ReadStrategy(ctx, authorityID, strategyID, strategy.PartFramework)
	if err != nil {
		return strategy.Framework{}, err
	}
	return st.Framework, nil
}

// inReadTx runs fn in a read-only transaction. On SQLite it is deferred (write-ahead logging gives it a
// snapshot from its first read, and it never takes the write lock that writers' BEGIN IMMEDIATE queue on);
// on PostgreSQL it is repeatable read, since read committed would give each statement its own snapshot.
func (s *Store) inReadTx(ctx context.Context, fn func(q querier) error) error {
	opts := &sql.TxOptions{ReadOnly: true}
	if s.dialect == Postgres {
		opts.Isolation = sql.LevelRepeatableRead
	}
	tx, err := s.db.BeginTx(ctx, opts)
	if err != nil {
		return fmt.Errorf("store: unable to begin a read: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // a read has nothing to undo
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// partReaders reads each part of a strategy. A capability that adds a part to strategy.Strategy adds its
// reader here, in a file of its own.
var partReaders = []struct {
	part strategy.Part
	read func(ctx context.Context, q querier, st *strategy.Strategy) error
}{
	{strategy.PartSteps, readSteps},
	{strategy.PartFramework, readFramework},
	{strategy.PartAwareness, readAwareness},
	{strategy.PartDiagnostic, readDiagnostic},
	{strategy.PartStakeholders, readStakeholders},
	{strategy.PartPlanning, readPlanning},
	{strategy.PartMonitoring, readMonitoring},
	{strategy.PartMonitoringSummary, readMonitoringSummary},
	{strategy.PartFunding, readFunding},
	{strategy.PartConsultations, readConsultations},
}

func readSteps(ctx context.Context, q querier, st *strategy.Strategy) (err error) {
	st.Steps, err = stepsIn(ctx, q, st.Record.AuthorityID, st.Record.ID)
	return err
}
