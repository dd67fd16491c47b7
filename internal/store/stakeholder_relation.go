package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"boussole/internal/stakeholder"
)

const relationColumns = "id, from_id, to_id, kind, comment"

func scanRelation(row rowScanner) (stakeholder.Relation, error) {
	var r stakeholder.Relation
	var kind string
	err := row.Scan(&r.ID, &r.From, &r.To, &kind, &r.Comment)
	r.Kind = stakeholder.RelationKind(kind)
	return r, err
}

// Relations returns every relation between an authority's stakeholders, oldest first.
func (s *Store) Relations(ctx context.Context, authorityID int64) ([]stakeholder.Relation, error) {
	return relationsIn(ctx, s.db, authorityID)
}

func relationsIn(ctx context.Context, q querier, authorityID int64) ([]stakeholder.Relation, error) {
	return queryAll(ctx, q, scanRelation, "SELECT "+relationColumns+" FROM stakeholder_relations WHERE authority_id = $1 ORDER BY id", authorityID)
}

// RelationsOf returns the relations a stakeholder is part of, either end.
func (s *Store) RelationsOf(ctx context.Context, authorityID, stakeholderID int64) ([]stakeholder.Relation, error) {
	return relationsOf(ctx, s.db, authorityID, stakeholderID)
}

func relationsOf(ctx context.Context, q querier, authorityID, id int64) ([]stakeholder.Relation, error) {
	return queryAll(ctx, q, scanRelation, "SELECT "+relationColumns+" FROM stakeholder_relations WHERE authority_id = $1 AND (from_id = $2 OR to_id = $2) ORDER BY id", authorityID, id)
}

// AddRelation checks a relation against the domain's rules (both ends on the authority's map, no relation
// to oneself, no duplicate) inside the transaction that writes it, and returns the domain's French error
// when it is refused.
func (s *Store) AddRelation(ctx context.Context, by Actor, authorityID int64, r *stakeholder.Relation) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		known := map[int64]string{}
		for _, id := range []int64{r.From, r.To} {
			sh, err := stakeholderIn(ctx, tx, authorityID, id)
			if errors.Is(err, ErrNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			known[id] = sh.Name
		}
		existing, err := relationsOf(ctx, tx, authorityID, r.From)
		if err != nil {
			return err
		}
		if err := stakeholder.ValidateRelation(*r, known, existing); err != nil {
			return err
		}
		err = tx.QueryRowContext(ctx, `INSERT INTO stakeholder_relations (authority_id, from_id, to_id, kind, comment, created_at)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, authorityID, r.From, r.To, string(r.Kind), r.Comment, now()).Scan(&r.ID)
		if isUniqueViolation(err) {
			return ErrDuplicate
		}
		if err != nil {
			return fmt.Errorf("store: unable to add the relation: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionCreate, entity: "relation entre acteurs", entityID: r.ID,
			summary: fmt.Sprintf("%s %s %s", known[r.From], r.Kind.Label(), known[r.To]), after: r})
	})
}

// DeleteRelation removes one relation of the authority.
func (s *Store) DeleteRelation(ctx context.Context, by Actor, authorityID, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		r, err := queryOne(ctx, tx, scanRelation, "SELECT "+relationColumns+" FROM stakeholder_relations WHERE authority_id = $1 AND id = $2", authorityID, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM stakeholder_relations WHERE authority_id = $1 AND id = $2", authorityID, id); err != nil {
			return fmt.Errorf("store: unable to delete the relation: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: "relation entre acteurs", entityID: id,
			summary: r.Kind.Label(), before: r})
	})
}
