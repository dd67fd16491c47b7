package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/monitoring"
)

// ErrAlreadyPrepared is returned when the strategy already has a successor prepared from it.
var ErrAlreadyPrepared = errors.New("store: the next strategy was already prepared from this one")

// Revision is how a strategy was prepared from the previous one: the report the page shows and the notes
// the previous strategy left on its elements.
type Revision struct {
	StrategyID, PreviousID int64
	Report                 monitoring.RevisionReport
	Notes                  []RevisionNote
	CreatedAt              time.Time
}

// RevisionNote is a note on an element of the new strategy; Element.Kind is « strategie » for the whole.
type RevisionNote struct {
	Element logframe.Ref
	Source  monitoring.NoteSource
	Text    string
}

// KindWholeStrategy is the element kind of a note on the strategy as a whole.
const KindWholeStrategy logframe.Kind = "strategie"

// PrepareNextStrategy creates next, a draft strategy of the authority, from the strategy previousID, in one
// transaction: the key elements, values and dimensions, objectives, results, activities, indicators (with
// plan's new baselines, without targets) and their owners, assumptions, risks, geographic and thematic
// priorities with their links, local targets and ODD tags; then the plan's notes on the copies and the
// report. The previous strategy is only read. On success next holds the new strategy.
func (s *Store) PrepareNextStrategy(ctx context.Context, by Actor, authorityID, previousID int64, next *model.Strategy, plan monitoring.RevisionPlan,
	report monitoring.RevisionReport) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := strategyIn(ctx, tx, authorityID, previousID); err != nil {
			return err
		}
		var existing int64
		err := tx.QueryRowContext(ctx, "SELECT strategy_id FROM strategy_revisions WHERE authority_id = $1 AND previous_id = $2", authorityID, previousID).Scan(&existing)
		if err == nil {
			return ErrAlreadyPrepared
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		next.AuthorityID, next.Status = authorityID, model.StrategyDraft
		if err := createStrategyIn(ctx, tx, by, next, monitoring.RevisionDay(time.Now())); err != nil {
			return err
		}
		c := &carrier{ctx: ctx, tx: tx, a: authorityID, from: previousID, to: next.ID, ids: map[logframe.Kind]map[int64]int64{}, t: now()}
		if err := c.framework(plan); err != nil {
			return err
		}
		notes := make([]RevisionNote, 0, len(plan.Notes))
		for _, n := range plan.Notes {
			el := logframe.Ref{Kind: KindWholeStrategy, ID: next.ID}
			if id, ok := c.ids[n.Element.Kind][n.Element.ID]; ok && !n.Element.IsZero() {
				el = logframe.Ref{Kind: n.Element.Kind, ID: id}
			} // else the element was not carried, or is the whole: the note goes with the whole
			notes = append(notes, RevisionNote{Element: el, Source: n.Source, Text: n.Text})
		}
		if err := recordRevisionIn(ctx, tx, authorityID, next.ID, previousID, notes, report, c.t); err != nil {
			return err
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionCreate, entity: "stratégie suivante", entityID: next.ID,
			summary: next.Title + " préparée à partir de la stratégie " + strconv.FormatInt(previousID, 10),
			after:   map[string]any{"stratégie précédente": previousID, "repris": report.Carried, "non repris": report.NotCarried}})
	})
}

// RecordRevision records that the strategy was prepared from previousID, with notes already on its own
// elements (Kind « strategie » for the whole), for a strategy written before the preparation existed (the
// demonstration's). It refuses a second record of either strategy.
func (s *Store) RecordRevision(ctx context.Context, by Actor, authorityID, strategyID, previousID int64, notes []RevisionNote, report monitoring.RevisionReport) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, id := range []int64{strategyID, previousID} {
			if _, err := strategyIn(ctx, tx, authorityID, id); err != nil {
				return err
			}
		}
		for i := range notes {
			if notes[i].Element.IsZero() {
				notes[i].Element = logframe.Ref{Kind: KindWholeStrategy, ID: strategyID}
			}
		}
		if err := recordRevisionIn(ctx, tx, authorityID, strategyID, previousID, notes, report, now()); err != nil {
			return err
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionCreate, entity: "stratégie suivante", entityID: strategyID,
			summary: "Préparée à partir de la stratégie " + strconv.FormatInt(previousID, 10),
			after:   map[string]any{"stratégie précédente": previousID, "repris": report.Carried, "non repris": report.NotCarried}})
	})
}

