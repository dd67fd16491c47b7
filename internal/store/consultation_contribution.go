package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"boussole/internal/consultation"
	"boussole/internal/textkey"
)

const contributionColumns = `id, authority_id, consultation_id, category, commune, age, pseudonym, email, email_use, answers, state,
	hidden_reason, confirmed, purged, created_at, moderated_at, themes`

func scanContribution(row interface{ Scan(...any) error }) (consultation.Contribution, error) {
	var k consultation.Contribution
	var cat, age, use, answers, state, themes string
	var moderated sql.NullTime
	err := row.Scan(&k.ID, &k.AuthorityID, &k.ConsultationID, &cat, &k.Commune, &age, &k.Pseudonym, &k.Email, &use, &answers, &state,
		&k.HiddenReason, &k.Confirmed, &k.Purged, &k.CreatedAt, &moderated, &themes)
	if err != nil {
		return k, err
	}
	k.Category, k.Age, k.EmailUse, k.State = consultation.Category(cat), consultation.AgeBracket(age), consultation.EmailUse(use), consultation.Moderation(state)
	k.CreatedAt, k.ModeratedAt = k.CreatedAt.UTC(), timeOf(moderated)
	k.Themes = linesOf(themes)
	if err := json.Unmarshal([]byte(answers), &k.Answers); err != nil {
		return k, fmt.Errorf("store: unreadable answers of contribution %d: %w", k.ID, err)
	}
	return k, nil
}

// Submission is what the public form hands the store beside the contribution: the fingerprint of the
// address it came from (personal data, purged with the rest) and the hash of the contributor's
// personal link.
type Submission struct {
	AddressKey string
	TokenHash  string
	At         time.Time
}

// AddContribution records a contribution to the authority's consultation. It refuses with ErrDuplicate the
// same content from the same address within consultation.DuplicateWindow, and with ErrNotFound a
// consultation that is not the authority's. The check and the insert share one transaction, so two
// identical submissions racing each other still leave one row. AddContribution returns once the
// transaction is committed.
//
// On SQLite, which has one writer at a time, the transaction is shared with the contributions sent at
// the same moment (see consultation_contribution_writer.go). PostgreSQL writes concurrently and groups
// concurrent commits itself, so each contribution keeps its own transaction there; a transaction lock
// on the address's fingerprint makes twin submissions from one address wait for each other (under READ
// COMMITTED both would otherwise pass the check), whichever instance receives them.
func (s *Store) AddContribution(ctx context.Context, k *consultation.Contribution, sub Submission) error {
	answers, err := json.Marshal(k.Answers)
	if err != nil {
		return fmt.Errorf("store: unable to encode the answers: %w", err)
	}
	fp := consultation.Fingerprint(*k)
	at := sub.At.UTC().Truncate(time.Microsecond)
	add := func(ctx context.Context, tx *sql.Tx) error {
		return insertContribution(ctx, tx, k, sub, string(answers), fp, at)
	}
	if s.dialect != Postgres {
		return s.writeContribution(add)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if sub.AddressKey != "" {
			if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(hashtext($1))", "contribution|"+sub.AddressKey); err != nil {
				return fmt.Errorf("store: unable to lock the address: %w", err)
			}
		}
		return add(ctx, tx)
	})
}

// contributionInsert inserts a contribution only if the consultation is the authority's and, when the
// address is known, the same content did not come from it within the duplicate window: the checks and
// the write in one statement. No row back means one of the checks refused it.
const contributionInsert = `INSERT INTO contributions (authority_id, consultation_id, category, commune, age, pseudonym, email,
	email_use, answers, fingerprint, address_key, token_hash, state, created_at)
	SELECT c.authority_id, c.id, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14 FROM consultations c
	WHERE c.authority_id = $1 AND c.id = $2 AND NOT EXISTS (SELECT 1 FROM contributions d WHERE d.consultation_id = $2
		AND d.address_key = $11 AND d.address_key <> '' AND d.created_at > $15 AND d.fingerprint = $10)
	RETURNING id`

// insertContribution checks and inserts one contribution in the transaction it is given.
func insertContribution(ctx context.Context, tx *sql.Tx, k *consultation.Contribution, sub Submission, answers, fp string, at time.Time) error {
	var id int64
	err := tx.QueryRowContext(ctx, contributionInsert, k.AuthorityID, k.ConsultationID, string(k.Category), k.Commune, string(k.Age),
		k.Pseudonym, k.Email, string(k.EmailUse), answers, fp, sub.AddressKey, nullString(sub.TokenHash), string(consultation.Pending), at,
		at.Add(-consultation.DuplicateWindow)).Scan(&id)
	if err == sql.ErrNoRows {
		return contributionRefusal(ctx, tx, k)
	}
	if err != nil {
		return fmt.Errorf("store: unable to record the contribution: %w", err)
	}
	k.ID, k.State, k.CreatedAt = id, consultation.Pending, at
	return nil
}

