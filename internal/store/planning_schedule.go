package store

import (
	"boussole/internal/schedule"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrMissingNode is returned when a schedule or a dependency names an activity or a milestone that does not
// exist (any more), belongs to another strategy, or is an activity not yet scheduled.
var ErrMissingNode = errors.New("store: the activity or milestone does not exist or is not scheduled")

// scheduleColumns read a schedule joined to its activity (scheduleFrom): the person in charge is the
// activity's owner, the one field the logframe and planning share.
const scheduleColumns = `s.activity_id, s.authority_id, s.strategy_id, s.start_kind, s.start_date, COALESCE(s.anchor_activity_id, 0),
	COALESCE(s.anchor_milestone_id, 0), s.anchor_edge, s.offset_n, s.offset_unit, s.duration_days, s.prep_days, s.followup_days, a.owner,
	s.service, s.partners, s.status, s.percent_done, s.public, s.updated_at, s.version`

const scheduleFrom = ` FROM activity_schedules s JOIN activities a ON a.id = s.activity_id AND a.authority_id = s.authority_id`

// scheduleRow holds what one schedule row is scanned into, so that its columns cost one allocation rather
// than one per column (each pointer handed to Scan would move its variable to the heap).
type scheduleRow struct {
	s                                  schedule.ScheduleRecord
	start                              sql.NullTime
	kind, edge, unit, partners, status string
	anchorA, anchorM                   int64
}

func scanSchedule(row interface{ Scan(...any) error }) (schedule.ScheduleRecord, error) {
	v := new(scheduleRow)
	s := &v.s
	err := row.Scan(&s.ActivityID, &s.AuthorityID, &s.StrategyID, &v.kind, &v.start, &v.anchorA, &v.anchorM, &v.edge, &s.OffsetN, &v.unit,
		&s.DurationDays, &s.PrepDays, &s.FollowUpDays, &s.Responsible, &s.Service, &v.partners, &v.status, &s.PercentDone, &s.Public,
		&s.UpdatedAt, &s.Version)
	s.StartKind, s.AnchorEdge, s.OffsetUnit, s.Status = schedule.StartKind(v.kind), schedule.Edge(v.edge), schedule.Unit(v.unit), schedule.Status(v.status)
	s.StartDate, s.UpdatedAt = timeOf(v.start), s.UpdatedAt.UTC()
	s.Partners = schedule.SplitPartners(v.partners)
	switch {
	case v.anchorA != 0:
		s.Anchor = schedule.Node{Kind: schedule.NodeActivity, ID: v.anchorA}
	case v.anchorM != 0:
		s.Anchor = schedule.Node{Kind: schedule.NodeMilestone, ID: v.anchorM}
	}
	return *s, err
}

// Schedules lists the schedules of a strategy's activities, by activity ID.
func (s *Store) Schedules(ctx context.Context, authorityID, strategyID int64) ([]schedule.ScheduleRecord, error) {
	return schedulesIn(ctx, s.db, authorityID, strategyID)
}

func schedulesIn(ctx context.Context, q querier, authorityID, strategyID int64) ([]schedule.ScheduleRecord, error) {
	return queryAll(ctx, q, scanSchedule, "SELECT "+scheduleColumns+scheduleFrom+" WHERE s.authority_id = $1 AND s.strategy_id = $2 ORDER BY s.activity_id",
		authorityID, strategyID)
}

// Schedule returns the schedule of one activity; ErrNotFound when the activity has none yet.
func (s *Store) Schedule(ctx context.Context, authorityID, activityID int64) (schedule.ScheduleRecord, error) {
	return scheduleIn(ctx, s.db, authorityID, activityID)
}

func scheduleIn(ctx context.Context, q querier, authorityID, activityID int64) (schedule.ScheduleRecord, error) {
	sc, err := scanSchedule(q.QueryRowContext(ctx, "SELECT "+scheduleColumns+scheduleFrom+" WHERE s.authority_id = $1 AND s.activity_id = $2",
		authorityID, activityID))
	if errors.Is(err, sql.ErrNoRows) {
		return sc, ErrNotFound
	}
	return sc, err
}

// SaveSchedule creates an activity's schedule (sc.Version 0) or updates it if nobody changed it since
// sc.Version. The activity must belong to the authority and strategy. A relative start must name an anchor
// that exists in the same strategy (an activity must be scheduled itself), else ErrMissingNode; an anchor that
// would close a loop of dependencies returns the *schedule.CycleError naming it. Nothing is written on error.
func (s *Store) SaveSchedule(ctx context.Context, by Actor, sc *schedule.ScheduleRecord) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := ownedBy(ctx, tx, "activities", sc.AuthorityID, sc.StrategyID, sc.ActivityID); err != nil {
			return err
		}
		if err := lockStrategy(ctx, tx, sc.AuthorityID, sc.StrategyID); err != nil {
			return err
		}
		if sc.StartKind == schedule.StartRelative {
			g, err := loadGraph(ctx, tx, sc.AuthorityID, sc.StrategyID)
			if err != nil {
				return err
			}
			if err := g.checkAnchor(sc.ActivityID, sc.Anchor); err != nil {
				return err
			}
		}
		before, err := scheduleIn(ctx, tx, sc.AuthorityID, sc.ActivityID)
		switch {
		case errors.Is(err, ErrNotFound):
			if sc.Version != 0 {
				return ErrConflict // deleted meanwhile, or created by someone else
			}
			return insertSchedule(ctx, tx, by, sc)
		case err != nil:
			return err
		case sc.Version == 0:
			return ErrConflict // someone scheduled it while this form was open
		}
		return updateSchedule(ctx, tx, by, before, sc)
	})
}

