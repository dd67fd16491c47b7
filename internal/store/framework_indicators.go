package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"boussole/internal/logframe"
)

const indicatorColumns = `id, authority_id, strategy_id, level_kind, level_id, position, title, definition, measure, unit, ascending, has_baseline,
	baseline_value, baseline_text, baseline_date, baseline_comment, periodicity, sources, owner, breakdowns, public, version`

func scanIndicator(row interface{ Scan(...any) error }) (logframe.IndicatorRecord, error) {
	var in logframe.IndicatorRecord
	var kind, sources, breakdowns string
	var measure int
	var hasBaseline bool
	var b logframe.Baseline
	var bdate sql.NullString
	err := row.Scan(&in.ID, &in.AuthorityID, &in.StrategyID, &kind, &in.Level.ID, &in.Position, &in.Title, &in.Definition, &measure, &in.Unit,
		&in.Ascending, &hasBaseline, nullDecimal{&b.Value}, &b.Text, &bdate, &b.Comment, &in.Periodicity, &sources, &in.Owner, &breakdowns, &in.Public, &in.Version)
	in.Level.Kind, in.Measure = logframe.Kind(kind), logframe.Measure(measure)
	if hasBaseline {
		b.Date = partialOf(bdate)
		in.Baseline = &b
	}
	in.Sources, in.Breakdowns = splitLines(sources), splitLines(breakdowns)
	return in, err
}

// splitLines turns a stored list (one item a line) back into a slice.
func splitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func scanTarget(row interface{ Scan(...any) error }) (logframe.Target, error) {
	var t logframe.Target
	var d sql.NullString
	err := row.Scan(&t.ID, &d, nullDecimal{&t.Value}, &t.Text, &t.Comment)
	t.Date = partialOf(d)
	return t, err
}

// Indicators lists a strategy's indicators with their targets, in position order.
func (s *Store) Indicators(ctx context.Context, authorityID, strategyID int64) ([]logframe.IndicatorRecord, error) {
	return indicators(ctx, s.db, authorityID, strategyID)
}

func indicators(ctx context.Context, q querier, authorityID, strategyID int64) ([]logframe.IndicatorRecord, error) {
	list, err := queryAll(ctx, q, scanIndicator, "SELECT "+indicatorColumns+" FROM indicators WHERE authority_id = $1 AND strategy_id = $2 ORDER BY position, id", authorityID, strategyID)
	if err != nil {
		return nil, err
	}
	type row struct {
		indicator int64
		t         logframe.Target
	}
	targets, err := queryAll(ctx, q, func(r interface{ Scan(...any) error }) (row, error) {
		var x row
		var d sql.NullString
		err := r.Scan(&x.indicator, &x.t.ID, &d, nullDecimal{&x.t.Value}, &x.t.Text, &x.t.Comment)
		x.t.Date = partialOf(d)
		return x, err
	}, `SELECT t.indicator_id, t.id, t.target_date, t.value, t.text, t.comment FROM indicator_targets t JOIN indicators i ON i.id = t.indicator_id
		WHERE t.authority_id = $1 AND i.strategy_id = $2 ORDER BY t.target_date, t.id`, authorityID, strategyID)
	if err != nil {
		return nil, err
	}
	at := make(map[int64]int, len(list))
	for i := range list {
		at[list[i].ID] = i
	}
	for _, x := range targets {
		if i, ok := at[x.indicator]; ok {
			list[i].Targets = append(list[i].Targets, x.t)
		}
	}
	return list, nil
}

// Indicator returns one indicator of an authority with its targets.
func (s *Store) Indicator(ctx context.Context, authorityID, id int64) (logframe.IndicatorRecord, error) {
	in, err := queryOne(ctx, s.db, scanIndicator, "SELECT "+indicatorColumns+" FROM indicators WHERE authority_id = $1 AND id = $2", authorityID, id)
	if err != nil {
		return in, err
	}
	in.Targets, err = queryAll(ctx, s.db, scanTarget, "SELECT id, target_date, value, text, comment FROM indicator_targets WHERE authority_id = $1 AND indicator_id = $2 ORDER BY target_date, id", authorityID, id)
	return in, err
}

// levelTables maps the levels an indicator can measure to their tables; the general objective lives in
// the key elements.
var levelTables = map[logframe.Kind]string{
	logframe.KindGeneralObjective:  "strategy_key_elements",
	logframe.KindSpecificObjective: "objectives",
	logframe.KindResult:            "results",
	logframe.KindActivity:          "activities",
}

