package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"boussole/internal/logframe"
	"boussole/internal/partialdate"
	"boussole/internal/schedule"
	"boussole/internal/store"
)

// gantt300 is the reference planning of 300 tasks in 20 work packages with 300 « precedes » relations,
// the same tasks a Redmine Gantt is measured on (see its SOURCE.md).
type gantt300 struct {
	Issues []struct {
		ID        int    `json:"id"`
		Subject   string `json:"subject"`
		Start     string `json:"start_date"`
		Due       string `json:"due_date"` // inclusive
		DoneRatio int    `json:"done_ratio"`
	} `json:"issues"`
	Relations []struct {
		From int `json:"from_id"`
		To   int `json:"to_id"`
		Lag  int `json:"lag_working_days"`
	} `json:"relations"`
	Versions []struct {
		Name string `json:"name"`
		Date string `json:"effective_date"`
	} `json:"versions"`
}

// loadGantt300 loads the planning through the product's own storage, in a workspace of its own: one result
// per work package, one activity per task with its dates and progress, one finish-to-start dependency per
// relation with its lag in working days, one milestone per version.
func loadGantt300(ctx context.Context, st *store.Store, dir string) signIn {
	raw, err := os.ReadFile(filepath.Join(dir, "dataset.json"))
	check(err)
	var g gantt300
	check(json.Unmarshal(raw, &g))
	a, strat, who := newAuthority(ctx, st, "Planning de référence 300 tâches", "planning-300", 2025, 2030)
	obj := logframe.ObjectiveRecord{AuthorityID: a.ID, StrategyID: strat.ID}
	obj.Title = "Mener le programme de référence"
	check(st.CreateObjective(ctx, store.Actor{}, &obj))
	results := map[string]int64{}
	ids := map[int]int64{}
	for _, is := range g.Issues {
		pkg, _, _ := strings.Cut(is.Subject, " ")
		if _, ok := results[pkg]; !ok {
			results[pkg] = gantt300Result(ctx, st, obj, pkg)
		}
		start, due := day(is.Start), day(is.Due)
		act := logframe.ActivityRecord{AuthorityID: a.ID, StrategyID: strat.ID, Activity: logframe.Activity{ResultID: results[pkg], Title: is.Subject, Owner: "Chef de projet"}}
		check(st.CreateActivity(ctx, store.Actor{}, &act))
		sc := schedule.ScheduleRecord{ActivityID: act.ID, AuthorityID: a.ID, StrategyID: strat.ID, StartKind: schedule.StartAbsolute, StartDate: start,
			DurationDays: int(due.Sub(start).Hours()/24) + 1, Status: gantt300Status(is.DoneRatio), PercentDone: is.DoneRatio}
		check(st.SaveSchedule(ctx, store.Actor{}, &sc))
		ids[is.ID] = act.ID
	}
	for _, r := range g.Relations {
		d := schedule.DependencyRecord{AuthorityID: a.ID, StrategyID: strat.ID, From: schedule.Node{Kind: schedule.NodeActivity, ID: ids[r.From]},
			To: schedule.Node{Kind: schedule.NodeActivity, ID: ids[r.To]}, Kind: schedule.FinishToStart, LagN: r.Lag, LagUnit: schedule.WorkingDays}
		check(st.CreateDependency(ctx, store.Actor{}, &d))
	}
	for _, v := range g.Versions {
		ms := schedule.MilestoneRecord{AuthorityID: a.ID, StrategyID: strat.ID, Kind: schedule.MilestoneSteering, Title: "Jalon " + v.Name, Date: partialdate.FromTime(day(v.Date))}
		check(st.CreateMilestone(ctx, store.Actor{}, &ms))
	}
	return who
}

func gantt300Result(ctx context.Context, st *store.Store, obj logframe.ObjectiveRecord, pkg string) int64 {
	res := logframe.ResultRecord{AuthorityID: obj.AuthorityID, StrategyID: obj.StrategyID}
	res.ObjectiveID, res.Title = obj.ID, fmt.Sprintf("Lot de travaux %s", pkg)
	check(st.CreateResult(ctx, store.Actor{}, &res))
	return res.ID
}

func gantt300Status(done int) schedule.Status {
	switch {
	case done >= 100:
		return schedule.Done
	case done > 0:
		return schedule.Running
	}
	return schedule.Planned
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	check(err)
	return t
}
