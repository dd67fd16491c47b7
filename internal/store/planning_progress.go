package store

import (
	"boussole/internal/schedule"
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ErrOtherService is returned when a référent updates the progress of an activity another service carries.
var ErrOtherService = errors.New("store: the activity belongs to another service")

// MemberService returns the service a member of a workspace belongs to ("" when none was given);
// ErrNotFound when the user is not a member (an accompagnateur has no membership).
func (s *Store) MemberService(ctx context.Context, authorityID, userID int64) (string, error) {
	var service string
	err := s.queryRow(ctx, "SELECT service FROM memberships WHERE authority_id = $1 AND user_id = $2", authorityID, userID).Scan(&service)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	if err != nil {
		return "", fmt.Errorf("store: unable to read the member's service: %w", err)
	}
	return service, nil
}

// SaveScheduleProgress changes only the status and percent done of an existing schedule, if nobody changed
// it since sc.Version (else ErrConflict) and, when service is not empty, if the schedule is that service's
// (else ErrOtherService): the check and the write see the same version. ErrNotFound when the activity has no
// schedule. On success sc holds the whole stored schedule with its new version.
func (s *Store) SaveScheduleProgress(ctx context.Context, by Actor, sc *schedule.ScheduleRecord, service string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := scheduleIn(ctx, tx, sc.AuthorityID, sc.ActivityID)
		if err != nil {
			return err
		}
		if before.Version != sc.Version {
			return ErrConflict
		}
		if service != "" && !before.ServedBy(service) {
			return ErrOtherService
		}
		after := before
		after.Status, after.PercentDone, after.UpdatedAt = sc.Status, sc.PercentDone, now()
		res, err := tx.ExecContext(ctx, `UPDATE activity_schedules SET status = $1, percent_done = $2, updated_at = $3, version = version + 1
			WHERE authority_id = $4 AND activity_id = $5 AND version = $6`,
			string(after.Status), after.PercentDone, after.UpdatedAt, sc.AuthorityID, sc.ActivityID, sc.Version)
		if err != nil {
			return fmt.Errorf("store: unable to save the activity's progress: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		after.Version = sc.Version + 1
		*sc = after
		return audit(ctx, tx, by, change{authorityID: sc.AuthorityID, action: actionUpdate, entity: "calendrier d'activité", entityID: sc.ActivityID,
			summary: "avancement de l'activité " + fmt.Sprint(sc.ActivityID), before: before, after: after})
	})
}
