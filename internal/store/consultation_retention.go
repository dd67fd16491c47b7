package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// PurgeExpiredContributions empties the personal data (pseudonym, email and its use, address
// fingerprint, personal link) of the contributions of every consultation whose retention period has
// ended on the day of now, on every authority; the answers stay, de-identified. It returns how many
// contributions it purged. The server calls it at start and then daily; running it twice is harmless.
func (s *Store) PurgeExpiredContributions(ctx context.Context, at time.Time) (int, error) {
	list, err := queryAll(ctx, s.db, scanConsultation, "SELECT "+consultationColumns+" FROM consultations WHERE purged_at IS NULL")
	if err != nil {
		return 0, fmt.Errorf("store: unable to list the consultations to purge: %w", err)
	}
	total := 0
	for _, c := range list {
		if !c.PurgeDue(at) {
			continue
		}
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			res, err := tx.ExecContext(ctx, `UPDATE contributions SET pseudonym = '', email = '', email_use = '', address_key = '', token_hash = NULL,
				purged = TRUE WHERE authority_id = $1 AND consultation_id = $2 AND purged = FALSE`, c.AuthorityID, c.ID)
			if err != nil {
				return fmt.Errorf("store: unable to purge the contributions: %w", err)
			}
			n, _ := res.RowsAffected()
			total += int(n)
			if _, err := tx.ExecContext(ctx, "UPDATE consultations SET purged_at = $1 WHERE id = $2", now(), c.ID); err != nil {
				return fmt.Errorf("store: unable to mark the consultation purged: %w", err)
			}
			return audit(ctx, tx, Actor{}, change{authorityID: c.AuthorityID, action: actionUpdate, entity: "consultation", entityID: c.ID,
				summary: fmt.Sprintf("données personnelles de %d contributions effacées au terme de leur conservation", n)})
		})
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

// ConsultationPurged reports whether the purge of personal data has run for a consultation.
func (s *Store) ConsultationPurged(ctx context.Context, authorityID, id int64) (bool, error) {
	var at sql.NullTime
	err := s.db.QueryRowContext(ctx, "SELECT purged_at FROM consultations WHERE authority_id = $1 AND id = $2", authorityID, id).Scan(&at)
	if err == sql.ErrNoRows {
		return false, ErrNotFound
	}
	return at.Valid, err
}
