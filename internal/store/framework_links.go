package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"boussole/internal/logframe"
	"boussole/internal/strategy"
)

// linkTables names, for an objective or a result, its column and its two link tables.
type linkTables struct {
	table, column, swot, stakeholders string
}

var elementLinkTables = map[logframe.Kind]linkTables{
	logframe.KindSpecificObjective: {"objectives", "objective_id", "objective_swot_items", "objective_stakeholders"},
	logframe.KindResult:            {"results", "result_id", "result_swot_items", "result_stakeholders"},
}

// SetElementLinks replaces the SWOT items an objective or a result answers and the stakeholders it involves.
// The SWOT items must come from the element's own strategy's diagnostic, the stakeholders from the
// authority's map; anything else is ErrNotFound and nothing is saved.
func (s *Store) SetElementLinks(ctx context.Context, by Actor, authorityID int64, ref logframe.Ref, swotIDs, stakeholderIDs []int64) error {
	lt, ok := elementLinkTables[ref.Kind]
	if !ok {
		return ErrNotFound
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var strategyID int64
		var title string
		err := tx.QueryRowContext(ctx, "SELECT strategy_id, title FROM "+lt.table+" WHERE authority_id = $1 AND id = $2", authorityID, ref.ID).Scan(&strategyID, &title)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("store: unable to read the element: %w", err)
		}
		for _, table := range []string{lt.swot, lt.stakeholders} {
			if _, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE authority_id = $1 AND "+lt.column+" = $2", authorityID, ref.ID); err != nil {
				return fmt.Errorf("store: unable to replace the links: %w", err)
			}
		}
		for _, id := range unique(swotIDs) {
			if err := ownedBy(ctx, tx, "diagnostic_swot_items", authorityID, strategyID, id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, "INSERT INTO "+lt.swot+" (authority_id, "+lt.column+", swot_item_id) VALUES ($1, $2, $3)", authorityID, ref.ID, id); err != nil {
				return fmt.Errorf("store: unable to link the SWOT item: %w", err)
			}
		}
		for _, id := range unique(stakeholderIDs) {
			if _, err := stakeholderIn(ctx, tx, authorityID, id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, "INSERT INTO "+lt.stakeholders+" (authority_id, "+lt.column+", stakeholder_id) VALUES ($1, $2, $3)", authorityID, ref.ID, id); err != nil {
				return fmt.Errorf("store: unable to link the stakeholder: %w", err)
			}
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionUpdate, entity: ref.Kind.Noun(), entityID: ref.ID,
			summary: "Liens de « " + title + " » : " + strconv.Itoa(len(unique(swotIDs))) + " élément(s) AFOM, " + strconv.Itoa(len(unique(stakeholderIDs))) + " acteur(s)",
			after:   map[string][]int64{"afom": swotIDs, "acteurs": stakeholderIDs}})
	})
}

