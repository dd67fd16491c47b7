package sharing

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"boussole/internal/diagnostic"
	"boussole/internal/funding"
	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/monitoring"
	"boussole/internal/partialdate"
	"boussole/internal/stakeholder"
	"boussole/internal/strategy"
)

// personal are the names, contacts and figures a strategy holds that must never reach a share.
var personal = []string{"Mme Awa Diallo", "awa.diallo@ville.fr", "06 12 34 56 78", "M. Jean Dupont", "Direction des sports",
	"Club de foot local", "Élue référente Martin", "123456", "Karim Benali"}

// seeded is a strategy with personal data in every place that may hold some, and shareable text elsewhere.
func seeded() *strategy.Strategy {
	st := &strategy.Strategy{
		Authority: model.Authority{Name: "Ville de Rivebelle", Slug: "rivebelle", Kind: "commune", Population: 48000},
		Record:    model.Strategy{ID: 1, Title: "Rivebelle solidaire", TermStart: 2021, TermEnd: 2026, Status: model.StrategyCurrent},
	}
	f := &st.Framework
	budget := int64(123456)
	f.Strategy = st.Record
	f.Key = logframe.KeyElementsRecord{ID: 10, Vision: "Un territoire ouvert", Mission: "Coopérer", GeneralTitle: "Faire de Rivebelle une ville solidaire",
		PoliticalProject: "Programme de Mme Awa Diallo", Values: []logframe.Value{{Name: "Réciprocité", Explanation: "Donner et recevoir"}}}
	f.Objectives = []logframe.ObjectiveRecord{{SpecificObjective: logframe.SpecificObjective{ID: 2, Title: "Accès à l'eau", Achievable: "Appui de M. Jean Dupont", Resources: "123456"}}}
	f.Results = []logframe.ResultRecord{{ExpectedResult: logframe.ExpectedResult{ID: 3, ObjectiveID: 2, Title: "Forages réhabilités"}}}
	f.Activities = []logframe.ActivityRecord{{Activity: logframe.Activity{ID: 4, ResultID: 3, Title: "Mission d'appui technique",
		Description: "Deux techniciens une semaine", Owner: "Mme Awa Diallo", Resources: "Karim Benali", CostCents: &budget, Start: partialdate.OfMonth(2024, time.March)}}}
	f.Indicators = []logframe.IndicatorRecord{{Indicator: logframe.Indicator{ID: 5, Level: logframe.Ref{Kind: logframe.KindResult, ID: 3},
		Title: "Forages en service", Unit: "forages", Owner: "awa.diallo@ville.fr", Periodicity: "annuelle", Sources: []string{"Rapport du partenaire"}}}}
	f.Risks = []logframe.RiskRecord{{Risk: logframe.Risk{ID: 6, Description: "Saison des pluies", Category: logframe.RiskExternal, Likelihood: 2, Impact: 3,
		Owner: "Élue référente Martin", Mitigation: "Décaler les travaux"}}}
	f.Thematic = []logframe.ThematicPriorityRecord{{Policy: "Eau et assainissement", Service: "Direction des sports"}}
	f.Tags = []logframe.SDGTag{{Element: logframe.Ref{Kind: logframe.KindSpecificObjective, ID: 2}, Code: "6"},
		{Element: logframe.Ref{Kind: logframe.KindActivity, ID: 4}, Code: "6.1"}, {Element: logframe.Ref{Kind: logframe.KindActivity, ID: 4}, Code: "6.1-rivebelle"}}
	f.Assemble()
	st.Awareness.Sessions = []diagnostic.SessionRecord{{Session: diagnostic.Session{Title: "Séance", Attendees: []diagnostic.Attendee{{Name: "Karim Benali"}}}}}
	st.Diagnostic.Partnerships = []diagnostic.PartnershipRecord{{Partnership: diagnostic.Partnership{Partner: "Commune de Ziguinchor", Countries: []string{"SN"},
		Kind: diagnostic.PartnershipKind("jumelage"), Themes: []string{"eau"}, StartYear: 2004, Services: []string{"Direction des sports"},
		LocalActors: []string{"Club de foot local"}, YearlyBudgetCents: &budget}}}
	cost := int64(4_000_000)
	st.Funding.Projects = []funding.Project{{Title: "Forages de Ziguinchor", Summary: "Réhabiliter douze forages", Status: funding.StatusRunning,
		Countries: []string{"SN"}, BudgetCents: &cost, Start: partialdate.Of(2024, time.May, 14),
		Lines: []funding.Line{{Source: funding.SourceOwn, AmountCents: 1_000_000, Status: funding.LineGranted},
			{Source: funding.SourcePartner, Label: "Agence de l'eau Loire-Bretagne", AmountCents: 3_000_000, Status: funding.LineApplied}}}}
	st.Monitoring.Evaluations = []monitoring.Evaluation{{Title: "Évaluation à mi-parcours", Kind: monitoring.MidTerm, Conduct: monitoring.External,
		Evaluator: "M. Jean Dupont", Findings: "Les forages tiennent", Lessons: "Associer les comités d'usagers dès le départ",
		Recommendations: []monitoring.Recommendation{{Text: "Former les comités", Owner: "Mme Awa Diallo", Response: monitoring.Accepted, Notes: "Karim Benali relance"}}}}
	st.Stakeholders.List = []stakeholder.Record{{Stakeholder: stakeholder.Stakeholder{Name: "M. Jean Dupont", Contact: "06 12 34 56 78"}}}
	return st
}

