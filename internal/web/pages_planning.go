package web

import (
	"time"

	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/schedule"
)

// The data of the planning pages. Most carry the strategy's plan (Plan) and the strategy selector
// (Strategies, Query).

// laneMode is one way of grouping the chronogramme's lanes.
type laneMode struct{ Value, Label string }

type chronoPage struct {
	Plan       *planData
	Chrono     chrono
	Mode       string
	Modes      []laneMode
	Strategies []model.Strategy
	Query      string
	Arrows     bool
	ArrowsOff  string
	Toggle     string // the query that turns the arrows on or off
	SVGQuery   string
}

// planConfirmPage asks before a deletion of the planning.
type planConfirmPage struct {
	Heading, Text  string
	Button, Cancel string
}

type agendaPage struct {
	Created      time.Time // when the person's secret link was made; zero without one
	Public       string
	Published    bool
	StrategyFeed string // the secret feeds, shown once after they are made
	MineFeed     string
}

type milestonesPage struct {
	Plan       *planData
	Kinds      []schedule.MilestoneKind
	Flags      map[string]string // what the schedule says of each milestone, by node key
	Strategies []model.Strategy
	Query      string
}

// planDepsData is what the dependency block of the schedule and milestone pages reads.
type planDepsData struct {
	Acts, Jalons    []planOption
	Self            string
	DepsIn, DepsOut []schedule.DependencyRecord
	DepForm         *form
	DepKinds        []schedule.Kind
	Units           []schedule.Unit
}

type milestonePage struct {
	planDepsData
	Milestone schedule.MilestoneRecord
	Theirs    *schedule.MilestoneRecord // the stored version, after an edit conflict
	Plan      *planData
	Kinds     []schedule.MilestoneKind
}

// scheduleExtra is what some answers add to the schedule page: the refused dependency form, or both
// versions after an edit conflict.
type scheduleExtra struct {
	DepForm *form
	Theirs  *schedule.ScheduleRecord
	Yours   *schedule.ScheduleRecord
}

type schedulePage struct {
	planDepsData
	Activity logframe.ActivityRecord
	Plan     *planData
	Statuses []schedule.Status
	People   []string
	Schedule *schedule.ScheduleRecord // nil while the activity is not scheduled
	Progress bool                     // the viewer may update the progress only
	Timing   *schedule.Timing         // nil when the plan cannot be computed
	Outside  string
	Theirs   *schedule.ScheduleRecord
	Yours    *schedule.ScheduleRecord
}

type roadmapPage struct {
	Plan       *planData
	Strategies []model.Strategy
	Query      string
	Err        string       // why the plan cannot be computed, or ""
	Year       *roadmapYear // nil when it cannot
}

type minePage struct {
	Plan       *planData
	Strategies []model.Strategy
	Query      string
	Today      time.Time
	Err        string
	Mine       []roadmapItem
	Referent   bool // a référent, who updates the progress of the service's activities
	Service    string
	ToUpdate   []roadmapItem
}
