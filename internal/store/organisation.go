package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"boussole/internal/organisation"
)

// OrganisationChoice returns the authority's organisation choice; version 0 when never saved.
func (s *Store) OrganisationChoice(ctx context.Context, authorityID int64) (organisation.Choice, error) {
	return organisationChoiceIn(ctx, s.db, authorityID)
}

func organisationChoiceIn(ctx context.Context, q querier, authorityID int64) (organisation.Choice, error) {
	c := organisation.Choice{AuthorityID: authorityID}
	var att, refs string
	err := q.QueryRowContext(ctx, `SELECT attachment, reason, referents, task_force, job_descriptions, version FROM organisation_choices WHERE authority_id = $1`,
		authorityID).Scan(&att, &c.Reason, &refs, &c.TaskForce, &c.JobDescriptions, &c.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("store: unable to read the organisation choice: %w", err)
	}
	c.Attachment, c.Referents = organisation.Attachment(att), diagSplitLines(refs)
	return c, nil
}

// SaveOrganisationChoice saves the choice if nobody saved another since c.Version (0 for the first).
func (s *Store) SaveOrganisationChoice(ctx context.Context, by Actor, c *organisation.Choice) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := organisationChoiceIn(ctx, tx, c.AuthorityID)
		if err != nil {
			return err
		}
		if before.Version != c.Version {
			return ErrConflict
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM organisation_choices WHERE authority_id = $1", c.AuthorityID); err != nil {
			return fmt.Errorf("store: unable to save the organisation choice: %w", err)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO organisation_choices (authority_id, attachment, reason, referents, task_force, job_descriptions, updated_at, version)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, c.AuthorityID, string(c.Attachment), c.Reason, diagJoinLines(c.Referents), c.TaskForce, c.JobDescriptions, now(), c.Version+1)
		if isUniqueViolation(err) {
			return ErrConflict
		}
		if err != nil {
			return fmt.Errorf("store: unable to save the organisation choice: %w", err)
		}
		c.Version++
		return audit(ctx, tx, by, change{authorityID: c.AuthorityID, action: actionUpdate, entity: "organisation des services",
			summary: c.Attachment.Label(), before: before, after: *c})
	})
}
