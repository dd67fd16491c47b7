package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"boussole/internal/stakeholder"
	"boussole/internal/textkey"
)

// stakeholderField ties a column to a field of the domain stakeholder, so the column list, the scan and
// the writes are written once.
type stakeholderField struct {
	column string
	ptr    func(*stakeholder.Stakeholder) any // destination for Scan and value for writes
}

func scoreFields(col string, get func(*stakeholder.Stakeholder) *stakeholder.Score) []stakeholderField {
	return []stakeholderField{
		{col, func(s *stakeholder.Stakeholder) any { return &get(s).Value }},
		{col + "_comment", func(s *stakeholder.Stakeholder) any { return &get(s).Comment }},
	}
}

func flagFields(col string, get func(*stakeholder.Stakeholder) *stakeholder.Flag) []stakeholderField {
	return []stakeholderField{
		{col, func(s *stakeholder.Stakeholder) any { return &get(s).Present }},
		{col + "_comment", func(s *stakeholder.Stakeholder) any { return &get(s).Comment }},
	}
}

// criteriaFields are the columns written as they are; name, kind, themes and steps need conversion.
var criteriaFields = func() []stakeholderField {
	type S = stakeholder.Stakeholder
	f := []stakeholderField{
		{"contact", func(s *S) any { return &s.Contact }},
		{"territory", func(s *S) any { return &s.Territory }},
	}
	f = append(f, scoreFields("power_utilitarian", func(s *S) *stakeholder.Score { return &s.Power.Utilitarian })...)
	f = append(f, scoreFields("power_normative", func(s *S) *stakeholder.Score { return &s.Power.Normative })...)
	f = append(f, scoreFields("power_mobilising", func(s *S) *stakeholder.Score { return &s.Power.Mobilising })...)
	f = append(f, scoreFields("power_coercive", func(s *S) *stakeholder.Score { return &s.Power.Coercive })...)
	f = append(f, scoreFields("legitimacy_public_good", func(s *S) *stakeholder.Score { return &s.Legitimacy.PublicGood })...)
	f = append(f, scoreFields("legitimacy_representation", func(s *S) *stakeholder.Score { return &s.Legitimacy.Representation })...)
	f = append(f, scoreFields("interest_object", func(s *S) *stakeholder.Score { return &s.Interest.Object })...)
	f = append(f, scoreFields("interest_type", func(s *S) *stakeholder.Score { return &s.Interest.Type })...)
	f = append(f, flagFields("context_prior_experience", func(s *S) *stakeholder.Flag { return &s.Context.PriorExperience })...)
	f = append(f, flagFields("context_circumstances", func(s *S) *stakeholder.Flag { return &s.Context.Circumstances })...)
	f = append(f, flagFields("context_wider_decisions", func(s *S) *stakeholder.Flag { return &s.Context.WiderDecisions })...)
	f = append(f, flagFields("context_existing_networks", func(s *S) *stakeholder.Flag { return &s.Context.ExistingNetworks })...)
	f = append(f, flagFields("context_existing_channels", func(s *S) *stakeholder.Flag { return &s.Context.ExistingChannels })...)
	return append(f,
		stakeholderField{"engagement_promise", func(s *S) any { return &s.Engagement.Promise }},
		stakeholderField{"engagement_ask", func(s *S) any { return &s.Engagement.Ask }},
	)
}()

// writtenColumns are the columns an insert or an update sets, in the order of writtenValues.
var writtenColumns = func() []string {
	cols := []string{"name", "name_key", "kind", "themes", "engagement_level", "engagement_steps"}
	for _, f := range criteriaFields {
		cols = append(cols, f.column)
	}
	return cols
}()

var stakeholderColumns = "id, created_at, updated_at, version, " + strings.Join(writtenColumns, ", ")

