package document

import (
	"time"

	"boussole/internal/diagnostic"
	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/number"
	"boussole/internal/partialdate"
	"boussole/internal/schedule"
	"boussole/internal/stakeholder"
)

func ptr[T any](v T) *T { return &v }

// sampleSource is a small but complete strategy: every section has something to show.
func sampleSource() Source {
	dec := func(n int64) *number.Decimal { d := number.Int(n); return &d }
	fw := logframe.Strategy{
		ID: 1, Title: "Stratégie d'action internationale",
		Key: logframe.KeyElements{
			Values:     []logframe.Value{{ID: 1, Name: "Réciprocité", Explanation: "Chaque partenaire gagne à l'échange."}},
			Vision:     "Un territoire ouvert sur le monde, où chaque jeune peut vivre une expérience à l'étranger.",
			Mission:    "Mettre les compétences de l'agglomération au service de coopérations utiles aux deux territoires.",
			General:    &logframe.GeneralObjective{ID: 10, Title: "Faire de l'ouverture internationale un levier de développement", SDG: []string{"11", "4.7"}},
			Dimensions: []logframe.Dimension{{ID: 1, Name: "Coopération décentralisée", Weight: ptr(60)}, {ID: 2, Name: "Mobilité des jeunes"}},
		},
		Objectives: []logframe.SpecificObjective{
			{ID: 21, Position: 2, Title: "Renforcer la coopération avec Kédougou", Specific: "Eau potable pour 3 villages"},
			{ID: 20, Position: 1, Title: "Développer la mobilité des jeunes", Specific: "Jeunes de 16 à 25 ans", Measure: "Nombre de départs",
				TargetDate: partialdate.OfYear(2032), SDG: []string{"4"}},
		},
		Results: []logframe.ExpectedResult{
			{ID: 30, ObjectiveID: 20, Position: 1, Title: "Un dispositif d'accompagnement des départs existe"},
			{ID: 31, ObjectiveID: 21, Position: 1, Title: "Trois forages sont en service"},
		},
		Activities: []logframe.Activity{
			{ID: 40, ResultID: 30, Position: 1, Title: "Créer un guichet mobilité", Owner: "Direction jeunesse", CostCents: ptr(int64(1_500_000)),
				Start: partialdate.OfMonth(2027, time.January), End: partialdate.OfMonth(2027, time.June)},
			{ID: 41, ResultID: 31, Position: 1, Title: "Forer trois puits", Owner: "Régie des eaux"},
		},
		Indicators: []logframe.Indicator{
			{ID: 50, Level: logframe.Ref{Kind: logframe.KindSpecificObjective, ID: 20}, Title: "Jeunes partis en mobilité", Unit: "personnes",
				Measure: logframe.MeasureUnit, Baseline: &logframe.Baseline{Value: dec(35), Date: partialdate.OfYear(2025)},
				Targets: []logframe.Target{{Date: partialdate.OfYear(2032), Value: dec(1200)}}, Periodicity: "annuelle",
				Sources: []string{"Registre du guichet"}, Owner: "Direction jeunesse", Public: true},
			{ID: 51, Level: logframe.Ref{Kind: logframe.KindResult, ID: 31}, Title: "Forages en service", Unit: "forages"},
		},
		Assumptions: []logframe.Assumption{{ID: 60, Text: "La situation sécuritaire permet les déplacements", Target: logframe.Ref{Kind: logframe.KindResult, ID: 31}}},
		Risks: []logframe.Risk{{ID: 70, Position: 1, Description: "Départ de l'élu référent", Category: logframe.RiskInternal, Likelihood: 2, Impact: 3,
			Mitigation: "Associer deux élus", Linked: logframe.Ref{Kind: logframe.KindSpecificObjective, ID: 20}}},
		Geo: []logframe.GeoPriority{{ID: 80, CountryCode: "SN", Name: "Département de Kédougou", Reason: "Coopération depuis 1998"},
			{ID: 81, Name: "Balkans occidentaux", Reason: "Diaspora"}},
	}
	return Source{
		Authority: model.Authority{ID: 1, Kind: "epci", Name: "Grand Belval Agglomération", Slug: "grand-belval"},
		Strategy:  model.Strategy{ID: 1, Title: "Stratégie d'action internationale", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft},
		Framework: fw,
		Thematic:  []logframe.ThematicPriorityRecord{{ID: 1, Policy: "Eau et assainissement", Service: "Régie des eaux", Description: "Le 1 % eau"}},
		Argument: diagnostic.ArgumentInput{Authority: "Grand Belval Agglomération", Stakes: []string{"atouts.jeunes"},
			Notes: map[string]string{"atouts.jeunes": "1 200 lycéens par an"}, LocalFacts: []string{"152 400 habitants"}},
		Principles: []diagnostic.PrincipleAssessment{{Principle: "reciprocite", Rating: diagnostic.RatingPartly, Comment: "À renforcer"}},
		SWOT: []diagnostic.Item{{ID: "1", Quadrant: diagnostic.Strengths, Scope: diagnostic.ScopeTerritory, Text: "Une université tournée vers l'Afrique", Weight: 3, Position: 1},
			{ID: "2", Quadrant: diagnostic.Threats, Scope: diagnostic.ScopeAuthority, Text: "Budget contraint", Weight: 2, Position: 1}},
		Partnerships: []diagnostic.Partnership{{ID: "1", Partner: "Département de Kédougou", Countries: []string{"SN"}, Kind: diagnostic.KindDecentralised,
			Status: diagnostic.StatusActive, StartYear: 1998, Review: diagnostic.Review{Results: "Deux écoles construites", Decision: diagnostic.DecisionRefocus, Reason: "Sur l'eau"}}},
		Stakeholders: []stakeholder.Stakeholder{{ID: 1, Name: "Lycée Jean-Moulin", Kind: stakeholder.KindElected, Territory: "Belval", Themes: []string{"jeunesse"}}},
		Milestones: []schedule.MilestoneRecord{{ID: 1, Kind: schedule.MilestoneMidTerm, Title: "Évaluation à mi-parcours", Date: partialdate.OfYear(2029)},
			{ID: 2, Kind: schedule.MilestoneDeliberation, Title: "Vote de la stratégie", Date: partialdate.Of(2027, time.March, 12)}},
		Generated: time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC),
		Base:      "/ct/grand-belval",
	}
}
