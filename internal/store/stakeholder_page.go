package store

import (
	"context"
	"fmt"

	"boussole/internal/stakeholder"
)

// stakeholderWhere is the filter of a page of the list in SQL: an empty kind or step filters nothing.
// Steps are stored comma-joined, and no step's code holds a comma.
const stakeholderWhere = `authority_id = $1 AND (CAST($2 AS TEXT) = '' OR kind = CAST($2 AS TEXT))
	AND (CAST($3 AS TEXT) = '' OR ',' || engagement_steps || ',' LIKE '%,' || CAST($3 AS TEXT) || ',%')`

// StakeholderCounts returns how many stakeholders an authority holds, and how many pass a kind and a step
// filter, in one query, without reading them.
func (s *Store) StakeholderCounts(ctx context.Context, authorityID int64, kind stakeholder.Kind, step stakeholder.Step) (total, matching int, err error) {
	if kind == "" && step == "" { // counted on the name index alone
		err = s.queryRow(ctx, "SELECT COUNT(*) FROM stakeholders WHERE authority_id = $1", authorityID).Scan(&total)
		if err != nil {
			return 0, 0, fmt.Errorf("store: unable to count stakeholders: %w", err)
		}
		return total, total, nil
	}
	err = s.queryRow(ctx, `SELECT COUNT(*), COALESCE(SUM(CASE WHEN `+stakeholderWhere+` THEN 1 ELSE 0 END), 0)
		FROM stakeholders WHERE authority_id = $1`, authorityID, string(kind), string(step)).Scan(&total, &matching)
	if err != nil {
		return 0, 0, fmt.Errorf("store: unable to count stakeholders: %w", err)
	}
	return total, matching, nil
}

// StakeholderPage returns one page of an authority's stakeholders, by name, among those that pass a kind
// and a step filter: the list reads what it shows, whatever the authority holds.
func (s *Store) StakeholderPage(ctx context.Context, authorityID int64, kind stakeholder.Kind, step stakeholder.Step, offset, limit int) ([]stakeholder.Record, error) {
	return queryAll(ctx, prepared{s}, scanStakeholder, "SELECT "+stakeholderColumns+" FROM stakeholders WHERE "+stakeholderWhere+
		" ORDER BY name_key, id LIMIT $4 OFFSET $5", authorityID, string(kind), string(step), limit, offset)
}

// StakeholderThemeLists returns each distinct list of themes an authority's stakeholders carry, for the
// theme filter: far fewer than the stakeholders, and read from an index rather than the table.
func (s *Store) StakeholderThemeLists(ctx context.Context, authorityID int64) ([][]string, error) {
	return queryAll(ctx, prepared{s}, func(row rowScanner) ([]string, error) {
		themes, err := scanColumn[string](row)
		return splitThemes(themes), err
	}, "SELECT DISTINCT themes FROM stakeholders WHERE authority_id = $1 AND themes <> ''", authorityID)
}
