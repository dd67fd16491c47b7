package sharing

import "errors"

// Copy is what a person chose to take from a peer's share into a draft strategy of their own, ordered as it
// will be written: objectives with their results and indicators, then the general objective's indicators,
// then risks. Activity types come under their result. Values are never part of it: a share holds none.
type Copy struct {
	Objectives []CopiedObjective
	General    []Metric // indicators of the peer's general objective
	Risks      []Risk
	Provenance string // kept on every copied element, as text: it outlives the share
}

// CopiedObjective is an objective with the results and indicators taken with it.
type CopiedObjective struct {
	Item
	Results    []CopiedResult
	Indicators []Metric
}

// CopiedResult is a result with its indicators and activity types.
type CopiedResult struct {
	Item
	Indicators []Metric
	Activities []Action
}

// ErrUnknownPick means the form named an element the share does not hold (it changed, or the form was
// forged); nothing is copied.
var ErrUnknownPick = errors.New("sharing: an element chosen is not in the share")

// ErrNothingPicked means no element was chosen.
var ErrNothingPicked = errors.New("sharing: nothing chosen")

// PlanCopy orders the picked references of a share into what to write. A result or an indicator picked
// without the element above it brings that element along, since a result cannot live without its objective.
func PlanCopy(v View, picks []string) (Copy, error) {
	if len(picks) == 0 {
		return Copy{}, ErrNothingPicked
	}
	items, metrics, risks := index(v)
	actions := make(map[string]Action, len(v.Actions))
	for _, a := range v.Actions {
		actions[a.Ref] = a
	}
	want := map[string]bool{}
	for _, p := range picks {
		_, isItem := items[p]
		_, isMetric := metrics[p]
		_, isRisk := risks[p]
		_, isAction := actions[p]
		if !isItem && !isMetric && !isRisk && !isAction {
			return Copy{}, ErrUnknownPick
		}
		want[p] = true
	}
	// Bring the parents along: an indicator or an activity its element, a result its objective.
	for p := range want {
		if m, ok := metrics[p]; ok && m.Level != "g" {
			want[m.Level] = true
		}
		if a, ok := actions[p]; ok {
			want[a.Result] = true
		}
	}
	for p := range want {
		if it, ok := items[p]; ok && it.Parent != "" {
			want[it.Parent] = true
		}
	}
	c := Copy{Provenance: Provenance(v)}
	for _, e := range v.Elements {
		if !want[e.Ref] {
			continue
		}
		if e.Level == "objectif" {
			c.Objectives = append(c.Objectives, CopiedObjective{Item: e, Indicators: pickedMetrics(v, want, e.Ref)})
			continue
		}
		o := &c.Objectives[len(c.Objectives)-1] // results follow their objective in Elements
		o.Results = append(o.Results, CopiedResult{Item: e, Indicators: pickedMetrics(v, want, e.Ref), Activities: pickedActions(v, want, e.Ref)})
	}
	c.General = pickedMetrics(v, want, "g")
	for _, r := range v.Risks {
		if want[r.Ref] {
			c.Risks = append(c.Risks, r)
		}
	}
	return c, nil
}

// Count is the number of elements the copy writes.
func (c Copy) Count() int {
	n := len(c.General) + len(c.Risks)
	for _, o := range c.Objectives {
		n += 1 + len(o.Indicators)
		for _, r := range o.Results {
			n += 1 + len(r.Indicators) + len(r.Activities)
		}
	}
	return n
}

// Provenance is the note every copied element keeps: where it comes from, and under which licence.
func Provenance(v View) string {
	return "Repris de la stratégie « " + v.Strategy.Title + " » (" + v.Strategy.Term() + ") de " + v.Authority.Name +
		", sous " + v.Licence.Label() + "."
}

func pickedMetrics(v View, want map[string]bool, level string) []Metric {
	var out []Metric
	for _, m := range v.Measures {
		if m.Level == level && want[m.Ref] {
			out = append(out, m)
		}
	}
	return out
}

func pickedActions(v View, want map[string]bool, result string) []Action {
	var out []Action
	for _, a := range v.Actions {
		if a.Result == result && want[a.Ref] {
			out = append(out, a)
		}
	}
	return out
}

func index(v View) (map[string]Item, map[string]Metric, map[string]Risk) {
	items := make(map[string]Item, len(v.Elements))
	for _, e := range v.Elements {
		items[e.Ref] = e
	}
	metrics := make(map[string]Metric, len(v.Measures))
	for _, m := range v.Measures {
		metrics[m.Ref] = m
	}
	risks := make(map[string]Risk, len(v.Risks))
	for _, r := range v.Risks {
		risks[r.Ref] = r
	}
	return items, metrics, risks
}

// ErrNotDraft means the strategy to copy into is not in preparation: an adopted strategy changes by its
// own revision, not by pasting a peer's elements.
var ErrNotDraft = errors.New("sharing: the strategy is not a draft")

// ErrNoGeneralObjective means indicators of the peer's general objective were chosen, and the draft has no
// general objective yet to hang them under.
var ErrNoGeneralObjective = errors.New("sharing: the draft has no general objective")
