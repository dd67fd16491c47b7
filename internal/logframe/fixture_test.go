package logframe

import (
	"time"

	"boussole/internal/number"
	"boussole/internal/partialdate"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func pday(y int, m time.Month, d int) partialdate.Date { return partialdate.Of(y, m, d) }

// complete returns a small strategy the check finds nothing to say about: 2 objectives, 3 results,
// 4 activities, with every indicator, risk, SWOT item and priority in order.
func complete() Strategy {
	ind := func(id int64, level Ref, title string) Indicator {
		return Indicator{
			ID: id, Level: level, Title: title, Measure: MeasureUnit, Unit: "personnes", Ascending: true,
			Baseline:    &Baseline{Value: num("10"), Date: pday(2026, 6, 1)},
			Targets:     []Target{{ID: id*10 + 1, Date: pday(2029, 1, 1), Value: num("20")}, {ID: id*10 + 2, Date: pday(2031, 12, 31), Value: num("40")}},
			Periodicity: "annuelle", Sources: []string{"Bilan annuel du service"}, Owner: "Service RI",
		}
	}
	return Strategy{
		ID: 1, Title: "Stratégie internationale 2026-2032",
		Term: Term{Start: day(2026, 4, 1), End: day(2032, 3, 31)},
		Key: KeyElements{
			Values:     []Value{{ID: 1, Name: "Réciprocité dans les partenariats", Explanation: "Chaque partenaire apprend de l'autre."}},
			Vision:     "Contribuer au développement durable et socialement équitable.",
			Mission:    "Outiller le territoire et ses acteurs.",
			General:    &GeneralObjective{ID: 1, Title: "Faire de l'international un levier pour le territoire"},
			Dimensions: []Dimension{{ID: 1, Name: "Coopération décentralisée", Weight: new(60)}, {ID: 2, Name: "Mobilité des jeunes", Weight: new(40)}},
		},
		Objectives: []SpecificObjective{
			{ID: 11, Position: 0, Title: "Permettre à 200 jeunes du territoire une mobilité à l'étranger", TargetDate: pday(2031, 12, 31), SWOTIDs: []int64{101}, Achievable: "Trois lycées déjà partenaires"},
			{ID: 12, Position: 1, Title: "Améliorer l'accès à l'eau potable à Kayes", TargetDate: pday(2030, 12, 31), Specific: "Habitants de trois quartiers de Kayes", Resources: "Budget eau 1 %", Achievable: "Le syndicat des eaux a déjà foré à Kayes"},
		},
		Results: []ExpectedResult{
			{ID: 21, ObjectiveID: 11, Position: 0, Title: "Un dispositif de bourses existe"},
			{ID: 22, ObjectiveID: 11, Position: 1, Title: "Les lycées sont partenaires", SWOTIDs: []int64{102}},
			{ID: 23, ObjectiveID: 12, Position: 0, Title: "Deux forages sont réalisés"},
		},
		Activities: []Activity{
			{ID: 31, ResultID: 21, Position: 0, Title: "Voter le règlement des bourses", Owner: "Direction jeunesse", Resources: "0,5 ETP", CostCents: new(int64(500_000_00))},
			{ID: 32, ResultID: 22, Position: 0, Title: "Signer les conventions", Owner: "Direction jeunesse"},
			{ID: 33, ResultID: 23, Position: 0, Title: "Lancer l'appel d'offres", Owner: "Service eau", CostCents: new(int64(120_000_00))},
			{ID: 34, ResultID: 23, Position: 1, Title: "Former les comités de gestion", Owner: "Partenaire malien"},
		},
		Indicators: []Indicator{
			ind(41, Ref{KindGeneralObjective, 1}, "Habitants touchés par l'action internationale"),
			ind(42, Ref{KindSpecificObjective, 11}, "Jeunes partis"),
			ind(43, Ref{KindSpecificObjective, 12}, "Habitants desservis"),
			ind(44, Ref{KindResult, 21}, "Bourses versées"),
			ind(45, Ref{KindResult, 22}, "Lycées partenaires"),
			ind(46, Ref{KindResult, 23}, "Forages en service"),
		},
		Assumptions: []Assumption{{ID: 51, Text: "La situation sécuritaire permet les déplacements", Target: Ref{KindSpecificObjective, 12}}},
		Risks: []Risk{
			{ID: 61, Description: "Changement de majorité", Category: RiskInternal, Likelihood: 2, Impact: 4, Mitigation: "Délibération transpartisane", Owner: "DGS", Linked: Ref{KindGeneralObjective, 1}},
			{ID: 62, Description: "Crise politique au Mali", Category: RiskExternal, Likelihood: 3, Impact: 3, Mitigation: "Passer par la diaspora", Owner: "Service RI", Linked: Ref{KindSpecificObjective, 12}},
		},
		SWOT: []SWOTRef{
			{ID: 101, Quadrant: Opportunity, Title: "Programme Erasmus+ ouvert aux collectivités", Weight: 5},
			{ID: 102, Quadrant: Weakness, Title: "Peu de lien avec les lycées", Weight: 4},
			{ID: 103, Quadrant: Weakness, Title: "Pas de service RI", Weight: 5, LeftAside: true, AsideReason: "Hors de portée de ce mandat"},
			{ID: 104, Quadrant: Threat, Title: "Baisse des dotations", Weight: 5},
			{ID: 105, Quadrant: Weakness, Title: "Site web vieillissant", Weight: 2},
		},
		Geo: []GeoPriority{{ID: 71, CountryCode: "ML", Name: "Mali", Reason: "diaspora", ActivityIDs: []int64{33}}},
	}
}

// num reads a test value the way the forms do.
func num(s string) *number.Decimal {
	d, err := number.Parse(s, number.Indicator)
	if err != nil {
		panic(err)
	}
	return &d
}
