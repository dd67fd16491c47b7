package store

import (
	"boussole/internal/logframe"
	"context"
	"database/sql"
	"fmt"
)

const geoColumns = "id, authority_id, strategy_id, position, kind, country_code, name, reason, comment, version"

func scanGeo(row interface{ Scan(...any) error }) (logframe.GeoPriorityRecord, error) {
	var g logframe.GeoPriorityRecord
	var kind string
	err := row.Scan(&g.ID, &g.AuthorityID, &g.StrategyID, &g.Position, &kind, &g.CountryCode, &g.Name, &g.Reason, &g.Comment, &g.Version)
	g.Kind = logframe.GeoKind(kind)
	return g, err
}

// GeoPriorities lists a strategy's geographic priorities with the activities that reflect each.
func (s *Store) GeoPriorities(ctx context.Context, authorityID, strategyID int64) ([]logframe.GeoPriorityRecord, error) {
	return geoPriorities(ctx, s.db, authorityID, strategyID)
}

func geoPriorities(ctx context.Context, q querier, authorityID, strategyID int64) ([]logframe.GeoPriorityRecord, error) {
	list, err := queryAll(ctx, q, scanGeo, "SELECT "+geoColumns+" FROM geo_priorities WHERE authority_id = $1 AND strategy_id = $2 ORDER BY position, id", authorityID, strategyID)
	if err != nil {
		return nil, err
	}
	links, err := queryAll(ctx, q, func(row interface{ Scan(...any) error }) ([2]int64, error) {
		var l [2]int64
		return l, row.Scan(&l[0], &l[1])
	}, `SELECT l.priority_id, l.activity_id FROM geo_priority_activities l JOIN geo_priorities g ON g.id = l.priority_id
		WHERE l.authority_id = $1 AND g.strategy_id = $2 ORDER BY l.activity_id`, authorityID, strategyID)
	if err != nil {
		return nil, err
	}
	partners, err := pairs(ctx, q, `SELECT l.priority_id, l.partnership_id FROM geo_priority_partnerships l JOIN geo_priorities g ON g.id = l.priority_id
		WHERE l.authority_id = $1 AND g.strategy_id = $2 ORDER BY l.partnership_id`, authorityID, strategyID)
	if err != nil {
		return nil, err
	}
	for i := range list {
		for _, l := range links {
			if l[0] == list[i].ID {
				list[i].ActivityIDs = append(list[i].ActivityIDs, l[1])
			}
		}
		for _, l := range partners {
			if l[0] == list[i].ID {
				list[i].PartnershipIDs = append(list[i].PartnershipIDs, l[1])
			}
		}
	}
	return list, nil
}

// GeoPriority returns one geographic priority of an authority, with its activities.
func (s *Store) GeoPriority(ctx context.Context, authorityID, id int64) (logframe.GeoPriorityRecord, error) {
	g, err := queryOne(ctx, s.db, scanGeo, "SELECT "+geoColumns+" FROM geo_priorities WHERE authority_id = $1 AND id = $2", authorityID, id)
	if err != nil {
		return g, err
	}
	g.ActivityIDs, err = queryAll(ctx, s.db, func(row interface{ Scan(...any) error }) (int64, error) {
		var id int64
		return id, row.Scan(&id)
	}, "SELECT activity_id FROM geo_priority_activities WHERE authority_id = $1 AND priority_id = $2 ORDER BY activity_id", authorityID, id)
	if err != nil {
		return g, err
	}
	g.PartnershipIDs, err = queryAll(ctx, s.db, func(row interface{ Scan(...any) error }) (int64, error) {
		var id int64
		return id, row.Scan(&id)
	}, "SELECT partnership_id FROM geo_priority_partnerships WHERE authority_id = $1 AND priority_id = $2 ORDER BY partnership_id", authorityID, id)
	return g, err
}

