package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"boussole/internal/diagnostic"
)

const swotColumns = "id, authority_id, strategy_id, quadrant, scope, item_text, evidence, weight, proposed_by, position, left_aside, aside_reason, created_at, updated_at, version"

func scanSWOTItem(row interface{ Scan(...any) error }) (diagnostic.ItemRecord, error) {
	var it diagnostic.ItemRecord
	var quadrant, scope string
	var weight, position int64
	err := row.Scan(&it.ID, &it.AuthorityID, &it.StrategyID, &quadrant, &scope, &it.Item.Text, &it.Item.Evidence, &weight,
		&it.Item.ProposedBy, &position, &it.Item.LeftAside, &it.Item.AsideReason, &it.CreatedAt, &it.UpdatedAt, &it.Version)
	it.Item.ID = strconv.FormatInt(it.ID, 10)
	it.Item.Quadrant, it.Item.Scope = diagnostic.Quadrant(quadrant), diagnostic.Scope(scope)
	it.Item.Weight, it.Item.Position = int(weight), int(position)
	it.CreatedAt, it.UpdatedAt = it.CreatedAt.UTC(), it.UpdatedAt.UTC()
	return it, err
}

// SWOTItems returns a strategy's matrix in display order: quadrant by quadrant, then by position.
func (s *Store) SWOTItems(ctx context.Context, authorityID, strategyID int64) ([]diagnostic.ItemRecord, error) {
	return swotItemsIn(ctx, s.db, authorityID, strategyID)
}

// CountSWOTItems returns how many items a strategy's matrix holds, for summaries that need no more.
func (s *Store) CountSWOTItems(ctx context.Context, authorityID, strategyID int64) (int, error) {
	var n int
	err := s.queryRow(ctx, "SELECT COUNT(*) FROM diagnostic_swot_items WHERE authority_id = $1 AND strategy_id = $2", authorityID, strategyID).Scan(&n)
	return n, err
}

func swotItemsIn(ctx context.Context, q querier, authorityID, strategyID int64) ([]diagnostic.ItemRecord, error) {
	out, err := queryAll(ctx, q, scanSWOTItem, "SELECT "+swotColumns+" FROM diagnostic_swot_items WHERE authority_id = $1 AND strategy_id = $2 ORDER BY position, id",
		authorityID, strategyID)
	if err != nil {
		return nil, err
	}
	return orderSWOT(out), nil
}

// orderSWOT puts stored items in the domain's display order.
func orderSWOT(items []diagnostic.ItemRecord) []diagnostic.ItemRecord {
	byID := make(map[string]diagnostic.ItemRecord, len(items))
	domain := make([]diagnostic.Item, len(items))
	for i, it := range items {
		byID[it.Item.ID] = it
		domain[i] = it.Item
	}
	out := make([]diagnostic.ItemRecord, 0, len(items))
	for _, d := range diagnostic.Ordered(domain) {
		out = append(out, byID[d.ID])
	}
	return out
}

// diagnostic.ItemRecord returns one item of an authority's matrices.
func (s *Store) SWOTItem(ctx context.Context, authorityID, id int64) (diagnostic.ItemRecord, error) {
	return s.swotItem(ctx, s.db, authorityID, id)
}