// writtenValues returns the values of writtenColumns for s.
func writtenValues(s *stakeholder.Stakeholder) []any {
	steps := make([]string, len(s.Engagement.Steps))
	for i, st := range s.Engagement.Steps {
		steps[i] = string(st)
	}
	vals := []any{strings.TrimSpace(s.Name), nameKey(s.Name), string(s.Kind), strings.Join(s.Themes, "\n"),
		string(s.Engagement.Level), strings.Join(steps, ",")}
	for _, f := range criteriaFields {
		switch p := f.ptr(s).(type) {
		case *string:
			vals = append(vals, *p)
		case *int:
			vals = append(vals, *p)
		case *bool:
			vals = append(vals, *p)
		}
	}
	return vals
}

// splitThemes reads the themes column: one theme a line, none when empty.
func splitThemes(themes string) []string {
	if themes == "" {
		return nil
	}
	return strings.Split(themes, "\n")
}

// nameKey is the folded name the uniqueness of (kind, name) is checked on, as the domain's duplicate rule.
func nameKey(name string) string { return textkey.Fold(name) }

func scanStakeholder(row interface{ Scan(...any) error }) (stakeholder.Record, error) {
	var r stakeholder.Record
	var kind, themes, level, steps, key string
	dest := []any{&r.ID, &r.CreatedAt, &r.UpdatedAt, &r.Version, &r.Name, &key, &kind, &themes, &level, &steps}
	for _, f := range criteriaFields {
		dest = append(dest, f.ptr(&r.Stakeholder))
	}
	if err := row.Scan(dest...); err != nil {
		return r, err
	}
	r.Kind, r.Engagement.Level = stakeholder.Kind(kind), stakeholder.Level(level)
	r.Themes = splitThemes(themes)
	for _, st := range strings.Split(steps, ",") {
		if st != "" {
			r.Engagement.Steps = append(r.Engagement.Steps, stakeholder.Step(st))
		}
	}
	r.CreatedAt, r.UpdatedAt = r.CreatedAt.UTC(), r.UpdatedAt.UTC()
	return r, nil
}

// Stakeholders returns every stakeholder of an authority, by name. The map is read whole: its figures need
// every actor, and filters, search and pages are applied by the caller on the domain's rules.
func (s *Store) Stakeholders(ctx context.Context, authorityID int64) ([]stakeholder.Record, error) {
	return stakeholdersIn(ctx, s.db, authorityID)
}

func stakeholdersIn(ctx context.Context, q querier, authorityID int64) ([]stakeholder.Record, error) {
	return queryAll(ctx, q, scanStakeholder, "SELECT "+stakeholderColumns+" FROM stakeholders WHERE authority_id = $1 ORDER BY name_key, id", authorityID)
}

// Stakeholder returns one stakeholder of an authority.
func (s *Store) Stakeholder(ctx context.Context, authorityID, id int64) (stakeholder.Record, error) {
	return stakeholderIn(ctx, s.db, authorityID, id)
}

func stakeholderIn(ctx context.Context, q querier, authorityID, id int64) (stakeholder.Record, error) {
	return queryOne(ctx, q, scanStakeholder, "SELECT "+stakeholderColumns+" FROM stakeholders WHERE authority_id = $1 AND id = $2", authorityID, id)
}

// StakeholderByKey returns the stakeholder of the same kind whose name folds to the same key, for the
// offer to merge a duplicate.
func (s *Store) StakeholderByKey(ctx context.Context, authorityID int64, kind stakeholder.Kind, name string) (stakeholder.Record, error) {
	r, err := scanStakeholder(s.db.QueryRowContext(ctx, "SELECT "+stakeholderColumns+" FROM stakeholders WHERE authority_id = $1 AND kind = $2 AND name_key = $3",
		authorityID, string(kind), nameKey(name)))
	if errors.Is(err, sql.ErrNoRows) {
		return r, ErrNotFound
	}
	return r, err
}

// CreateStakeholder validates and stores a new stakeholder; ErrDuplicate means one with the same name and
// kind exists.
func (s *Store) CreateStakeholder(ctx context.Context, by Actor, authorityID int64, sh *stakeholder.Stakeholder) error {
	if err := sh.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error { return insertStakeholder(ctx, tx, by, authorityID, sh) })
}