// contributionRefusal tells which check refused a contribution: the consultation is not the
// authority's, or else it is a double submission.
func contributionRefusal(ctx context.Context, tx *sql.Tx, k *consultation.Contribution) error {
	var one int
	err := tx.QueryRowContext(ctx, "SELECT 1 FROM consultations WHERE authority_id = $1 AND id = $2", k.AuthorityID, k.ConsultationID).Scan(&one)
	if err == sql.ErrNoRows {
		return ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("store: unable to check the consultation: %w", err)
	}
	return ErrDuplicate
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// ImportContributions inserts many contributions to one of the authority's consultations in one
// transaction, as they are (state and date included), without personal links: for the demo.
func (s *Store) ImportContributions(ctx context.Context, authorityID, consultationID int64, list []consultation.Contribution) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := consultationTx(ctx, tx, authorityID, consultationID); err != nil {
			return err
		}
		st, err := tx.PrepareContext(ctx, `INSERT INTO contributions (authority_id, consultation_id, category, commune, age, pseudonym, email,
			email_use, answers, fingerprint, state, hidden_reason, confirmed, purged, created_at, moderated_at, themes, themes_key)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`)
		if err != nil {
			return fmt.Errorf("store: unable to prepare the import: %w", err)
		}
		defer st.Close()
		for i := range list {
			k := &list[i]
			answers, err := json.Marshal(k.Answers)
			if err != nil {
				return err
			}
			var moderated any
			if !k.ModeratedAt.IsZero() {
				moderated = k.ModeratedAt.UTC()
			}
			if _, err := st.ExecContext(ctx, authorityID, consultationID, string(k.Category), k.Commune, string(k.Age), k.Pseudonym, k.Email,
				string(k.EmailUse), string(answers), consultation.Fingerprint(*k), string(k.State), k.HiddenReason, k.Confirmed, k.Purged,
				k.CreatedAt.UTC(), moderated, wrapLines(k.Themes), wrapLines(foldEach(k.Themes))); err != nil {
				return fmt.Errorf("store: unable to import contribution %d: %w", i+1, err)
			}
		}
		return nil
	})
}

// ContributionFilter narrows a list of contributions: by moderation state ("" for all), a page.
type ContributionFilter struct {
	State  consultation.Moderation
	Theme  string // one theme, whole; empty for every contribution
	Offset int
	Limit  int
}

// Contributions returns a page of a consultation's contributions, oldest first, and how many match.
func (s *Store) Contributions(ctx context.Context, authorityID, consultationID int64, f ContributionFilter) ([]consultation.Contribution, int, error) {
	where, args := "authority_id = $1 AND consultation_id = $2", []any{authorityID, consultationID}
	if f.State != "" {
		args = append(args, string(f.State))
		where += fmt.Sprintf(" AND state = $%d", len(args))
	}
	if f.Theme != "" {
		args = append(args, "%\n"+likeEscape(textkey.Fold(f.Theme))+"\n%")
		where += fmt.Sprintf(` AND themes_key LIKE $%d ESCAPE '\'`, len(args))
	}
	var total int
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM contributions WHERE "+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: unable to count the contributions: %w", err)
	}
	limit := f.Limit
	if limit <= 0 || limit > 500 {
		limit = 50
	}
	list, err := queryAll(ctx, s.db, scanContribution, "SELECT "+contributionColumns+" FROM contributions WHERE "+where+
		fmt.Sprintf(" ORDER BY id LIMIT %d OFFSET %d", limit, max(f.Offset, 0)), args...)
	return list, total, err
}

// AllContributions returns every contribution of a consultation, oldest first: what the synthesis and
// the export count.
func (s *Store) AllContributions(ctx context.Context, authorityID, consultationID int64) ([]consultation.Contribution, error) {
	return queryAll(ctx, s.db, scanContribution, "SELECT "+contributionColumns+` FROM contributions
		WHERE authority_id = $1 AND consultation_id = $2 ORDER BY id`, authorityID, consultationID)
}

// ContributionCounts returns how many contributions each consultation of the authority has, by ID.
func (s *Store) ContributionCounts(ctx context.Context, authorityID int64) (map[int64]int, error) {
	type count struct {
		consultation int64
		n            int
	}
	counts, err := queryAll(ctx, s.db, scanInto(func(c *count) []any { return []any{&c.consultation, &c.n} }),
		"SELECT consultation_id, COUNT(*) FROM contributions WHERE authority_id = $1 AND state <> $2 GROUP BY consultation_id",
		authorityID, string(consultation.Hidden))
	if err != nil {
		return nil, err
	}
	out := make(map[int64]int, len(counts))
	for _, c := range counts {
		out[c.consultation] = c.n
	}
	return out, nil
}

// Contribution returns one contribution of the authority.
func (s *Store) Contribution(ctx context.Context, authorityID, id int64) (consultation.Contribution, error) {
	return queryOne(ctx, s.db, scanContribution, "SELECT "+contributionColumns+" FROM contributions WHERE authority_id = $1 AND id = $2", authorityID, id)
}