// ownedLevel checks an element a record points at belongs to the strategy.
func ownedLevel(ctx context.Context, q querier, authorityID, strategyID int64, r logframe.Ref) error {
	table, ok := levelTables[r.Kind]
	if !ok {
		return ErrNotFound
	}
	return ownedBy(ctx, q, table, authorityID, strategyID, r.ID)
}

// SaveIndicator creates (ID 0) or updates an indicator and replaces its targets.
func (s *Store) SaveIndicator(ctx context.Context, by Actor, in *logframe.IndicatorRecord) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := ownedLevel(ctx, tx, in.AuthorityID, in.StrategyID, in.Level); err != nil {
			return err
		}
		b := in.Baseline
		has := b != nil
		if !has {
			b = &logframe.Baseline{}
		}
		t := now()
		var before any
		action := actionCreate
		if in.ID == 0 {
			pos, err := nextPosition(ctx, tx, "indicators", "strategy_id", in.AuthorityID, in.StrategyID)
			if err != nil {
				return err
			}
			in.Position, in.Version = pos, 1
			err = tx.QueryRowContext(ctx, `INSERT INTO indicators (authority_id, strategy_id, level_kind, level_id, position, title, definition, measure, unit,
				ascending, has_baseline, baseline_value, baseline_text, baseline_date, baseline_comment, periodicity, sources, owner, breakdowns, public,
				created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22) RETURNING id`,
				in.AuthorityID, in.StrategyID, string(in.Level.Kind), in.Level.ID, in.Position, in.Title, in.Definition, int(in.Measure), in.Unit,
				in.Ascending, has, decimalArg(b.Value), b.Text, nullPartial(b.Date), b.Comment, in.Periodicity, strings.Join(in.Sources, "\n"), in.Owner,
				strings.Join(in.Breakdowns, "\n"), in.Public, t, t).Scan(&in.ID)
			if err != nil {
				return fmt.Errorf("store: unable to create the indicator: %w", err)
			}
		} else {
			old, err := queryOne(ctx, tx, scanIndicator, "SELECT "+indicatorColumns+" FROM indicators WHERE authority_id = $1 AND id = $2", in.AuthorityID, in.ID)
			if err != nil {
				return err
			}
			before, action = old, actionUpdate
			res, err := tx.ExecContext(ctx, `UPDATE indicators SET level_kind = $1, level_id = $2, title = $3, definition = $4, measure = $5, unit = $6,
				ascending = $7, has_baseline = $8, baseline_value = $9, baseline_text = $10, baseline_date = $11, baseline_comment = $12, periodicity = $13,
				sources = $14, owner = $15, breakdowns = $16, public = $17, updated_at = $18, version = version + 1
				WHERE authority_id = $19 AND id = $20 AND version = $21`,
				string(in.Level.Kind), in.Level.ID, in.Title, in.Definition, int(in.Measure), in.Unit, in.Ascending, has, decimalArg(b.Value), b.Text, nullPartial(b.Date),
				b.Comment, in.Periodicity, strings.Join(in.Sources, "\n"), in.Owner, strings.Join(in.Breakdowns, "\n"), in.Public, t, in.AuthorityID, in.ID, in.Version)
			if err := updated(res, err, "indicator"); err != nil {
				return err
			}
			in.Position, in.Version = old.Position, in.Version+1
			if _, err := tx.ExecContext(ctx, "DELETE FROM indicator_targets WHERE authority_id = $1 AND indicator_id = $2", in.AuthorityID, in.ID); err != nil {
				return err
			}
		}
		for i := range in.Targets {
			tg := &in.Targets[i]
			if err := tx.QueryRowContext(ctx, `INSERT INTO indicator_targets (authority_id, indicator_id, target_date, value, text, comment)
				VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, in.AuthorityID, in.ID, nullPartial(tg.Date), decimalArg(tg.Value), tg.Text, tg.Comment).Scan(&tg.ID); err != nil {
				return fmt.Errorf("store: unable to save a target: %w", err)
			}
		}
		return audit(ctx, tx, by, change{authorityID: in.AuthorityID, action: action, entity: "indicateur", entityID: in.ID, summary: in.Title, before: before, after: in})
	})
}
