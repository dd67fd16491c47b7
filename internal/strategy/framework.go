package strategy

import (
	"boussole/internal/diagnostic"
	"boussole/internal/logframe"
	"boussole/internal/model"
)

// Framework is everything the framework pages show of one strategy: the stored records with their versions,
// and the domain view the check runs on (Logframe, assembled by Assemble).
type Framework struct {
	Strategy    model.Strategy
	Logframe    logframe.Strategy
	Key         logframe.KeyElementsRecord
	Objectives  []logframe.ObjectiveRecord
	Results     []logframe.ResultRecord
	Activities  []logframe.ActivityRecord
	Indicators  []logframe.IndicatorRecord
	Risks       []logframe.RiskRecord
	Assumptions []logframe.AssumptionRecord
	Geo         []logframe.GeoPriorityRecord
	Thematic    []logframe.ThematicPriorityRecord
	Tags        []logframe.SDGTag
	Local       []logframe.LocalTargetRecord
	Provenance  map[logframe.Ref]string // where the elements copied from a peer's share come from
	SWOT        []diagnostic.ItemRecord // the strategy's diagnostic matrix, which objectives and results answer
}

// Assemble builds the check's view of the framework from its records, with the ODD tags on each element;
// the store calls it once the records are read.
func (f *Framework) Assemble() { f.Logframe = f.domain() }

func (f *Framework) domain() logframe.Strategy {
	tags := map[logframe.Ref][]string{}
	for _, t := range f.Tags {
		tags[t.Element] = append(tags[t.Element], t.Code)
	}
	s := logframe.Strategy{ID: f.Strategy.ID, Title: f.Strategy.Title, Term: f.Strategy.Dates()}
	s.Key = logframe.KeyElements{Values: f.Key.Values, Vision: f.Key.Vision, Mission: f.Key.Mission, PoliticalProject: f.Key.PoliticalProject,
		Dimensions: f.Key.Dimensions}
	if f.Key.GeneralTitle != "" {
		s.Key.General = &logframe.GeneralObjective{ID: f.Key.ID, Title: f.Key.GeneralTitle, Description: f.Key.GeneralText,
			SDG: tags[logframe.Ref{Kind: logframe.KindGeneralObjective, ID: f.Key.ID}]}
	}
	for _, o := range f.Objectives {
		x := o.SpecificObjective
		x.SDG = tags[logframe.Ref{Kind: logframe.KindSpecificObjective, ID: o.ID}]
		s.Objectives = append(s.Objectives, x)
	}
	for _, r := range f.Results {
		x := r.ExpectedResult
		x.SDG = tags[logframe.Ref{Kind: logframe.KindResult, ID: r.ID}]
		s.Results = append(s.Results, x)
	}
	for _, a := range f.Activities {
		x := a.Activity
		x.SDG = tags[logframe.Ref{Kind: logframe.KindActivity, ID: a.ID}]
		s.Activities = append(s.Activities, x)
	}
	for _, in := range f.Indicators {
		x := in.Indicator
		x.SDG = tags[logframe.Ref{Kind: logframe.KindIndicator, ID: in.ID}]
		s.Indicators = append(s.Indicators, x)
	}
	for _, r := range f.Risks {
		s.Risks = append(s.Risks, r.Risk)
	}
	for _, a := range f.Assumptions {
		s.Assumptions = append(s.Assumptions, a.Assumption)
	}
	for _, g := range f.Geo {
		s.Geo = append(s.Geo, g.GeoPriority)
	}
	s.SWOT = swotRefs(f.SWOT)
	return s
}