// unique drops repeated IDs, keeping the first occurrence's order.
func unique(ids []int64) []int64 {
	seen := make(map[int64]bool, len(ids))
	var out []int64
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// pairs reads (element, linked) ID pairs.
func pairs(ctx context.Context, q querier, query string, args ...any) ([][2]int64, error) {
	return queryAll(ctx, q, func(row interface{ Scan(...any) error }) ([2]int64, error) {
		var p [2]int64
		return p, row.Scan(&p[0], &p[1])
	}, query, args...)
}

// strategyLinks reads, for one link table, the pairs of a strategy's elements, grouped by element.
func strategyLinks(ctx context.Context, q querier, lt linkTables, table, other string, authorityID, strategyID int64) (map[int64][]int64, error) {
	ps, err := pairs(ctx, q, "SELECT l."+lt.column+", l."+other+" FROM "+table+" l JOIN "+lt.table+" e ON e.id = l."+lt.column+
		" WHERE l.authority_id = $1 AND e.strategy_id = $2 ORDER BY l."+other, authorityID, strategyID)
	out := map[int64][]int64{}
	for _, p := range ps {
		out[p[0]] = append(out[p[0]], p[1])
	}
	return out, err
}

// fillLinks sets the SWOT and stakeholder links of a framework's objectives and results.
func fillLinks(ctx context.Context, q querier, authorityID int64, f *strategy.Framework) error {
	get := func(kind logframe.Kind) (map[int64][]int64, map[int64][]int64, error) {
		lt := elementLinkTables[kind]
		sw, err := strategyLinks(ctx, q, lt, lt.swot, "swot_item_id", authorityID, f.Strategy.ID)
		if err != nil {
			return nil, nil, err
		}
		sh, err := strategyLinks(ctx, q, lt, lt.stakeholders, "stakeholder_id", authorityID, f.Strategy.ID)
		return sw, sh, err
	}
	sw, sh, err := get(logframe.KindSpecificObjective)
	if err != nil {
		return err
	}
	for i := range f.Objectives {
		o := &f.Objectives[i]
		o.SWOTIDs, o.Stakeholders = sw[o.ID], sh[o.ID]
	}
	if sw, sh, err = get(logframe.KindResult); err != nil {
		return err
	}
	for i := range f.Results {
		r := &f.Results[i]
		r.SWOTIDs, r.Stakeholders = sw[r.ID], sh[r.ID]
	}
	return nil
}

// moveLinks points the links of one record at another before the first is deleted by a merge, skipping
// the links the kept record already has.
func moveLinks(ctx context.Context, tx *sql.Tx, table, element, linked string, authorityID, fromID, toID int64) error {
	_, err := tx.ExecContext(ctx, "INSERT INTO "+table+" (authority_id, "+element+", "+linked+") SELECT l.authority_id, l."+element+", CAST($3 AS BIGINT) FROM "+table+
		" l WHERE l.authority_id = $1 AND l."+linked+" = $2 AND NOT EXISTS (SELECT 1 FROM "+table+" k WHERE k."+element+" = l."+element+" AND k."+linked+" = $3)",
		authorityID, fromID, toID)
	if err != nil {
		return fmt.Errorf("store: unable to move the links of %s: %w", table, err)
	}
	return nil
}

// moveSWOTLinks keeps the answers of a SWOT item merged into another.
func moveSWOTLinks(ctx context.Context, tx *sql.Tx, authorityID, fromID, toID int64) error {
	if err := moveLinks(ctx, tx, "objective_swot_items", "objective_id", "swot_item_id", authorityID, fromID, toID); err != nil {
		return err
	}
	return moveLinks(ctx, tx, "result_swot_items", "result_id", "swot_item_id", authorityID, fromID, toID)
}

// moveStakeholderLinks keeps the involvements of a stakeholder merged into another.
func moveStakeholderLinks(ctx context.Context, tx *sql.Tx, authorityID, fromID, toID int64) error {
	if err := moveLinks(ctx, tx, "objective_stakeholders", "objective_id", "stakeholder_id", authorityID, fromID, toID); err != nil {
		return err
	}
	if err := moveLinks(ctx, tx, "result_stakeholders", "result_id", "stakeholder_id", authorityID, fromID, toID); err != nil {
		return err
	}
	if err := moveSchemeApplicants(ctx, tx, authorityID, fromID, toID); err != nil {
		return err
	}
	return moveSpendingBeneficiaries(ctx, tx, authorityID, fromID, toID)
}

// SWOTAnswers returns, for each SWOT item of a strategy, the objectives and results that answer it, in
// the framework's order.
func (s *Store) SWOTAnswers(ctx context.Context, authorityID, strategyID int64) (map[int64][]logframe.LinkedElement, error) {
	out := map[int64][]logframe.LinkedElement{}
	err := s.linkedElements(ctx, authorityID, strategyID, "swot_item_id", func(kind logframe.Kind) string { return elementLinkTables[kind].swot }, 0, out)
	return out, err
}

// StakeholderInvolvement lists the objectives and results, of every strategy of the authority, that involve
// a stakeholder.
func (s *Store) StakeholderInvolvement(ctx context.Context, authorityID, stakeholderID int64) ([]logframe.LinkedElement, error) {
	strategies, err := queryAll(ctx, s.db, func(row interface{ Scan(...any) error }) (int64, error) {
		var id int64
		return id, row.Scan(&id)
	}, `SELECT DISTINCT o.strategy_id FROM objective_stakeholders l JOIN objectives o ON o.id = l.objective_id WHERE l.authority_id = $1 AND l.stakeholder_id = $2
		UNION SELECT DISTINCT r.strategy_id FROM result_stakeholders l JOIN results r ON r.id = l.result_id WHERE l.authority_id = $1 AND l.stakeholder_id = $2`,
		authorityID, stakeholderID)
	if err != nil {
		return nil, err
	}
	var out []logframe.LinkedElement
	for _, st := range strategies {
		m := map[int64][]logframe.LinkedElement{}
		if err := s.linkedElements(ctx, authorityID, st, "stakeholder_id", func(kind logframe.Kind) string { return elementLinkTables[kind].stakeholders }, stakeholderID, m); err != nil {
			return nil, err
		}
		out = append(out, m[stakeholderID]...)
	}
	return out, nil
}

// linkedElements numbers a strategy's objectives and results and adds, under each linked ID (only
// onlyID when it is not 0), the elements linked to it.
func (s *Store) linkedElements(ctx context.Context, authorityID, strategyID int64, linked string, table func(logframe.Kind) string, onlyID int64, out map[int64][]logframe.LinkedElement) error {
	st, err := s.Strategy(ctx, authorityID, strategyID)
	if err != nil {
		return err
	}
	objectives, err := s.Objectives(ctx, authorityID, strategyID)
	if err != nil {
		return err
	}
	results, err := s.Results(ctx, authorityID, strategyID)
	if err != nil {
		return err
	}
	lf := logframe.Strategy{ID: strategyID}
	titles := map[logframe.Ref]string{}
	for _, o := range objectives {
		lf.Objectives = append(lf.Objectives, o.SpecificObjective)
		titles[logframe.Ref{Kind: logframe.KindSpecificObjective, ID: o.ID}] = o.Title
	}
	for _, r := range results {
		lf.Results = append(lf.Results, r.ExpectedResult)
		titles[logframe.Ref{Kind: logframe.KindResult, ID: r.ID}] = r.Title
	}
	numbers := logframe.Number(&lf)
	for _, kind := range []logframe.Kind{logframe.KindSpecificObjective, logframe.KindResult} {
		lt := elementLinkTables[kind]
		links, err := strategyLinks(ctx, s.db, lt, table(kind), linked, authorityID, strategyID)
		if err != nil {
			return err
		}
		// Walk the elements in framework order so each list reads 1, 1.1, 2…
		for _, id := range orderedIDs(kind, lf.Objectives, lf.Results) {
			for _, target := range links[id] {
				if onlyID != 0 && target != onlyID {
					continue
				}
				ref := logframe.Ref{Kind: kind, ID: id}
				out[target] = append(out[target], logframe.LinkedElement{Ref: ref, Number: numbers.Of(ref), Title: titles[ref], StrategyID: strategyID, StrategyTitle: st.Title})
			}
		}
	}
	return nil
}

// orderedIDs returns the IDs of the objectives or of the results, in the order they were listed.
func orderedIDs(kind logframe.Kind, objectives []logframe.SpecificObjective, results []logframe.ExpectedResult) []int64 {
	var out []int64
	if kind == logframe.KindSpecificObjective {
		for _, o := range objectives {
			out = append(out, o.ID)
		}
		return out
	}
	for _, r := range results {
		out = append(out, r.ID)
	}
	return out
}