// scheduleArgs returns the values of the writable columns, in scheduleWriteColumns order.
func scheduleArgs(sc *schedule.ScheduleRecord) []any {
	var anchorA, anchorM any
	edge, unit, n := "", "", 0
	var start any
	if sc.StartKind == schedule.StartRelative {
		switch sc.Anchor.Kind {
		case schedule.NodeActivity:
			anchorA = sc.Anchor.ID
		case schedule.NodeMilestone:
			anchorM = sc.Anchor.ID
		}
		edge, unit, n = string(sc.AnchorEdge), string(sc.OffsetUnit), sc.OffsetN
	} else {
		start = nullDate(sc.StartDate)
	}
	return []any{string(sc.StartKind), start, anchorA, anchorM, edge, n, unit, sc.DurationDays, sc.PrepDays, sc.FollowUpDays,
		sc.Service, strings.Join(sc.Partners, "\n"), string(sc.Status), sc.PercentDone, sc.Public}
}

func insertSchedule(ctx context.Context, tx *sql.Tx, by Actor, sc *schedule.ScheduleRecord) error {
	t := now()
	args := append([]any{sc.ActivityID, sc.AuthorityID, sc.StrategyID}, scheduleArgs(sc)...)
	args = append(args, t)
	_, err := tx.ExecContext(ctx, `INSERT INTO activity_schedules (activity_id, authority_id, strategy_id, start_kind, start_date, anchor_activity_id,
		anchor_milestone_id, anchor_edge, offset_n, offset_unit, duration_days, prep_days, followup_days, service, partners, status,
		percent_done, public, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`, args...)
	if err != nil {
		return fmt.Errorf("store: unable to create the schedule: %w", err)
	}
	if err := setActivityOwner(ctx, tx, sc.AuthorityID, sc.ActivityID, sc.Responsible, t); err != nil {
		return err
	}
	sc.UpdatedAt, sc.Version = t, 1
	return audit(ctx, tx, by, change{authorityID: sc.AuthorityID, action: actionCreate, entity: "calendrier d'activité", entityID: sc.ActivityID,
		summary: "activité " + fmt.Sprint(sc.ActivityID), after: sc})
}

