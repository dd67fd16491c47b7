package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/sharing"
)

// CopyFromShare writes, in one transaction, the elements a person chose from a peer's share into one of
// the authority's draft strategies, each with its provenance; the copies then live their own life. Nothing
// is written when one element cannot be.
func (s *Store) CopyFromShare(ctx context.Context, by Actor, authorityID, strategyID int64, c sharing.Copy) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var status string
		err := tx.QueryRowContext(ctx, "SELECT status FROM strategies WHERE authority_id = $1 AND id = $2", authorityID, strategyID).Scan(&status)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if model.StrategyStatus(status) != model.StrategyDraft {
			return sharing.ErrNotDraft
		}
		w := copyWriter{ctx: ctx, tx: tx, authorityID: authorityID, strategyID: strategyID, provenance: c.Provenance}
		for _, o := range c.Objectives {
			if err := w.objective(o); err != nil {
				return err
			}
		}
		if len(c.General) > 0 {
			var general int64
			err := tx.QueryRowContext(ctx, "SELECT id FROM strategy_key_elements WHERE authority_id = $1 AND strategy_id = $2 AND general_title <> ''", authorityID, strategyID).Scan(&general)
			if errors.Is(err, sql.ErrNoRows) {
				return sharing.ErrNoGeneralObjective
			}
			if err != nil {
				return err
			}
			for _, m := range c.General {
				if err := w.indicator(logframe.Ref{Kind: logframe.KindGeneralObjective, ID: general}, m); err != nil {
					return err
				}
			}
		}
		for _, r := range c.Risks {
			if err := w.risk(r); err != nil {
				return err
			}
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionCreate, entity: "reprise d'une stratégie paire", entityID: strategyID,
			summary: fmt.Sprintf("%d éléments. %s", c.Count(), c.Provenance),
			after:   map[string]any{"éléments": c.Count(), "provenance": c.Provenance}})
	})
}

// copyWriter inserts copied elements after the draft's own.
type copyWriter struct {
	ctx                     context.Context
	tx                      *sql.Tx
	authorityID, strategyID int64
	provenance              string
}

