package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"boussole/internal/document"
)

// DocumentSettings returns what the user chose for a strategy's document; every section and no free text,
// with version 0, when nothing was ever saved.
func (s *Store) DocumentSettings(ctx context.Context, authorityID, strategyID int64) (document.Settings, error) {
	return documentSettings(ctx, s.db, authorityID, strategyID)
}

func documentSettings(ctx context.Context, q querier, authorityID, strategyID int64) (document.Settings, error) {
	st := document.Settings{AuthorityID: authorityID, StrategyID: strategyID}
	var omitted, texts string
	err := q.QueryRowContext(ctx, `SELECT omitted, texts_json, updated_at, version FROM document_settings WHERE authority_id = $1 AND strategy_id = $2`,
		authorityID, strategyID).Scan(&omitted, &texts, &st.UpdatedAt, &st.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("store: unable to read the document settings: %w", err)
	}
	st.UpdatedAt = st.UpdatedAt.UTC()
	for _, k := range diagSplitLines(omitted) {
		if st.Choice.Omit == nil {
			st.Choice.Omit = map[document.SectionKey]bool{}
		}
		st.Choice.Omit[document.SectionKey(k)] = true
	}
	if texts != "" {
		if err := json.Unmarshal([]byte(texts), &st.Choice.Text); err != nil {
			return st, fmt.Errorf("store: unreadable document texts: %w", err)
		}
	}
	return st, nil
}

// SaveDocumentSettings saves the choice of sections and free texts if nobody saved them since st.Version
// (0: nobody ever did).
func (s *Store) SaveDocumentSettings(ctx context.Context, by Actor, st *document.Settings) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := diagStrategyExists(ctx, tx, st.AuthorityID, st.StrategyID); err != nil {
			return err
		}
		var omitted []string
		for k, off := range st.Choice.Omit {
			if off {
				omitted = append(omitted, string(k))
			}
		}
		slices.Sort(omitted)
		texts := ""
		kept := map[document.SectionKey]string{}
		for k, v := range st.Choice.Text {
			if strings.TrimSpace(v) != "" {
				kept[k] = v
			}
		}
		if len(kept) > 0 {
			b, err := json.Marshal(kept)
			if err != nil {
				return err
			}
			texts = string(b)
		}
		t := now()
		var res sql.Result
		var err error
		if st.Version == 0 {
			res, err = tx.ExecContext(ctx, `INSERT INTO document_settings (authority_id, strategy_id, omitted, texts_json, updated_at) VALUES ($1, $2, $3, $4, $5)`,
				st.AuthorityID, st.StrategyID, strings.Join(omitted, "\n"), texts, t)
			if isUniqueViolation(err) {
				return ErrConflict
			}
		} else {
			res, err = tx.ExecContext(ctx, `UPDATE document_settings SET omitted = $1, texts_json = $2, updated_at = $3, version = version + 1
				WHERE authority_id = $4 AND strategy_id = $5 AND version = $6`, strings.Join(omitted, "\n"), texts, t, st.AuthorityID, st.StrategyID, st.Version)
		}
		if err != nil {
			return fmt.Errorf("store: unable to save the document settings: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		st.Version++
		st.UpdatedAt = t
		return audit(ctx, tx, by, change{authorityID: st.AuthorityID, action: actionUpdate, entity: "document stratégique", entityID: st.StrategyID,
			summary: fmt.Sprintf("%d sections écartées, %d textes libres", len(omitted), len(kept)), after: map[string]any{"écartées": omitted, "textes": kept}})
	})
}
