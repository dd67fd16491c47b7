package web

import (
	"strconv"

	"boussole/internal/diagnostic"
	"boussole/internal/refdata/country"
)

// diagOption is one choice of a select, radio or checkbox group, with an optional explanation.
type diagOption struct {
	Value, Label, Hint string
}

func quadrantOptions() []diagOption {
	var out []diagOption
	for _, q := range diagnostic.Quadrants() {
		out = append(out, diagOption{Value: string(q), Label: q.Label()})
	}
	return out
}

func scopeOptions() []diagOption {
	out := []diagOption{{Value: "", Label: "— Choisir —"}}
	for _, sc := range diagnostic.Scopes() {
		out = append(out, diagOption{Value: string(sc), Label: sc.Label()})
	}
	return out
}

func weightOptions() []diagOption {
	return []diagOption{{Value: "1", Label: "1 — mineur"}, {Value: "2", Label: "2 — notable"}, {Value: "3", Label: "3 — majeur"}}
}

func kindOptions() []diagOption {
	out := []diagOption{{Value: "", Label: "— Choisir —"}}
	for _, k := range diagnostic.PartnershipKinds() {
		out = append(out, diagOption{Value: string(k), Label: k.Label()})
	}
	return out
}

func statusOptions(blank string) []diagOption {
	out := []diagOption{{Value: "", Label: blank}}
	for _, st := range diagnostic.PartnershipStatuses() {
		out = append(out, diagOption{Value: string(st), Label: st.Label()})
	}
	return out
}

func decisionOptions() []diagOption {
	out := []diagOption{{Value: "", Label: diagnostic.NoDecision.Label()}}
	for _, d := range diagnostic.Decisions() {
		out = append(out, diagOption{Value: string(d), Label: d.Label()})
	}
	return out
}

// countryOptions lists every country by French name; built once since the list is fixed.
var countryOptions = func() []diagOption {
	out := []diagOption{{Value: "", Label: "— Choisir un pays —"}}
	for _, c := range country.All() {
		out = append(out, diagOption{Value: c.Alpha2, Label: c.Name})
	}
	return out
}()

func audienceOptions() []diagOption {
	var out []diagOption
	for _, a := range diagnostic.Audiences() {
		out = append(out, diagOption{Value: string(a), Label: a.Label()})
	}
	return out
}

func formatOptions() []diagOption {
	out := []diagOption{{Value: "", Label: "— Choisir —"}}
	for _, f := range diagnostic.SessionFormats() {
		out = append(out, diagOption{Value: string(f), Label: f.Label()})
	}
	return out
}

func ratingOptions() []diagOption {
	out := []diagOption{{Value: "", Label: "Non évalué"}}
	for _, r := range diagnostic.Ratings() {
		out = append(out, diagOption{Value: strconv.Itoa(int(r)), Label: strconv.Itoa(int(r)) + " — " + r.Label()})
	}
	return out
}

func conditionOptions() []diagOption {
	var out []diagOption
	for _, c := range diagnostic.Conditions() {
		out = append(out, diagOption{Value: c.Code, Label: c.Label, Hint: c.Detail})
	}
	return out
}

// diagOpts gives the templates the choice lists, since the template functions are shared by every area.
type diagOpts struct{}

// Quadrants lists the SWOT quadrants.
func (diagOpts) Quadrants() []diagOption { return quadrantOptions() }

// Scopes lists the SWOT scopes.
func (diagOpts) Scopes() []diagOption { return scopeOptions() }

// Weights lists the SWOT weights.
func (diagOpts) Weights() []diagOption { return weightOptions() }

// Kinds lists the kinds of partnership.
func (diagOpts) Kinds() []diagOption { return kindOptions() }

// Statuses lists the partnership statuses.
func (diagOpts) Statuses() []diagOption { return statusOptions("— Choisir —") }

// Decisions lists the review decisions.
func (diagOpts) Decisions() []diagOption { return decisionOptions() }

// Countries lists every country by French name.
func (diagOpts) Countries() []diagOption { return countryOptions }

// Audiences lists the audiences of a session.
func (diagOpts) Audiences() []diagOption { return audienceOptions() }

// Formats lists the formats of a session.
func (diagOpts) Formats() []diagOption { return formatOptions() }

// Ratings lists the ratings of a principle.
func (diagOpts) Ratings() []diagOption { return ratingOptions() }

// Conditions lists the conditions facilitantes.
func (diagOpts) Conditions() []diagOption { return conditionOptions() }

// checkedSet turns the values of a multiple-choice field into a set the templates can index.
func checkedSet(f *form, name string) map[string]bool {
	out := map[string]bool{}
	for _, v := range f.Values[name] {
		out[v] = true
	}
	return out
}
