package monitoring

import (
	"strings"
	"testing"

	"boussole/internal/logframe"
)

func TestCheckRecommendationElement(t *testing.T) {
	objective := logframe.Ref{Kind: logframe.KindSpecificObjective, ID: 1}
	result := logframe.Ref{Kind: logframe.KindResult, ID: 2}
	activity := logframe.Ref{Kind: logframe.KindActivity, ID: 3}
	indicator := logframe.Ref{Kind: logframe.KindIndicator, ID: 4}
	known := map[logframe.Ref]bool{objective: true, result: true, activity: true, indicator: true}
	cases := []struct {
		name string
		ref  logframe.Ref
		ok   bool
	}{
		{"the strategy as a whole", logframe.Ref{}, true},
		{"an objective of the strategy", objective, true},
		{"a result of the strategy", result, true},
		{"an activity of the strategy", activity, true},
		{"an indicator of the strategy", indicator, true},
		{"another strategy's objective", logframe.Ref{Kind: logframe.KindSpecificObjective, ID: 99}, false},
		{"the same ID under another kind", logframe.Ref{Kind: logframe.KindResult, ID: 1}, false},
		{"a kind a recommendation cannot name", logframe.Ref{Kind: logframe.KindRisk, ID: 1}, false},
		{"an unknown kind", logframe.Ref{Kind: "n-importe-quoi", ID: 1}, false},
		{"a kind without ID", logframe.Ref{Kind: logframe.KindActivity}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			errs := CheckRecommendationElement(c.ref, known)
			if c.ok != (len(errs) == 0) {
				t.Fatalf("ok = %v, errors %v", c.ok, errs)
			}
			if !c.ok && (errs[0].Field != "element" || errs[0].Message == "") {
				t.Errorf("error %+v, want a French message at the field « element »", errs[0])
			}
		})
	}
}

// TestPlanRevisionHomesOfRecommendations: the element chosen on the confirmation page wins; without a
// choice, the recommendation goes to the element it names; a refused one is not carried.
func TestPlanRevisionHomesOfRecommendations(t *testing.T) {
	activity := logframe.Ref{Kind: logframe.KindActivity, ID: 3}
	result := logframe.Ref{Kind: logframe.KindResult, ID: 2}
	e := Evaluation{Title: "Mi-parcours", Recommendations: []Recommendation{
		{ID: 1, Text: "Choisie", Response: Accepted, FollowUp: Underway, Element: activity},
		{ID: 2, Text: "Nommée", Response: Partly, FollowUp: ToStart, Element: activity},
		{ID: 3, Text: "Refusée", Response: Refused, FollowUp: Abandoned, Element: activity},
	}}
	p := PlanRevision(RevisionInput{PreviousTitle: "S", Evaluations: []Evaluation{e}, Attach: map[int64]logframe.Ref{1: result}})
	homes := map[string]logframe.Ref{}
	for _, n := range p.Notes {
		if n.Source == FromRecommendation {
			for _, w := range []string{"Choisie", "Nommée", "Refusée"} {
				if len(n.Text) >= len(w) && n.Text[len(n.Text)-len(w):] == w {
					homes[w] = n.Element
				}
			}
		}
	}
	if homes["Choisie"] != result || homes["Nommée"] != activity {
		t.Errorf("homes: %v", homes)
	}
	if _, carried := homes["Refusée"]; carried {
		t.Errorf("a refused recommendation was carried")
	}
}

func TestDetachFromDeleted(t *testing.T) {
	r := Recommendation{ID: 3, Text: "Ouvrir un guichet", Notes: "Relancé en mars.", Element: logframe.Ref{Kind: logframe.KindActivity, ID: 9}}
	got := DetachFromDeleted(r, logframe.KindActivity, " Forum des jumelages ")
	if !got.Element.IsZero() || got.Notes != "À propos de : activité « Forum des jumelages » (supprimée).\nRelancé en mars." || got.Text != r.Text {
		t.Errorf("detached: %+v", got)
	}
	if got := DetachFromDeleted(Recommendation{}, logframe.KindIndicator, ""); got.Notes != "À propos de : indicateur (supprimé)." {
		t.Errorf("without a title: %q", got.Notes)
	}
	if line, ok := DeletedElement(got); !ok || line != "À propos de : activité « Forum des jumelages » (supprimée)." {
		t.Errorf("deleted element read back: %q %v", line, ok)
	}
	for _, r := range []Recommendation{r, {Notes: "À propos de : rien de spécial"}, {}} {
		if line, ok := DeletedElement(r); ok {
			t.Errorf("%+v names a deleted element: %q", r, line)
		}
	}
	// Prepared for the next strategy, it stays on the whole strategy and says what it was about.
	p := PlanRevision(RevisionInput{Evaluations: []Evaluation{{Title: "Mi-parcours", Recommendations: []Recommendation{got}}}})
	if len(p.Notes) != 1 || !p.Notes[0].Element.IsZero() || !strings.HasSuffix(p.Notes[0].Text, "Ouvrir un guichet — À propos de : activité « Forum des jumelages » (supprimée).") {
		t.Errorf("revision note: %+v", p.Notes)
	}
}
