package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"boussole/internal/logframe"
	"boussole/internal/monitoring"
)

// detachRecommendations turns the recommendations about a removed element into recommendations about the
// strategy as a whole that name the element in their notes (monitoring.DetachFromDeleted), inside the
// deletion's transaction, each change in the journal. lf is the framework before the deletion, for the titles.
func detachRecommendations(ctx context.Context, tx *sql.Tx, by Actor, authorityID int64, gone []logframe.Ref, lf *logframe.Strategy) error {
	where, args := recommendationsAbout(authorityID, gone)
	if where == "" {
		return nil
	}
	list, err := queryAll(ctx, tx, func(row rowScanner) (monitoring.Recommendation, error) {
		var r monitoring.Recommendation
		var resp, fu, kind string
		err := row.Scan(&r.ID, &r.Text, &r.Owner, &resp, &fu, &r.Notes, &kind, &r.Element.ID, &r.Version)
		r.Response, r.FollowUp, r.Element.Kind = monitoring.Response(resp), monitoring.FollowUp(fu), logframe.Kind(kind)
		return r, err
	}, "SELECT id, text, owner, response, follow_up, notes, element_kind, element_id, version FROM evaluation_recommendations WHERE "+where+" ORDER BY id", args...)
	if err != nil {
		return err
	}
	for _, before := range list {
		after := monitoring.DetachFromDeleted(before, before.Element.Kind, lf.TitleOf(before.Element))
		after.Version++
		if _, err := tx.ExecContext(ctx, `UPDATE evaluation_recommendations SET notes = $1, element_kind = '', element_id = 0, updated_at = $2,
			version = version + 1 WHERE authority_id = $3 AND id = $4`, after.Notes, now(), authorityID, before.ID); err != nil {
			return fmt.Errorf("store: unable to detach a recommendation: %w", err)
		}
		if err := audit(ctx, tx, by, change{authorityID: authorityID, action: actionUpdate, entity: "recommandation", entityID: before.ID,
			summary: before.Text, before: before, after: after}); err != nil {
			return err
		}
	}
	return nil
}

// RecommendationsAboutRemoved counts the recommendations of the authority's evaluations about one of the
// elements a deletion removes, for its confirmation page.
func (s *Store) RecommendationsAboutRemoved(ctx context.Context, authorityID int64, gone []logframe.Ref) (int, error) {
	where, args := recommendationsAbout(authorityID, gone)
	if where == "" {
		return 0, nil
	}
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM evaluation_recommendations WHERE "+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: unable to count the recommendations: %w", err)
	}
	return n, nil
}

// recommendationsAbout is the condition on evaluation_recommendations naming one of the elements, by kind
// with the IDs as parameters; "" when none of them is of a kind a recommendation may name.
func recommendationsAbout(authorityID int64, refs []logframe.Ref) (string, []any) {
	byKind := map[logframe.Kind][]int64{}
	for _, r := range refs {
		if slices.Contains(monitoring.RecommendationKinds, r.Kind) {
			byKind[r.Kind] = append(byKind[r.Kind], r.ID)
		}
	}
	if len(byKind) == 0 {
		return "", nil
	}
	args := []any{authorityID}
	var ors []string
	for _, k := range monitoring.RecommendationKinds { // a fixed order, for one query plan per shape
		ids := byKind[k]
		if len(ids) == 0 {
			continue
		}
		args = append(args, string(k))
		cond := "(element_kind = $" + strconv.Itoa(len(args)) + " AND element_id IN ("
		for i, id := range ids {
			args = append(args, id)
			if i > 0 {
				cond += ", "
			}
			cond += "$" + strconv.Itoa(len(args))
		}
		ors = append(ors, cond+"))")
	}
	return "authority_id = $1 AND (" + strings.Join(ors, " OR ") + ")", args
}