// recordRevisionIn writes the revision and its notes inside tx.
func recordRevisionIn(ctx context.Context, tx *sql.Tx, authorityID, strategyID, previousID int64, notes []RevisionNote, report monitoring.RevisionReport, at time.Time) error {
	for _, n := range notes {
		if _, err := tx.ExecContext(ctx, `INSERT INTO revision_notes (authority_id, strategy_id, element_kind, element_id, source, text)
			VALUES ($1, $2, $3, $4, $5, $6)`, authorityID, strategyID, string(n.Element.Kind), n.Element.ID, string(n.Source), n.Text); err != nil {
			return fmt.Errorf("store: unable to write a revision note: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO strategy_revisions (strategy_id, authority_id, previous_id, report_json, created_at) VALUES ($1, $2, $3, $4, $5)`,
		strategyID, authorityID, previousID, toJSON(report), at); err != nil {
		if isUniqueViolation(err) {
			return ErrAlreadyPrepared // another preparation of the same strategy committed first
		}
		return fmt.Errorf("store: unable to record the revision: %w", err)
	}
	return nil
}

// StrategyRevision returns how the strategy was prepared, and false when it was not prepared from another.
func (s *Store) StrategyRevision(ctx context.Context, authorityID, strategyID int64) (Revision, bool, error) {
	r := Revision{StrategyID: strategyID}
	var raw string
	err := s.db.QueryRowContext(ctx, "SELECT previous_id, report_json, created_at FROM strategy_revisions WHERE authority_id = $1 AND strategy_id = $2",
		authorityID, strategyID).Scan(&r.PreviousID, &raw, &r.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return r, false, nil
	}
	if err != nil {
		return r, false, fmt.Errorf("store: unable to read the revision: %w", err)
	}
	if err := json.Unmarshal([]byte(raw), &r.Report); err != nil {
		return r, false, fmt.Errorf("store: unreadable revision report: %w", err)
	}
	r.Notes, err = queryAll(ctx, s.db, func(row rowScanner) (RevisionNote, error) {
		var n RevisionNote
		var kind, source string
		err := row.Scan(&kind, &n.Element.ID, &source, &n.Text)
		n.Element.Kind, n.Source = logframe.Kind(kind), monitoring.NoteSource(source)
		return n, err
	}, "SELECT element_kind, element_id, source, text FROM revision_notes WHERE authority_id = $1 AND strategy_id = $2 ORDER BY id",
		authorityID, strategyID)
	if err != nil {
		return r, false, err
	}
	return r, true, nil
}

// Successor returns the strategy prepared from strategyID, 0 when none.
func (s *Store) Successor(ctx context.Context, authorityID, strategyID int64) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, "SELECT strategy_id FROM strategy_revisions WHERE authority_id = $1 AND previous_id = $2", authorityID, strategyID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// carrier copies the previous strategy's framework into the new one, remembering each copy's ID.
type carrier struct {
	ctx      context.Context
	tx       *sql.Tx
	a        int64
	from, to int64
	ids      map[logframe.Kind]map[int64]int64
	t        time.Time
}

// copyRows copies the rows of table that belong to the previous strategy (where) column by column: cols
// are copied as they are, and set gives, for each old row (its id and the refs it reads first), the
// columns that change. Each copy's ID is remembered under kind.
func (c *carrier) copyRows(kind logframe.Kind, table, where string, cols []string, refs []string, set func(old int64, refs []any) (map[string]any, bool)) error {
	if c.ids[kind] == nil {
		c.ids[kind] = map[int64]int64{}
	}
	q := "SELECT id"
	for _, r := range refs {
		q += ", " + r
	}
	type row struct {
		id   int64
		refs []any
	}
	list, err := queryAll(c.ctx, c.tx, func(rs rowScanner) (row, error) {
		r := row{refs: make([]any, len(refs))}
		dst := make([]any, 1+len(refs))
		dst[0] = &r.id
		for i := range refs {
			dst[1+i] = &r.refs[i]
		}
		err := rs.Scan(dst...)
		return r, err
	}, q+" FROM "+table+" WHERE authority_id = $1 AND "+where+" ORDER BY id", c.a, c.from)
	if err != nil {
		return fmt.Errorf("store: unable to read %s to carry over: %w", table, err)
	}
	for _, r := range list {
		changes, keep := set(r.id, r.refs)
		if !keep {
			continue
		}
		var names, selects []string
		var values []any
		for _, col := range cols {
			if _, changed := changes[col]; !changed {
				names, selects = append(names, col), append(selects, col)
			}
		}
		for k, v := range changes {
			names = append(names, k)
			values = append(values, v)
			selects = append(selects, "$"+strconv.Itoa(len(values)))
		}
		values = append(values, r.id)
		var id int64
		err := c.tx.QueryRowContext(c.ctx, "INSERT INTO "+table+" ("+strings.Join(names, ", ")+") SELECT "+strings.Join(selects, ", ")+" FROM "+table+
			" WHERE id = $"+strconv.Itoa(len(values))+" RETURNING id", values...).Scan(&id)
		if err != nil {
			return fmt.Errorf("store: unable to carry over %s: %w", table, err)
		}
		c.ids[kind][r.id] = id
	}
	return nil
}

// base are the columns every copied row changes: its strategy, its timestamps (where it has them).
func (c *carrier) base(stamps bool) map[string]any {
	m := map[string]any{"authority_id": c.a, "strategy_id": c.to}
	if stamps {
		m["created_at"], m["updated_at"] = c.t, c.t
	}
	return m
}

// mapped returns the copy of an element of the previous strategy.
func (c *carrier) mapped(kind logframe.Kind, id any) (int64, bool) {
	n, ok := asInt64(id)
	if !ok {
		return 0, false
	}
	v, ok := c.ids[kind][n]
	return v, ok
}

func asInt64(v any) (int64, bool) {
	switch x := v.(type) {
	case int64:
		return x, true
	case int:
		return int64(x), true
	case int32:
		return int64(x), true
	}
	return 0, false
}

func asString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []byte:
		return string(x)
	}
	return ""
}