// SaveGeoPriority creates (ID 0) or updates a geographic priority and replaces its activity links; the
// activities must belong to the same strategy.
func (s *Store) SaveGeoPriority(ctx context.Context, by Actor, g *logframe.GeoPriorityRecord) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := ownedStrategy(ctx, tx, g.AuthorityID, g.StrategyID); err != nil {
			return err
		}
		var before any
		action := actionCreate
		if g.ID == 0 {
			pos, err := nextPosition(ctx, tx, "geo_priorities", "strategy_id", g.AuthorityID, g.StrategyID)
			if err != nil {
				return err
			}
			g.Position, g.Version = pos, 1
			if err := tx.QueryRowContext(ctx, `INSERT INTO geo_priorities (authority_id, strategy_id, position, kind, country_code, name, reason, comment)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, g.AuthorityID, g.StrategyID, g.Position, string(g.Kind), g.CountryCode, g.Name, g.Reason, g.Comment).Scan(&g.ID); err != nil {
				return fmt.Errorf("store: unable to create the priority: %w", err)
			}
		} else {
			old, err := queryOne(ctx, tx, scanGeo, "SELECT "+geoColumns+" FROM geo_priorities WHERE authority_id = $1 AND id = $2", g.AuthorityID, g.ID)
			if err != nil {
				return err
			}
			before, action = old, actionUpdate
			res, err := tx.ExecContext(ctx, `UPDATE geo_priorities SET kind = $1, country_code = $2, name = $3, reason = $4, comment = $5, version = version + 1
				WHERE authority_id = $6 AND id = $7 AND version = $8`, string(g.Kind), g.CountryCode, g.Name, g.Reason, g.Comment, g.AuthorityID, g.ID, g.Version)
			if err := updated(res, err, "priority"); err != nil {
				return err
			}
			g.Position, g.Version = old.Position, g.Version+1
			for _, table := range []string{"geo_priority_activities", "geo_priority_partnerships"} {
				if _, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE authority_id = $1 AND priority_id = $2", g.AuthorityID, g.ID); err != nil {
					return err
				}
			}
		}
		for _, a := range g.ActivityIDs {
			if err := ownedBy(ctx, tx, "activities", g.AuthorityID, g.StrategyID, a); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, "INSERT INTO geo_priority_activities (authority_id, priority_id, activity_id) VALUES ($1, $2, $3)", g.AuthorityID, g.ID, a); err != nil {
				return fmt.Errorf("store: unable to link the activity: %w", err)
			}
		}
		g.PartnershipIDs = unique(g.PartnershipIDs)
		for _, p := range g.PartnershipIDs {
			if _, err := s.partnership(ctx, tx, g.AuthorityID, p); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, "INSERT INTO geo_priority_partnerships (authority_id, priority_id, partnership_id) VALUES ($1, $2, $3)", g.AuthorityID, g.ID, p); err != nil {
				return fmt.Errorf("store: unable to link the partnership: %w", err)
			}
		}
		return audit(ctx, tx, by, change{authorityID: g.AuthorityID, action: action, entity: "priorité géographique", entityID: g.ID, summary: g.Name, before: before, after: g})
	})
}

const thematicColumns = "id, authority_id, strategy_id, position, policy, service, description, version"

func scanThematic(row interface{ Scan(...any) error }) (logframe.ThematicPriorityRecord, error) {
	var t logframe.ThematicPriorityRecord
	return t, row.Scan(&t.ID, &t.AuthorityID, &t.StrategyID, &t.Position, &t.Policy, &t.Service, &t.Description, &t.Version)
}

// ThematicPriorities lists a strategy's thematic priorities.
func (s *Store) ThematicPriorities(ctx context.Context, authorityID, strategyID int64) ([]logframe.ThematicPriorityRecord, error) {
	return thematicPrioritiesIn(ctx, s.db, authorityID, strategyID)
}

func thematicPrioritiesIn(ctx context.Context, q querier, authorityID, strategyID int64) ([]logframe.ThematicPriorityRecord, error) {
	return queryAll(ctx, q, scanThematic, "SELECT "+thematicColumns+" FROM thematic_priorities WHERE authority_id = $1 AND strategy_id = $2 ORDER BY position, id", authorityID, strategyID)
}

// ThematicPriority returns one thematic priority of an authority.
func (s *Store) ThematicPriority(ctx context.Context, authorityID, id int64) (logframe.ThematicPriorityRecord, error) {
	return queryOne(ctx, s.db, scanThematic, "SELECT "+thematicColumns+" FROM thematic_priorities WHERE authority_id = $1 AND id = $2", authorityID, id)
}

// SaveThematicPriority creates (ID 0) or updates a thematic priority.
func (s *Store) SaveThematicPriority(ctx context.Context, by Actor, t *logframe.ThematicPriorityRecord) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := ownedStrategy(ctx, tx, t.AuthorityID, t.StrategyID); err != nil {
			return err
		}
		if t.ID == 0 {
			pos, err := nextPosition(ctx, tx, "thematic_priorities", "strategy_id", t.AuthorityID, t.StrategyID)
			if err != nil {
				return err
			}
			t.Position, t.Version = pos, 1
			if err := tx.QueryRowContext(ctx, `INSERT INTO thematic_priorities (authority_id, strategy_id, position, policy, service, description)
				VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, t.AuthorityID, t.StrategyID, t.Position, t.Policy, t.Service, t.Description).Scan(&t.ID); err != nil {
				return fmt.Errorf("store: unable to create the priority: %w", err)
			}
			return audit(ctx, tx, by, change{authorityID: t.AuthorityID, action: actionCreate, entity: "priorité thématique", entityID: t.ID, summary: t.Policy, after: t})
		}
		before, err := queryOne(ctx, tx, scanThematic, "SELECT "+thematicColumns+" FROM thematic_priorities WHERE authority_id = $1 AND id = $2", t.AuthorityID, t.ID)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE thematic_priorities SET policy = $1, service = $2, description = $3, version = version + 1
			WHERE authority_id = $4 AND id = $5 AND version = $6`, t.Policy, t.Service, t.Description, t.AuthorityID, t.ID, t.Version)
		if err := updated(res, err, "priority"); err != nil {
			return err
		}
		t.Position, t.Version = before.Position, t.Version+1
		return audit(ctx, tx, by, change{authorityID: t.AuthorityID, action: actionUpdate, entity: "priorité thématique", entityID: t.ID, summary: t.Policy, before: before, after: t})
	})
}

// DeleteThematicPriority removes a thematic priority if nobody changed it since version.
func (s *Store) DeleteThematicPriority(ctx context.Context, by Actor, authorityID, id, version int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := queryOne(ctx, tx, scanThematic, "SELECT "+thematicColumns+" FROM thematic_priorities WHERE authority_id = $1 AND id = $2", authorityID, id)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM thematic_priorities WHERE authority_id = $1 AND id = $2 AND version = $3", authorityID, id, version)
		if err := updated(res, err, "priority"); err != nil {
			return err
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: "priorité thématique", entityID: id, summary: before.Policy, before: before})
	})
}

// PartnershipPriorities lists the geographic priorities, of every strategy of the authority, that build on
// a partnership of the register.
func (s *Store) PartnershipPriorities(ctx context.Context, authorityID, partnershipID int64) ([]logframe.PriorityRef, error) {
	return queryAll(ctx, s.db, func(row interface{ Scan(...any) error }) (logframe.PriorityRef, error) {
		var p logframe.PriorityRef
		return p, row.Scan(&p.ID, &p.Name, &p.StrategyTitle)
	}, `SELECT g.id, g.name, st.title FROM geo_priority_partnerships l JOIN geo_priorities g ON g.id = l.priority_id JOIN strategies st ON st.id = g.strategy_id
		WHERE l.authority_id = $1 AND l.partnership_id = $2 ORDER BY st.id, g.position, g.id`, authorityID, partnershipID)
}