func (s *Store) swotItem(ctx context.Context, q querier, authorityID, id int64) (diagnostic.ItemRecord, error) {
	it, err := scanSWOTItem(q.QueryRowContext(ctx, "SELECT "+swotColumns+" FROM diagnostic_swot_items WHERE authority_id = $1 AND id = $2", authorityID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return it, ErrNotFound
	}
	return it, err
}

// swotNextPosition is the position after the last item of a quadrant.
func swotNextPosition(ctx context.Context, q querier, authorityID, strategyID int64, quadrant diagnostic.Quadrant) (int, error) {
	var n int64
	err := q.QueryRowContext(ctx, "SELECT COALESCE(MAX(position), 0) FROM diagnostic_swot_items WHERE authority_id = $1 AND strategy_id = $2 AND quadrant = $3",
		authorityID, strategyID, string(quadrant)).Scan(&n)
	return int(n) + 1, err
}

// CreateSWOTItem adds an item at the end of its quadrant. The strategy must belong to the authority.
func (s *Store) CreateSWOTItem(ctx context.Context, by Actor, it *diagnostic.ItemRecord) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := diagStrategyExists(ctx, tx, it.AuthorityID, it.StrategyID); err != nil {
			return err
		}
		pos, err := swotNextPosition(ctx, tx, it.AuthorityID, it.StrategyID, it.Item.Quadrant)
		if err != nil {
			return fmt.Errorf("store: unable to place the SWOT item: %w", err)
		}
		t := now()
		it.CreatedAt, it.UpdatedAt, it.Version, it.Item.Position = t, t, 1, pos
		err = tx.QueryRowContext(ctx, `INSERT INTO diagnostic_swot_items (authority_id, strategy_id, quadrant, scope, item_text, evidence, weight, proposed_by, position, left_aside, aside_reason,
			created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
			it.AuthorityID, it.StrategyID, string(it.Item.Quadrant), string(it.Item.Scope), it.Item.Text, it.Item.Evidence, it.Item.Weight,
			it.Item.ProposedBy, pos, it.Item.LeftAside, it.Item.AsideReason, t, t).Scan(&it.ID)
		if err != nil {
			return fmt.Errorf("store: unable to create the SWOT item: %w", err)
		}
		it.Item.ID = strconv.FormatInt(it.ID, 10)
		return audit(ctx, tx, by, change{authorityID: it.AuthorityID, action: actionCreate, entity: "élément AFOM", entityID: it.ID,
			summary: it.Item.Quadrant.Label() + " : " + it.Item.Text, after: it.Item})
	})
}

// diagStrategyExists checks that a strategy belongs to the authority, so a record is never attached to
// another authority's strategy.
func diagStrategyExists(ctx context.Context, q querier, authorityID, strategyID int64) error {
	var n int
	if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM strategies WHERE authority_id = $1 AND id = $2", authorityID, strategyID).Scan(&n); err != nil {
		return fmt.Errorf("store: unable to read the strategy: %w", err)
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}

// UpdateSWOTItem saves an item's content if nobody changed it since it.Version. An item moved to another
// quadrant goes to the end of it, and the quadrant it left is renumbered.
func (s *Store) UpdateSWOTItem(ctx context.Context, by Actor, it *diagnostic.ItemRecord) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := s.swotItem(ctx, tx, it.AuthorityID, it.ID)
		if err != nil {
			return err
		}
		pos := before.Item.Position
		if it.Item.Quadrant != before.Item.Quadrant {
			if pos, err = swotNextPosition(ctx, tx, it.AuthorityID, before.StrategyID, it.Item.Quadrant); err != nil {
				return err
			}
		}
		t := now()
		res, err := tx.ExecContext(ctx, `UPDATE diagnostic_swot_items SET quadrant = $1, scope = $2, item_text = $3, evidence = $4, weight = $5, proposed_by = $6,
			position = $7, left_aside = $8, aside_reason = $9, updated_at = $10, version = version + 1 WHERE authority_id = $11 AND id = $12 AND version = $13`,
			string(it.Item.Quadrant), string(it.Item.Scope), it.Item.Text, it.Item.Evidence, it.Item.Weight, it.Item.ProposedBy, pos,
			it.Item.LeftAside, it.Item.AsideReason, t, it.AuthorityID, it.ID, it.Version)
		if err != nil {
			return fmt.Errorf("store: unable to save the SWOT item: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		it.StrategyID, it.CreatedAt, it.UpdatedAt, it.Version = before.StrategyID, before.CreatedAt, t, it.Version+1
		it.Item.ID, it.Item.Position = before.Item.ID, pos
		if it.Item.Quadrant != before.Item.Quadrant {
			if err := s.renumberSWOT(ctx, tx, it.AuthorityID, it.StrategyID); err != nil {
				return err
			}
		}
		return audit(ctx, tx, by, change{authorityID: it.AuthorityID, action: actionUpdate, entity: "élément AFOM", entityID: it.ID,
			summary: it.Item.Quadrant.Label() + " : " + it.Item.Text, before: before.Item, after: it.Item})
	})
}

// DeleteSWOTItem removes an item if nobody changed it since version, and closes the gap in its quadrant.
func (s *Store) DeleteSWOTItem(ctx context.Context, by Actor, authorityID, id, version int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := s.swotItem(ctx, tx, authorityID, id)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM diagnostic_swot_items WHERE authority_id = $1 AND id = $2 AND version = $3", authorityID, id, version)
		if err != nil {
			return fmt.Errorf("store: unable to delete the SWOT item: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		if err := s.renumberSWOT(ctx, tx, authorityID, before.StrategyID); err != nil {
			return err
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: "élément AFOM", entityID: id,
			summary: before.Item.Quadrant.Label() + " : " + before.Item.Text, before: before.Item})
	})
}

// MoveSWOTItem moves an item one place up (delta < 0) or down (delta > 0) within its quadrant. Positions are
// not content, so moving does not change the items' versions and never conflicts with an edit in progress.
func (s *Store) MoveSWOTItem(ctx context.Context, by Actor, authorityID, id int64, delta int) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		moved, err := s.swotItem(ctx, tx, authorityID, id)
		if err != nil {
			return err
		}
		all, err := swotItemsIn(ctx, tx, authorityID, moved.StrategyID)
		if err != nil {
			return err
		}
		move := diagnostic.MoveDown
		if delta < 0 {
			move = diagnostic.MoveUp
		}
		next, err := move(swotDomainItems(all), moved.Item.ID)
		if err != nil {
			return ErrNotFound
		}
		if err := swotWritePositions(ctx, tx, authorityID, all, next); err != nil {
			return err
		}
		word := "descendu"
		if delta < 0 {
			word = "monté"
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionUpdate, entity: "élément AFOM", entityID: id,
			summary: "Ordre : « " + moved.Item.Text + " » " + word})
	})
}

// MergeSWOTItems folds item goneID into keepID with the domain's rule (texts joined, higher weight kept) and
// deletes goneID, provided neither changed since the versions the user saw. A merge the domain refuses
// (different quadrants, text too long) comes back as the domain's error.
func (s *Store) MergeSWOTItems(ctx context.Context, by Actor, authorityID, keepID, keepVersion, goneID, goneVersion int64) (diagnostic.ItemRecord, error) {
	var merged diagnostic.ItemRecord
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		keep, err := s.swotItem(ctx, tx, authorityID, keepID)
		if err != nil {
			return err
		}
		gone, err := s.swotItem(ctx, tx, authorityID, goneID)
		if err != nil {
			return err
		}
		if keep.StrategyID != gone.StrategyID {
			return ErrNotFound
		}
		if keep.Version != keepVersion || gone.Version != goneVersion {
			return ErrConflict
		}
		all, err := swotItemsIn(ctx, tx, authorityID, keep.StrategyID)
		if err != nil {
			return err
		}
		next, err := diagnostic.Merge(swotDomainItems(all), keep.Item.ID, gone.Item.ID)
		if err != nil {
			return err
		}
		for _, d := range next {
			if d.ID == keep.Item.ID {
				merged = keep
				merged.Item = d
			}
		}
		t := now()
		if _, err := tx.ExecContext(ctx, `UPDATE diagnostic_swot_items SET item_text = $1, evidence = $2, weight = $3, proposed_by = $4, updated_at = $5,
			version = version + 1 WHERE authority_id = $6 AND id = $7`, merged.Item.Text, merged.Item.Evidence, merged.Item.Weight, merged.Item.ProposedBy, t,
			authorityID, keepID); err != nil {
			return fmt.Errorf("store: unable to merge the SWOT items: %w", err)
		}
		if err := moveSWOTLinks(ctx, tx, authorityID, goneID, keepID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM diagnostic_swot_items WHERE authority_id = $1 AND id = $2", authorityID, goneID); err != nil {
			return fmt.Errorf("store: unable to merge the SWOT items: %w", err)
		}
		merged.UpdatedAt, merged.Version = t, keep.Version+1
		if err := swotWritePositions(ctx, tx, authorityID, all, next); err != nil {
			return err
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionUpdate, entity: "élément AFOM", entityID: keepID,
			summary: "Fusion de « " + gone.Item.Text + " » dans « " + keep.Item.Text + " »", before: []diagnostic.Item{keep.Item, gone.Item}, after: merged.Item})
	})
	return merged, err
}

// renumberSWOT closes the gaps in positions left by a deletion or a change of quadrant.
func (s *Store) renumberSWOT(ctx context.Context, tx *sql.Tx, authorityID, strategyID int64) error {
	all, err := swotItemsIn(ctx, tx, authorityID, strategyID)
	if err != nil {
		return err
	}
	return swotWritePositions(ctx, tx, authorityID, all, diagnostic.Renumber(swotDomainItems(all)))
}

// swotWritePositions stores the positions of next that differ from the stored items.
func swotWritePositions(ctx context.Context, tx *sql.Tx, authorityID int64, stored []diagnostic.ItemRecord, next []diagnostic.Item) error {
	was := make(map[string]int, len(stored))
	for _, it := range stored {
		was[it.Item.ID] = it.Item.Position
	}
	for _, d := range next {
		if p, ok := was[d.ID]; ok && p == d.Position {
			continue
		}
		id, _ := strconv.ParseInt(d.ID, 10, 64)
		if _, err := tx.ExecContext(ctx, "UPDATE diagnostic_swot_items SET position = $1 WHERE authority_id = $2 AND id = $3", d.Position, authorityID, id); err != nil {
			return fmt.Errorf("store: unable to reorder the SWOT matrix: %w", err)
		}
	}
	return nil
}

// swotDomainItems extracts the domain items, for the matrix operations.
func swotDomainItems(items []diagnostic.ItemRecord) []diagnostic.Item {
	out := make([]diagnostic.Item, len(items))
	for i, it := range items {
		out[i] = it.Item
	}
	return out
}