func (w copyWriter) objective(o sharing.CopiedObjective) error {
	pos, err := nextPosition(w.ctx, w.tx, "objectives", "strategy_id", w.authorityID, w.strategyID)
	if err != nil {
		return err
	}
	t := now()
	var id int64
	if err := w.tx.QueryRowContext(w.ctx, `INSERT INTO objectives (authority_id, strategy_id, position, title, description, provenance, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, w.authorityID, w.strategyID, pos, o.Title, o.Description, w.provenance, t, t).Scan(&id); err != nil {
		return fmt.Errorf("store: unable to copy an objective: %w", err)
	}
	if err := w.tags(logframe.Ref{Kind: logframe.KindSpecificObjective, ID: id}, o.SDG); err != nil {
		return err
	}
	for _, m := range o.Indicators {
		if err := w.indicator(logframe.Ref{Kind: logframe.KindSpecificObjective, ID: id}, m); err != nil {
			return err
		}
	}
	for _, r := range o.Results {
		if err := w.result(id, r); err != nil {
			return err
		}
	}
	return nil
}

func (w copyWriter) result(objectiveID int64, r sharing.CopiedResult) error {
	pos, err := nextPosition(w.ctx, w.tx, "results", "objective_id", w.authorityID, objectiveID)
	if err != nil {
		return err
	}
	t := now()
	var id int64
	if err := w.tx.QueryRowContext(w.ctx, `INSERT INTO results (authority_id, strategy_id, objective_id, position, title, description, provenance, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`, w.authorityID, w.strategyID, objectiveID, pos, r.Title, r.Description, w.provenance, t, t).Scan(&id); err != nil {
		return fmt.Errorf("store: unable to copy a result: %w", err)
	}
	if err := w.tags(logframe.Ref{Kind: logframe.KindResult, ID: id}, r.SDG); err != nil {
		return err
	}
	for _, m := range r.Indicators {
		if err := w.indicator(logframe.Ref{Kind: logframe.KindResult, ID: id}, m); err != nil {
			return err
		}
	}
	for _, a := range r.Activities {
		if err := w.activity(id, a); err != nil {
			return err
		}
	}
	return nil
}

// activity copies an activity type: what is done, never who carries it, its means, cost or dates.
func (w copyWriter) activity(resultID int64, a sharing.Action) error {
	pos, err := nextPosition(w.ctx, w.tx, "activities", "result_id", w.authorityID, resultID)
	if err != nil {
		return err
	}
	t := now()
	var id int64
	if err := w.tx.QueryRowContext(w.ctx, `INSERT INTO activities (authority_id, strategy_id, result_id, position, title, description, provenance, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`, w.authorityID, w.strategyID, resultID, pos, a.Title, a.Description, w.provenance, t, t).Scan(&id); err != nil {
		return fmt.Errorf("store: unable to copy an activity: %w", err)
	}
	return w.tags(logframe.Ref{Kind: logframe.KindActivity, ID: id}, a.SDG)
}

// tags copies an element's ODD tags; the share only holds codes the peer's tool validated.
func (w copyWriter) tags(element logframe.Ref, codes []string) error {
	for _, c := range codes {
		if _, err := w.tx.ExecContext(w.ctx, "INSERT INTO sdg_tags (authority_id, strategy_id, element_kind, element_id, code) VALUES ($1, $2, $3, $4, $5)",
			w.authorityID, w.strategyID, string(element.Kind), element.ID, c); err != nil {
			return fmt.Errorf("store: unable to copy an ODD tag: %w", err)
		}
	}
	return nil
}

// indicator copies an indicator's definition, never a value: it starts without baseline or targets.
func (w copyWriter) indicator(level logframe.Ref, m sharing.Metric) error {
	pos, err := nextPosition(w.ctx, w.tx, "indicators", "strategy_id", w.authorityID, w.strategyID)
	if err != nil {
		return err
	}
	t := now()
	_, err = w.tx.ExecContext(w.ctx, `INSERT INTO indicators (authority_id, strategy_id, level_kind, level_id, position, title, definition, unit, ascending,
		periodicity, sources, provenance, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
		w.authorityID, w.strategyID, string(level.Kind), level.ID, pos, m.Title, m.Definition, m.Unit, m.Ascending, m.Periodicity,
		strings.Join(m.Sources, "\n"), w.provenance, t, t)
	if err != nil {
		return fmt.Errorf("store: unable to copy an indicator: %w", err)
	}
	return nil
}

func (w copyWriter) risk(r sharing.Risk) error {
	pos, err := nextPosition(w.ctx, w.tx, "risks", "strategy_id", w.authorityID, w.strategyID)
	if err != nil {
		return err
	}
	t := now()
	_, err = w.tx.ExecContext(w.ctx, `INSERT INTO risks (authority_id, strategy_id, position, description, category, likelihood, impact, mitigation,
		provenance, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
		w.authorityID, w.strategyID, pos, r.Desc, r.Category, r.Likelihood, r.Impact, r.Mitigation, w.provenance, t, t)
	if err != nil {
		return fmt.Errorf("store: unable to copy a risk: %w", err)
	}
	return nil
}

// Provenances returns, for the elements of a strategy copied from a peer, where each comes from.
func (s *Store) Provenances(ctx context.Context, authorityID, strategyID int64) (map[logframe.Ref]string, error) {
	return provenances(ctx, s.db, authorityID, strategyID)
}

// provenanceTables are the tables whose rows a copy from a peer's share may write.
var provenanceTables = []struct {
	table string
	kind  logframe.Kind
}{{"objectives", logframe.KindSpecificObjective}, {"results", logframe.KindResult}, {"activities", logframe.KindActivity},
	{"indicators", logframe.KindIndicator}, {"risks", logframe.KindRisk}}

// provenances reads them in one statement: the framework part reads it with every page that shows the framework.
func provenances(ctx context.Context, q querier, authorityID, strategyID int64) (map[logframe.Ref]string, error) {
	parts := make([]string, len(provenanceTables))
	for i, t := range provenanceTables {
		parts[i] = "SELECT '" + string(t.kind) + "', id, provenance FROM " + t.table + " WHERE authority_id = $1 AND strategy_id = $2 AND provenance <> ''"
	}
	type provenance struct {
		ref  logframe.Ref
		text string
	}
	list, err := queryAll(ctx, q, func(row rowScanner) (provenance, error) {
		var p provenance
		var kind string
		err := row.Scan(&kind, &p.ref.ID, &p.text)
		p.ref.Kind = logframe.Kind(kind)
		return p, err
	}, strings.Join(parts, " UNION ALL "), authorityID, strategyID)
	if err != nil {
		return nil, err
	}
	out := make(map[logframe.Ref]string, len(list))
	for _, p := range list {
		out[p.ref] = p.text
	}
	return out, nil
}