func TestFilterHoldsNoPersonalData(t *testing.T) {
	v := Filter(seeded(), Structure|Partnerships|Projects|Evaluations, LicenceOuverte)
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out := string(b) + SearchKey(v)
	for _, p := range personal {
		if strings.Contains(out, p) {
			t.Errorf("the share holds %q:\n%s", p, out)
		}
	}
	// The authority's own means, dates and local refinements stay home.
	for _, own := range []string{"2024-03", "6.1-rivebelle", "2024-05", "4000000", "3000000"} {
		if strings.Contains(out, own) {
			t.Errorf("the share holds %q", own)
		}
	}
	// What is meant to be shared is there.
	for _, want := range []string{"Accès à l'eau", "Forages réhabilités", "Forages en service", "Saison des pluies", "Commune de Ziguinchor",
		"Réciprocité", "Eau et assainissement", `"SN"`, `"6"`, "Mission d'appui technique", "Deux techniciens", `"6.1"`,
		"Forages de Ziguinchor", "Agence de l'eau Loire-Bretagne", `"percent":75`, `"percent":25`, "Associer les comités d'usagers", "Former les comités", "acceptée"} {
		if !strings.Contains(out, want) {
			t.Errorf("the share lacks %s", want)
		}
	}
}

func TestFilterKeepsToTheScope(t *testing.T) {
	v := Filter(seeded(), Partnerships, LicenceOuverte)
	if v.Key != nil || len(v.Elements) != 0 || len(v.Measures) != 0 || len(v.Risks) != 0 {
		t.Errorf("partnerships only, yet the structure is shared: %+v", v)
	}
	if len(v.Partners) != 1 {
		t.Errorf("partners: %+v", v.Partners)
	}
	if len(v.Projects) != 0 || len(v.Evaluations) != 0 {
		t.Errorf("partnerships only, yet projects or evaluations are shared: %+v", v)
	}
	v = Filter(seeded(), Structure, LicenceOuverte)
	if len(v.Partners) != 0 || len(v.Elements) != 2 {
		t.Errorf("structure only: %d partners, %d elements", len(v.Partners), len(v.Elements))
	}
}

func TestPlanCopyBringsParentsAndRefusesUnknown(t *testing.T) {
	v := Filter(seeded(), Structure, LicenceOuverte)
	c, err := PlanCopy(v, []string{"i5"})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Objectives) != 1 || len(c.Objectives[0].Results) != 1 || len(c.Objectives[0].Results[0].Indicators) != 1 {
		t.Fatalf("an indicator of a result brings its result and objective: %+v", c)
	}
	if c.Count() != 3 {
		t.Errorf("count %d, want 3", c.Count())
	}
	if !strings.Contains(c.Provenance, "Rivebelle solidaire") || !strings.Contains(c.Provenance, "2021–2026") || !strings.Contains(c.Provenance, "Licence Ouverte") {
		t.Errorf("provenance %q", c.Provenance)
	}
	if _, err := PlanCopy(v, []string{"o2", "o999"}); err != ErrUnknownPick {
		t.Errorf("unknown pick: err = %v", err)
	}
	if _, err := PlanCopy(v, nil); err != ErrNothingPicked {
		t.Errorf("no pick: err = %v", err)
	}
	c, err = PlanCopy(v, []string{"a4"})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Objectives) != 1 || len(c.Objectives[0].Results) != 1 || len(c.Objectives[0].Results[0].Activities) != 1 || c.Count() != 3 {
		t.Fatalf("an activity type brings its result and objective: %+v", c)
	}
	if a := c.Objectives[0].Results[0].Activities[0]; a.Title != "Mission d'appui technique" || !slices.Equal(a.SDG, []string{"6.1"}) {
		t.Errorf("copied activity %+v: the title and the UN target, never the local one", a)
	}
	c, _ = PlanCopy(v, []string{"k6"})
	if len(c.Risks) != 1 || len(c.Objectives) != 0 {
		t.Errorf("a risk alone: %+v", c)
	}
}

func TestQueryWords(t *testing.T) {
	q := Query{Text: "Coopération  %eau_ ; l' " + strings.Repeat("x", 500)}
	got := q.Words()
	if len(got) < 2 || got[0] != "cooperation" || got[1] != "eau" {
		t.Errorf("words %q", got)
	}
	many := Query{Text: strings.Repeat("mot ", 50)}
	if n := len(many.Words()); n != maxWords {
		t.Errorf("%d words kept, want %d", n, maxWords)
	}
}

func TestBands(t *testing.T) {
	for pop, want := range map[int64]Band{0: BandUnknown, 800: BandVillage, 2000: BandSmall, 48000: BandTown, 199999: BandCity, 2_000_000: BandLarge} {
		if got := BandOf(pop); got != want {
			t.Errorf("BandOf(%d) = %q, want %q", pop, got, want)
		}
	}
	if BandUnknown.Label() != "population non renseignée" {
		t.Error("unknown band must say so")
	}
}