func insertStakeholder(ctx context.Context, tx *sql.Tx, by Actor, authorityID int64, sh *stakeholder.Stakeholder) error {
	t := now()
	vals := append([]any{authorityID, t, t}, writtenValues(sh)...)
	marks := make([]string, len(vals))
	for i := range marks {
		marks[i] = fmt.Sprintf("$%d", i+1)
	}
	err := tx.QueryRowContext(ctx, "INSERT INTO stakeholders (authority_id, created_at, updated_at, "+strings.Join(writtenColumns, ", ")+
		") VALUES ("+strings.Join(marks, ", ")+") RETURNING id", vals...).Scan(&sh.ID)
	if isUniqueViolation(err) {
		return ErrDuplicate
	}
	if err != nil {
		return fmt.Errorf("store: unable to create the stakeholder: %w", err)
	}
	return audit(ctx, tx, by, change{authorityID: authorityID, action: actionCreate, entity: "acteur", entityID: sh.ID, summary: sh.Name, after: sh})
}

// UpdateStakeholder saves a stakeholder if nobody changed it since r.Version; ErrConflict otherwise,
// ErrDuplicate when the new name and kind are another stakeholder's.
func (s *Store) UpdateStakeholder(ctx context.Context, by Actor, authorityID int64, r *stakeholder.Record) error {
	if err := r.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error { return updateStakeholder(ctx, tx, by, authorityID, r) })
}

func updateStakeholder(ctx context.Context, tx *sql.Tx, by Actor, authorityID int64, r *stakeholder.Record) error {
	before, err := stakeholderIn(ctx, tx, authorityID, r.ID)
	if err != nil {
		return err
	}
	t := now()
	vals := writtenValues(&r.Stakeholder)
	sets := make([]string, len(writtenColumns))
	for i, c := range writtenColumns {
		sets[i] = fmt.Sprintf("%s = $%d", c, i+1)
	}
	n := len(vals)
	vals = append(vals, t, authorityID, r.ID, r.Version)
	res, err := tx.ExecContext(ctx, "UPDATE stakeholders SET "+strings.Join(sets, ", ")+
		fmt.Sprintf(", updated_at = $%d, version = version + 1 WHERE authority_id = $%d AND id = $%d AND version = $%d", n+1, n+2, n+3, n+4), vals...)
	if isUniqueViolation(err) {
		return ErrDuplicate
	}
	if err != nil {
		return fmt.Errorf("store: unable to save the stakeholder: %w", err)
	}
	if k, _ := res.RowsAffected(); k == 0 {
		return ErrConflict
	}
	r.Version++
	r.UpdatedAt, r.CreatedAt = t, before.CreatedAt
	return audit(ctx, tx, by, change{authorityID: authorityID, action: actionUpdate, entity: "acteur", entityID: r.ID, summary: r.Name, before: before, after: r})
}

// DeleteStakeholder removes a stakeholder and, with it, every relation it is part of; the audit entry
// lists them so nothing disappears unrecorded.
func (s *Store) DeleteStakeholder(ctx context.Context, by Actor, authorityID, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := stakeholderIn(ctx, tx, authorityID, id)
		if err != nil {
			return err
		}
		rels, err := relationsOf(ctx, tx, authorityID, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM stakeholder_relations WHERE authority_id = $1 AND (from_id = $2 OR to_id = $2)", authorityID, id); err != nil {
			return fmt.Errorf("store: unable to delete the relations: %w", err)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM stakeholders WHERE authority_id = $1 AND id = $2", authorityID, id); err != nil {
			return fmt.Errorf("store: unable to delete the stakeholder: %w", err)
		}
		summary := before.Name
		if len(rels) > 0 {
			summary += fmt.Sprintf(" (avec %d relation(s))", len(rels))
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: "acteur", entityID: id, summary: summary,
			before: map[string]any{"acteur": before, "relations": rels}})
	})
}
