package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"boussole/internal/textkey"
)

// SetContributionThemes replaces the themes the team filed a contribution under (already parsed by
// consultation.ParseThemes); logged in the journal.
func (s *Store) SetContributionThemes(ctx context.Context, by Actor, authorityID, consultationID, id int64, themes []string) error {
	keys := foldEach(themes)
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var before string
		err := tx.QueryRowContext(ctx, "SELECT themes FROM contributions WHERE authority_id = $1 AND consultation_id = $2 AND id = $3",
			authorityID, consultationID, id).Scan(&before)
		if err == sql.ErrNoRows {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE contributions SET themes = $1, themes_key = $2 WHERE authority_id = $3 AND id = $4",
			wrapLines(themes), wrapLines(keys), authorityID, id); err != nil {
			return fmt.Errorf("store: unable to file the contribution under its themes: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionUpdate, entity: "contribution", entityID: id,
			summary: "thèmes : " + strings.Join(themes, ", "), before: map[string]any{"thèmes": linesOf(before)}, after: map[string]any{"thèmes": themes}})
	})
}

// wrapLines writes a list one item a line, wrapped in newlines, so that LIKE '%\nitem\n%' finds an item whole.
func wrapLines(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return "\n" + strings.Join(list, "\n") + "\n"
}

// linesOf reads what wrapLines wrote.
func linesOf(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if line != "" {
			out = append(out, line)
		}
	}
	return out
}

// foldEach folds each theme, for the filter.
func foldEach(list []string) []string {
	out := make([]string, len(list))
	for i, t := range list {
		out[i] = textkey.Fold(t)
	}
	return out
}
