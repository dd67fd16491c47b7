package strategy

import (
	"testing"

	"boussole/internal/diagnostic"
	"boussole/internal/logframe"
	"boussole/internal/model"
)

func TestPartsCombine(t *testing.T) {
	p := PartFramework | PartPlanning
	if !p.Has(PartFramework) || !p.Has(PartPlanning) || p.Has(PartStakeholders) || p.Has(PartFramework|PartDiagnostic) {
		t.Errorf("parts %b: Has is wrong", p)
	}
	for _, q := range []Part{PartFramework, PartAwareness, PartDiagnostic, PartStakeholders, PartPlanning, PartSteps} {
		if !Whole.Has(q) {
			t.Errorf("Whole lacks part %b", q)
		}
	}
}

func TestAssembleCarriesTagsTermAndWeights(t *testing.T) {
	f := Framework{
		Strategy:   model.Strategy{ID: 7, Title: "Coopérer", TermStart: 2026, TermEnd: 2032},
		Objectives: []model.Objective{{SpecificObjective: logframe.SpecificObjective{ID: 3, Title: "Eau"}}},
		Tags:       []model.SDGTag{{Element: logframe.Ref{Kind: logframe.KindSpecificObjective, ID: 3}, Code: "6"}},
		SWOT:       []diagnostic.ItemRecord{{ID: 9, Item: diagnostic.Item{Quadrant: diagnostic.Threats, Text: "Sécheresse", Weight: diagnostic.MaxWeight}}},
	}
	f.Assemble()
	lf := f.Logframe
	if lf.ID != 7 || lf.Term.Start.Year() != 2026 || lf.Term.End.Year() != 2032 || lf.Term.End.Month() != 12 {
		t.Errorf("strategy %d, term %v–%v", lf.ID, lf.Term.Start, lf.Term.End)
	}
	if len(lf.Objectives) != 1 || len(lf.Objectives[0].SDG) != 1 || lf.Objectives[0].SDG[0] != "6" {
		t.Errorf("objective's ODD tags not carried: %+v", lf.Objectives)
	}
	if len(lf.SWOT) != 1 || lf.SWOT[0].Quadrant != logframe.Threat || lf.SWOT[0].Weight < logframe.MajorSWOTWeight {
		t.Errorf("a major threat of the diagnostic must be major for the check: %+v", lf.SWOT)
	}
}

func TestTermWithoutEndYear(t *testing.T) {
	term := TermOf(model.Strategy{TermStart: 2020})
	if term.Start.Year() != 2020 || !term.End.IsZero() {
		t.Errorf("term %v–%v, want from 2020 with no end", term.Start, term.End)
	}
	if got := TermOf(model.Strategy{}); !got.Start.IsZero() {
		t.Errorf("no term start: %v", got)
	}
}