const byStrategy = "strategy_id = $2"

func (c *carrier) framework(plan monitoring.RevisionPlan) error {
	same := func(int64, []any) (map[string]any, bool) { return c.base(false), true }
	steps := []func() error{
		func() error {
			return c.copyRows(logframe.KindGeneralObjective, "strategy_key_elements", byStrategy,
				[]string{"vision", "mission", "political_project", "general_title", "general_description"}, nil,
				func(int64, []any) (map[string]any, bool) {
					m := c.base(false)
					m["updated_at"] = c.t
					return m, true
				})
		},
		func() error {
			return c.copyRows(logframe.KindValue, "strategy_values", byStrategy, []string{"position", "name", "explanation"}, nil, same)
		},
		func() error {
			return c.copyRows(logframe.KindDimension, "strategy_dimensions", byStrategy, []string{"position", "name", "weight"}, nil, same)
		},
		func() error {
			return c.copyRows(logframe.KindSpecificObjective, "objectives", byStrategy,
				[]string{"position", "title", "description", "specific", "measure", "achievable", "target_date", "resources", "provenance"}, nil,
				func(int64, []any) (map[string]any, bool) { return c.base(true), true })
		},
		func() error {
			return c.copyRows(logframe.KindResult, "results", byStrategy, []string{"position", "title", "description", "provenance"}, []string{"objective_id"},
				func(_ int64, refs []any) (map[string]any, bool) {
					o, ok := c.mapped(logframe.KindSpecificObjective, refs[0])
					m := c.base(true)
					m["objective_id"] = o
					return m, ok
				})
		},
		func() error {
			return c.copyRows(logframe.KindActivity, "activities", byStrategy,
				[]string{"position", "title", "description", "owner", "resources", "cost_cents"}, []string{"result_id"},
				func(_ int64, refs []any) (map[string]any, bool) {
					r, ok := c.mapped(logframe.KindResult, refs[0])
					m := c.base(true)
					m["result_id"] = r
					// The old dates belong to the previous term; the planning is redone.
					m["start_date"], m["end_date"] = nil, nil
					return m, ok
				})
		},
		func() error {
			return c.copyRows(logframe.KindIndicator, "indicators", byStrategy,
				[]string{"position", "title", "definition", "measure", "unit", "ascending", "periodicity", "sources", "owner", "breakdowns", "public", "provenance",
					"has_baseline", "baseline_value", "baseline_text", "baseline_date", "baseline_comment"}, []string{"level_kind", "level_id"},
				func(old int64, refs []any) (map[string]any, bool) {
					level, ok := c.mapped(logframe.Kind(asString(refs[0])), refs[1])
					m := c.base(true)
					m["level_kind"], m["level_id"] = asString(refs[0]), level
					if b, carried := plan.Baselines[old]; carried {
						m["has_baseline"], m["baseline_value"], m["baseline_text"] = true, decimalArg(b.Value), b.Text
						m["baseline_date"], m["baseline_comment"] = nullPartial(b.Date), b.Comment
					}
					return m, ok
				})
		},
		c.owners,
		func() error {
			return c.copyRows(logframe.KindAssumption, "assumptions", byStrategy, []string{"text"}, []string{"target_kind", "target_id"},
				func(_ int64, refs []any) (map[string]any, bool) {
					target, ok := c.mapped(logframe.Kind(asString(refs[0])), refs[1])
					m := c.base(false)
					m["target_kind"], m["target_id"] = asString(refs[0]), target
					return m, ok
				})
		},
		func() error {
			return c.copyRows(logframe.KindRisk, "risks", byStrategy,
				[]string{"position", "description", "category", "likelihood", "impact", "mitigation", "owner", "status", "provenance"}, []string{"linked_kind", "linked_id"},
				func(_ int64, refs []any) (map[string]any, bool) {
					m := c.base(true)
					kind := asString(refs[0])
					m["linked_kind"], m["linked_id"] = kind, int64(0)
					if kind != "" {
						if id, ok := c.mapped(logframe.Kind(kind), refs[1]); ok {
							m["linked_id"] = id
						} else {
							m["linked_kind"] = ""
						}
					}
					return m, true
				})
		},
		func() error {
			return c.copyRows(logframe.KindGeoPriority, "geo_priorities", byStrategy,
				[]string{"position", "kind", "country_code", "name", "reason", "comment"}, nil, same)
		},
		func() error {
			return c.copyRows(monitoring.KindThematicPriority, "thematic_priorities", byStrategy,
				[]string{"position", "policy", "service", "description"}, nil, same)
		},
		func() error {
			return c.copyRows("cible-locale", "local_targets", byStrategy, []string{"un_target", "code", "title", "description"}, nil, same)
		},
		func() error {
			return c.copyRows("odd", "sdg_tags", byStrategy, []string{"code"}, []string{"element_kind", "element_id"},
				func(_ int64, refs []any) (map[string]any, bool) {
					el, ok := c.mapped(logframe.Kind(asString(refs[0])), refs[1])
					m := c.base(false)
					m["element_kind"], m["element_id"] = asString(refs[0]), el
					return m, ok
				})
		},
		c.links,
	}
	// The general objective's ID is the key elements' row: the indicators and tags of the general objective
	// follow it, so the key elements come first, then each level before what hangs under it.
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// owners carries who keeps each indicator up to date.
func (c *carrier) owners() error {
	for old, id := range c.ids[logframe.KindIndicator] {
		if _, err := c.tx.ExecContext(c.ctx, `INSERT INTO indicator_owners (authority_id, indicator_id, user_id, weight, updated_at)
			SELECT authority_id, $1, user_id, weight, $2 FROM indicator_owners WHERE authority_id = $3 AND indicator_id = $4`, id, c.t, c.a, old); err != nil {
			return fmt.Errorf("store: unable to carry an indicator's owner: %w", err)
		}
	}
	return nil
}

// links carries the link tables between the copied elements and what the authority holds beside the
// strategy (its partnerships, its stakeholders). The AFOM items belong to the previous diagnostic, which
// the next strategy redoes: objectives answer the new one.
func (c *carrier) links() error {
	for _, l := range []struct {
		table, from, other string
		kind               logframe.Kind
	}{
		{"geo_priority_partnerships", "priority_id", "partnership_id", logframe.KindGeoPriority},
		{"objective_stakeholders", "objective_id", "stakeholder_id", logframe.KindSpecificObjective},
		{"result_stakeholders", "result_id", "stakeholder_id", logframe.KindResult},
	} {
		for old, id := range c.ids[l.kind] {
			if _, err := c.tx.ExecContext(c.ctx, "INSERT INTO "+l.table+" (authority_id, "+l.from+", "+l.other+") SELECT authority_id, $1, "+l.other+
				" FROM "+l.table+" WHERE authority_id = $2 AND "+l.from+" = $3", id, c.a, old); err != nil {
				return fmt.Errorf("store: unable to carry %s: %w", l.table, err)
			}
		}
	}
	for old, id := range c.ids[logframe.KindGeoPriority] {
		acts, err := queryAll(c.ctx, c.tx, scanColumn[int64], "SELECT activity_id FROM geo_priority_activities WHERE authority_id = $1 AND priority_id = $2", c.a, old)
		if err != nil {
			return err
		}
		for _, a := range acts {
			if na, ok := c.ids[logframe.KindActivity][a]; ok {
				if _, err := c.tx.ExecContext(c.ctx, "INSERT INTO geo_priority_activities (authority_id, priority_id, activity_id) VALUES ($1, $2, $3)", c.a, id, na); err != nil {
					return fmt.Errorf("store: unable to carry a priority's activity: %w", err)
				}
			}
		}
	}
	return nil
}