func updateSchedule(ctx context.Context, tx *sql.Tx, by Actor, before schedule.ScheduleRecord, sc *schedule.ScheduleRecord) error {
	t := now()
	args := append(scheduleArgs(sc), t, sc.AuthorityID, sc.ActivityID, sc.Version)
	res, err := tx.ExecContext(ctx, `UPDATE activity_schedules SET start_kind = $1, start_date = $2, anchor_activity_id = $3, anchor_milestone_id = $4,
		anchor_edge = $5, offset_n = $6, offset_unit = $7, duration_days = $8, prep_days = $9, followup_days = $10, service = $11,
		partners = $12, status = $13, percent_done = $14, public = $15, updated_at = $16, version = version + 1
		WHERE authority_id = $17 AND activity_id = $18 AND version = $19`, args...)
	if err != nil {
		return fmt.Errorf("store: unable to save the schedule: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrConflict
	}
	if err := setActivityOwner(ctx, tx, sc.AuthorityID, sc.ActivityID, sc.Responsible, t); err != nil {
		return err
	}
	sc.StrategyID, sc.UpdatedAt, sc.Version = before.StrategyID, t, sc.Version+1
	return audit(ctx, tx, by, change{authorityID: sc.AuthorityID, action: actionUpdate, entity: "calendrier d'activité", entityID: sc.ActivityID,
		summary: "activité " + fmt.Sprint(sc.ActivityID), before: before, after: sc})
}

// setActivityOwner writes the person in charge typed in the schedule form to the activity itself, where the
// logframe reads it. The activity's version moves only when the owner changes, so that a logframe form open
// meanwhile meets a conflict instead of silently putting the old owner back.
func setActivityOwner(ctx context.Context, tx *sql.Tx, authorityID, activityID int64, owner string, t time.Time) error {
	_, err := tx.ExecContext(ctx, `UPDATE activities SET owner = $1, updated_at = $2, version = version + 1
		WHERE authority_id = $3 AND id = $4 AND owner <> $1`, owner, t, authorityID, activityID)
	if err != nil {
		return fmt.Errorf("store: unable to save the activity's owner: %w", err)
	}
	return nil
}

// lockStrategy takes the strategy's row lock for the rest of the transaction, so that two forms adding
// dependencies at once cannot each pass the cycle check and together close a loop (PostgreSQL; SQLite
// transactions already hold the write lock from their start).
func lockStrategy(ctx context.Context, tx *sql.Tx, authorityID, strategyID int64) error {
	res, err := tx.ExecContext(ctx, "UPDATE strategies SET version = version WHERE authority_id = $1 AND id = $2", authorityID, strategyID)
	if err != nil {
		return fmt.Errorf("store: unable to lock the strategy: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// ActivityObjectives returns, for each activity of a strategy, the specific objective it serves through its
// expected result, in the logframe's order of objectives.
func (s *Store) ActivityObjectives(ctx context.Context, authorityID, strategyID int64) ([]schedule.ActivityObjective, error) {
	return activityObjectivesIn(ctx, s.db, authorityID, strategyID)
}

func activityObjectivesIn(ctx context.Context, q querier, authorityID, strategyID int64) ([]schedule.ActivityObjective, error) {
	scan := scanInto(func(ao *schedule.ActivityObjective) []any {
		return []any{&ao.ActivityID, &ao.ObjectiveID, &ao.ObjectiveTitle}
	})
	return queryAll(ctx, q, scan, `SELECT a.id, o.id, o.title FROM activities a JOIN results r ON r.id = a.result_id AND r.authority_id = a.authority_id
		JOIN objectives o ON o.id = r.objective_id AND o.authority_id = a.authority_id
		WHERE a.authority_id = $1 AND a.strategy_id = $2 ORDER BY o.position, o.id, r.position, r.id, a.position, a.id`, authorityID, strategyID)
}
