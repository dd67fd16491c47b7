package store

import (
	"context"
	"fmt"

	"boussole/internal/schedule"
)

// planGraph is a strategy's planning nodes and the edges between them (dependencies and relative starts),
// read inside a write transaction so that the cycle check sees what the write will be added to.
type planGraph struct {
	nodes     []schedule.Activity // scheduled activities and milestones, keyed by schedule.Node.Key
	has       map[string]bool
	unplanned map[string]string // activities of the strategy without a schedule, by key, with their title
	edges     []graphEdge
}

type graphEdge struct {
	schedule.Dependency
	anchor bool // a relative start rather than a dependency
}

func loadGraph(ctx context.Context, q querier, authorityID, strategyID int64) (*planGraph, error) {
	g := &planGraph{has: map[string]bool{}, unplanned: map[string]string{}}
	type row struct {
		id, scheduled, anchorA, anchorM int64
		title                           string
	}
	scan := scanInto(func(r *row) []any { return []any{&r.id, &r.title, &r.scheduled, &r.anchorA, &r.anchorM} })
	rows, err := queryAll(ctx, q, scan, `SELECT a.id, a.title, COALESCE(sc.activity_id, 0), COALESCE(sc.anchor_activity_id, 0), COALESCE(sc.anchor_milestone_id, 0)
		FROM activities a LEFT JOIN activity_schedules sc ON sc.activity_id = a.id AND sc.authority_id = a.authority_id
		WHERE a.authority_id = $1 AND a.strategy_id = $2`, authorityID, strategyID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to read the planning graph: %w", err)
	}
	for _, r := range rows {
		n := schedule.Node{Kind: schedule.NodeActivity, ID: r.id}
		if r.scheduled == 0 {
			g.unplanned[n.Key()] = r.title
			continue
		}
		g.add(n, r.title)
		if dep, ok := relativeStart(r.id, r.anchorA, r.anchorM).AnchorDependency(); ok {
			g.edges = append(g.edges, graphEdge{dep, true})
		}
	}
	if err := g.loadMilestonesAndDeps(ctx, q, authorityID, strategyID); err != nil {
		return nil, err
	}
	return g, nil
}

func (g *planGraph) loadMilestonesAndDeps(ctx context.Context, q querier, authorityID, strategyID int64) error {
	ms, err := milestonesIn(ctx, q, authorityID, strategyID)
	if err != nil {
		return err
	}
	for _, m := range ms {
		g.add(m.Node(), m.Title)
	}
	deps, err := dependenciesIn(ctx, q, authorityID, strategyID)
	if err != nil {
		return err
	}
	for _, d := range deps {
		g.edges = append(g.edges, graphEdge{schedule.Dependency{From: d.From.Key(), To: d.To.Key()}, false})
	}
	return nil
}

// relativeStart is the schedule of activity id as far as its anchor goes (the graph reads no more of it),
// so that the graph takes its edge from schedule's rule of relative starts.
func relativeStart(id, anchorActivity, anchorMilestone int64) schedule.ScheduleRecord {
	sc := schedule.ScheduleRecord{ActivityID: id, StartKind: schedule.StartRelative}
	switch {
	case anchorActivity != 0:
		sc.Anchor = schedule.Node{Kind: schedule.NodeActivity, ID: anchorActivity}
	case anchorMilestone != 0:
		sc.Anchor = schedule.Node{Kind: schedule.NodeMilestone, ID: anchorMilestone}
	}
	return sc
}

func (g *planGraph) add(n schedule.Node, title string) {
	g.nodes = append(g.nodes, schedule.Activity{ID: n.Key(), Name: title})
	g.has[n.Key()] = true
}

// plan returns the graph for the engine's cycle search, with activity made a node even if it is not yet
// scheduled, and without activity's current relative start, which the write replaces.
func (g *planGraph) plan(activity schedule.Node) schedule.Plan {
	p := schedule.Plan{Activities: g.nodes}
	if title, ok := g.unplanned[activity.Key()]; ok {
		p.Activities = append(append([]schedule.Activity(nil), g.nodes...), schedule.Activity{ID: activity.Key(), Name: title})
	}
	for _, e := range g.edges {
		if e.anchor && e.To == activity.Key() {
			continue
		}
		p.Dependencies = append(p.Dependencies, e.Dependency)
	}
	return p
}

// checkAnchor refuses a relative start whose anchor is missing or would close a loop.
func (g *planGraph) checkAnchor(activityID int64, anchor schedule.Node) error {
	if anchor.IsZero() || !g.has[anchor.Key()] {
		return ErrMissingNode
	}
	n := schedule.Node{Kind: schedule.NodeActivity, ID: activityID}
	return g.plan(n).CheckDependency(schedule.Dependency{From: anchor.Key(), To: n.Key()})
}

// checkDependency refuses a dependency whose ends are missing or which would close a loop.
func (g *planGraph) checkDependency(from, to schedule.Node) error {
	if !g.has[from.Key()] || !g.has[to.Key()] {
		return ErrMissingNode
	}
	return g.plan(schedule.Node{}).CheckDependency(schedule.Dependency{From: from.Key(), To: to.Key()})
}
