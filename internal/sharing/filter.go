package sharing

import (
	"boussole/internal/refdata/sdg"
	"slices"
	"strconv"

	"boussole/internal/logframe"
	"boussole/internal/strategy"
)

// Filter builds what peers may read of a strategy for the chosen scope. It is the only way into a share,
// and it copies field by field what the guide's capitalisation needs and nothing that names or reaches a
// person: no owners of activities, indicators or risks, no stakeholder (the map holds contacts), no
// awareness attendees, no means, costs or dates of activities, no services or local actors of partnerships,
// no comments, no measured values, no amounts, no evaluator, no owner or notes of recommendations.
// whole must hold the framework, diagnostic, funding and monitoring parts.
func Filter(whole *strategy.Strategy, scope Scope, licence Licence) View {
	a := whole.Authority
	v := View{
		Authority: Peer{Name: a.Name, Slug: a.Slug, Kind: a.Kind, Population: a.Population},
		Strategy: Header{Title: whole.Record.Title, TermStart: whole.Record.TermStart, TermEnd: whole.Record.TermEnd,
			Adopted: whole.Record.Adopted(), AdoptedOn: whole.Record.AdoptedOn},
		Scope: scope, Licence: licence,
	}
	if scope.Has(Structure) {
		structure(&v, &whole.Framework)
	}
	if scope.Has(Partnerships) {
		for _, p := range whole.Diagnostic.Partnerships {
			x := p.Partnership
			v.Partners = append(v.Partners, Partner{Partner: x.Partner, Countries: slices.Clone(x.Countries), Kind: x.Kind.Label(),
				Status: x.Status.Label(), Themes: slices.Clone(x.Themes), StartYear: x.StartYear})
			v.Countries = append(v.Countries, x.Countries...)
			v.Themes = append(v.Themes, x.Themes...)
		}
	}
	if scope.Has(Projects) {
		projects(&v, whole.Funding.Projects, whole.Funding.Catalogue)
	}
	if scope.Has(Evaluations) {
		evaluations(&v, whole.Monitoring.Evaluations)
	}
	v.Countries, v.Themes, v.SDG = unique(v.Countries), unique(v.Themes), unique(v.SDG)
	return v
}

func structure(v *View, f *strategy.Framework) {
	lf := &f.Logframe
	numbers := logframe.Number(lf)
	v.Key = &Key{Vision: f.Key.Vision, Mission: f.Key.Mission, General: f.Key.GeneralTitle}
	for _, x := range f.Key.Values {
		v.Key.Values = append(v.Key.Values, Value{Name: x.Name, Explanation: x.Explanation})
	}
	for _, o := range lf.Objectives {
		ref := logframe.Ref{Kind: logframe.KindSpecificObjective, ID: o.ID}
		v.Elements = append(v.Elements, Item{Ref: "o" + strconv.FormatInt(o.ID, 10), Level: "objectif", Number: numbers.Of(ref),
			Title: o.Title, Description: o.Description, SDG: unCodes(o.SDG)})
		v.SDG = append(v.SDG, unCodes(o.SDG)...)
		for _, r := range lf.Results {
			if r.ObjectiveID != o.ID {
				continue
			}
			rr := logframe.Ref{Kind: logframe.KindResult, ID: r.ID}
			v.Elements = append(v.Elements, Item{Ref: "r" + strconv.FormatInt(r.ID, 10), Level: "resultat", Number: numbers.Of(rr),
				Parent: "o" + strconv.FormatInt(o.ID, 10), Title: r.Title, Description: r.Description, SDG: unCodes(r.SDG)})
			v.SDG = append(v.SDG, unCodes(r.SDG)...)
		}
	}
	if g := lf.Key.General; g != nil {
		v.SDG = append(v.SDG, unCodes(g.SDG)...)
	}
	for _, a := range lf.Activities {
		v.Actions = append(v.Actions, Action{Ref: "a" + strconv.FormatInt(a.ID, 10), Result: "r" + strconv.FormatInt(a.ResultID, 10),
			Title: a.Title, Description: a.Description, SDG: unCodes(a.SDG)})
	}
	for _, in := range lf.Indicators {
		v.Measures = append(v.Measures, Metric{Ref: "i" + strconv.FormatInt(in.ID, 10), Level: levelRef(in.Level), Title: in.Title,
			Definition: in.Definition, Unit: in.Unit, Ascending: in.Ascending, Periodicity: in.Periodicity, Sources: slices.Clone(in.Sources)})
	}
	for _, r := range lf.Risks {
		v.Risks = append(v.Risks, Risk{Ref: "k" + strconv.FormatInt(r.ID, 10), Desc: r.Description, Category: string(r.Category),
			Likelihood: r.Likelihood, Impact: r.Impact, Mitigation: r.Mitigation})
	}
	for _, t := range f.Thematic {
		v.Themes = append(v.Themes, t.Policy)
	}
	for _, g := range f.Geo {
		if g.CountryCode != "" {
			v.Countries = append(v.Countries, g.CountryCode)
		}
	}
}

// levelRef names the element an indicator measures with the share's own references.
func levelRef(r logframe.Ref) string {
	switch r.Kind {
	case logframe.KindSpecificObjective:
		return "o" + strconv.FormatInt(r.ID, 10)
	case logframe.KindResult:
		return "r" + strconv.FormatInt(r.ID, 10)
	}
	return "g"
}

func unique(list []string) []string {
	out := make([]string, 0, len(list))
	for _, s := range list {
		if s != "" {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// unCodes keeps the UN goals and targets of an element's ODD tags: a local target is the authority's own
// refinement, meaningless to a peer and dangling once copied.
func unCodes(codes []string) []string {
	var out []string
	for _, c := range codes {
		if n, err := strconv.Atoi(c); err == nil {
			if _, ok := sdg.GoalByNumber(n); ok {
				out = append(out, c)
			}
		} else if _, ok := sdg.TargetByCode(c); ok {
			out = append(out, c)
		}
	}
	return out
}
