package logframe

import (
	"slices"
	"strings"
	"testing"
	"time"

	"boussole/internal/partialdate"
)

func objective(s *Strategy, id int64) *SpecificObjective {
	return &s.Objectives[slices.IndexFunc(s.Objectives, func(o SpecificObjective) bool { return o.ID == id })]
}

func indicatorByID(s *Strategy, id int64) *Indicator {
	return &s.Indicators[slices.IndexFunc(s.Indicators, func(in Indicator) bool { return in.ID == id })]
}

func dropIndicators(s *Strategy, level Ref) {
	s.Indicators = slices.DeleteFunc(s.Indicators, func(in Indicator) bool { return in.Level == level })
}

// ruleCases holds, for every rule, at least one strategy that breaks it and one that satisfies it.
// want is the target of the expected finding; a zero want with fail=false means « no finding of this rule ».
var ruleCases = []struct {
	rule, name string
	mutate     func(s *Strategy)
	fail       bool
	want       Ref
	contains   string // a piece of the French message
}{
	{"KE-TERM", "term set", func(s *Strategy) {}, false, Ref{}, ""},
	{"KE-TERM", "no term", func(s *Strategy) { s.Term = Term{} }, true, Ref{KindTerm, 1}, "mandature"},
	{"KE-TERM", "end before start", func(s *Strategy) { s.Term.End = s.Term.Start.AddDate(-1, 0, 0) }, true, Ref{KindTerm, 1}, "ne vient pas après"},
	{"KE-TERM", "no end year", func(s *Strategy) { s.Term.End = time.Time{} }, true, Ref{KindTerm, 1}, "La fin de la mandature n'est pas renseignée"},
	{"KE-GENERAL", "general objective", func(s *Strategy) {}, false, Ref{}, ""},
	{"KE-GENERAL", "no general objective", func(s *Strategy) { s.Key.General = nil }, true, Ref{KindGeneralObjective, 0}, "objectif général"},
	{"KE-GENERAL", "blank general objective", func(s *Strategy) { s.Key.General.Title = "  " }, true, Ref{KindGeneralObjective, 0}, "objectif général"},
	{"KE-VISION", "vision", func(s *Strategy) {}, false, Ref{}, ""},
	{"KE-VISION", "no vision", func(s *Strategy) { s.Key.Vision = "" }, true, Ref{KindKeyElements, 1}, "vision"},
	{"KE-MISSION", "mission", func(s *Strategy) {}, false, Ref{}, ""},
	{"KE-MISSION", "no mission", func(s *Strategy) { s.Key.Mission = " " }, true, Ref{KindKeyElements, 1}, "mission"},
	{"KE-VALUES", "values explained", func(s *Strategy) {}, false, Ref{}, ""},
	{"KE-VALUES", "no values", func(s *Strategy) { s.Key.Values = nil }, true, Ref{KindKeyElements, 1}, "réciprocité"},
	{"KE-VALUES", "value without explanation", func(s *Strategy) { s.Key.Values[0].Explanation = "" }, true, Ref{KindValue, 1}, "La valeur « Réciprocité"},
	{"KE-DIMENSIONS", "weights add to 100", func(s *Strategy) {}, false, Ref{}, ""},
	{"KE-DIMENSIONS", "no dimension", func(s *Strategy) { s.Key.Dimensions = nil }, true, Ref{KindKeyElements, 1}, "dimension"},
	{"KE-DIMENSIONS", "weights add to 90", func(s *Strategy) { s.Key.Dimensions[0].Weight = new(50) }, true, Ref{KindKeyElements, 1}, "90 %"},
	{"SWOT-ANSWER", "answered by a result", func(s *Strategy) {}, false, Ref{}, ""},
	{"KE-DIMENSIONS", "weight not decided", func(s *Strategy) { s.Key.Dimensions[1].Weight = nil }, true, Ref{KindKeyElements, 1}, "Le poids de la dimension « Mobilité des jeunes » n'est pas renseigné"},
	{"SWOT-ANSWER", "minor weakness unanswered", func(s *Strategy) { s.SWOT[4].Weight = 3 }, false, Ref{}, ""},
	{"SWOT-ANSWER", "threat need not be answered", func(s *Strategy) { s.SWOT[3].Weight = 5 }, false, Ref{}, ""},
	{"SWOT-ANSWER", "major opportunity unanswered", func(s *Strategy) { objective(s, 11).SWOTIDs = nil }, true, Ref{KindSWOT, 101}, "L'opportunité majeure « Programme Erasmus+"},
	{"SWOT-ANSWER", "left aside without reason", func(s *Strategy) { s.SWOT[2].AsideReason = "" }, true, Ref{KindSWOT, 103}, "écartée sans raison"},
	{"GEO-REFLECTED", "reflected by an activity", func(s *Strategy) {}, false, Ref{}, ""},
	{"GEO-REFLECTED", "reflected by a project only", func(s *Strategy) { s.Geo[0].ActivityIDs = nil; s.Geo[0].ProjectIDs = []int64{9} }, false, Ref{}, ""},
	{"GEO-REFLECTED", "nothing reflects it", func(s *Strategy) { s.Geo[0].ActivityIDs = nil }, true, Ref{KindGeoPriority, 71}, "« Mali »"},
	{"GEO-REFLECTED", "only a deleted activity", func(s *Strategy) { s.Geo[0].ActivityIDs = []int64{999} }, true, Ref{KindGeoPriority, 71}, "Mali"},

	{"LF-OBJECTIVES", "objectives", func(s *Strategy) {}, false, Ref{}, ""},
	{"LF-OBJECTIVES", "no objective", func(s *Strategy) { s.Objectives = nil }, true, Ref{KindGeneralObjective, 1}, "aucun objectif spécifique"},
	{"LF-ORPHAN", "all attached", func(s *Strategy) {}, false, Ref{}, ""},
	{"LF-ORPHAN", "result without objective", func(s *Strategy) { s.Results[2].ObjectiveID = 99 }, true, Ref{KindResult, 23}, "Deux forages"},
	{"LF-ORPHAN", "activity without result", func(s *Strategy) { s.Activities[0].ResultID = 99 }, true, Ref{KindActivity, 31}, "Voter le règlement"},
	{"LF-OBJ-RESULT", "every objective has a result", func(s *Strategy) {}, false, Ref{}, ""},
	{"LF-OBJ-RESULT", "objective 2 has none", func(s *Strategy) { s.Results = s.Results[:2] }, true, Ref{KindSpecificObjective, 12}, "L'objectif spécifique 2 « Améliorer l'accès"},
	{"LF-RES-ACTIVITY", "every result has an activity", func(s *Strategy) {}, false, Ref{}, ""},
	{"LF-RES-ACTIVITY", "result 1.2 has none", func(s *Strategy) { s.Activities = slices.Delete(s.Activities, 1, 2) }, true, Ref{KindResult, 22}, "Le résultat 1.2"},
	{"LF-ACT-OWNER", "owners", func(s *Strategy) {}, false, Ref{}, ""},
	{"LF-ACT-OWNER", "activity 2.1.2 without owner", func(s *Strategy) { s.Activities[3].Owner = "" }, true, Ref{KindActivity, 34}, "L'activité 2.1.2"},
	{"LF-ASSUMPTIONS", "assumption on an objective", func(s *Strategy) {}, false, Ref{}, ""},
	{"LF-ASSUMPTIONS", "assumption on a result only", func(s *Strategy) { s.Assumptions[0].Target = Ref{KindResult, 21} }, true, Ref{KindGeneralObjective, 1}, "hypothèse"},

	{"SMART-S", "precise title", func(s *Strategy) {}, false, Ref{}, ""},
	{"SMART-S", "vague title but « what, for whom » filled", func(s *Strategy) { objective(s, 12).Title = "Renforcer la coopération" }, false, Ref{}, ""},
	{"SMART-S", "vague title", func(s *Strategy) { objective(s, 11).Title = "Renforcer la coopération internationale" }, true, Ref{KindSpecificObjective, 11}, "trop générale"},
	{"SMART-M", "indicator", func(s *Strategy) {}, false, Ref{}, ""},
	{"SMART-M", "number in the title, no indicator", func(s *Strategy) { dropIndicators(s, Ref{KindSpecificObjective, 11}) }, false, Ref{}, ""},
	{"SMART-M", "neither", func(s *Strategy) { dropIndicators(s, Ref{KindSpecificObjective, 12}) }, true, Ref{KindSpecificObjective, 12}, "pas mesurable"},
	{"SMART-A", "what puts it within reach is said", func(s *Strategy) {}, false, Ref{}, ""},
	{"SMART-A", "nothing said", func(s *Strategy) { objective(s, 12).Achievable = " " }, true, Ref{KindSpecificObjective, 12}, "atteignable"},
	{"SMART-R", "resources and costs", func(s *Strategy) {}, false, Ref{}, ""},
	{"SMART-R", "no cost below", func(s *Strategy) { s.Activities[2].CostCents = nil }, true, Ref{KindSpecificObjective, 12}, "aucun coût"},
	{"SMART-R", "no resources below", func(s *Strategy) { objective(s, 12).Resources = "" }, true, Ref{KindSpecificObjective, 12}, "aucune ressource"},
	{"SMART-T", "target date", func(s *Strategy) {}, false, Ref{}, ""},
	{"SMART-T", "term named in the text", func(s *Strategy) {
		objective(s, 11).TargetDate = partialdate.Date{}
		objective(s, 11).Description = "D'ici la fin du mandat."
	}, false, Ref{}, ""},
	{"SMART-T", "no date at all", func(s *Strategy) { objective(s, 12).TargetDate = partialdate.Date{} }, true, Ref{KindSpecificObjective, 12}, "échéance"},

	{"IND-NONE", "indicators", func(s *Strategy) {}, false, Ref{}, ""},
	{"IND-NONE", "none", func(s *Strategy) { s.Indicators = nil }, true, Ref{KindGeneralObjective, 1}, "aucun indicateur"},
	{"IND-GENERAL", "impact indicator", func(s *Strategy) {}, false, Ref{}, ""},
	{"IND-GENERAL", "none on the general objective", func(s *Strategy) { dropIndicators(s, Ref{KindGeneralObjective, 1}) }, true, Ref{KindGeneralObjective, 1}, "L'objectif général « Faire"},
	{"IND-OBJ", "each objective measured", func(s *Strategy) {}, false, Ref{}, ""},
	{"IND-OBJ", "objective 2 not measured", func(s *Strategy) { dropIndicators(s, Ref{KindSpecificObjective, 12}) }, true, Ref{KindSpecificObjective, 12}, "L'objectif spécifique 2 « Améliorer l'accès à l'eau potable à Kayes » n'a aucun indicateur"},
	{"IND-RES", "each result measured", func(s *Strategy) {}, false, Ref{}, ""},
	{"IND-RES", "result 1.1 not measured", func(s *Strategy) { dropIndicators(s, Ref{KindResult, 21}) }, true, Ref{KindResult, 21}, "Le résultat 1.1"},
	{"IND-LEVEL", "on objectives and results", func(s *Strategy) {}, false, Ref{}, ""},
	{"IND-LEVEL", "on an activity", func(s *Strategy) { indicatorByID(s, 46).Level = Ref{KindActivity, 33} }, true, Ref{KindIndicator, 46}, "mesure une activité"},
	{"IND-LEVEL", "on nothing", func(s *Strategy) { indicatorByID(s, 46).Level = Ref{} }, true, Ref{KindIndicator, 46}, "aucun élément"},
	{"IND-LEVEL", "on a deleted result", func(s *Strategy) { indicatorByID(s, 46).Level = Ref{KindResult, 999} }, true, Ref{KindIndicator, 46}, "existant"},
	{"IND-TOO-MANY", "three on one result", func(s *Strategy) {
		for i := range 2 {
			in := s.Indicators[5]
			in.ID = int64(90 + i)
			s.Indicators = append(s.Indicators, in)
		}
	}, false, Ref{}, ""},
	{"IND-TOO-MANY", "four on one result", func(s *Strategy) {
		for i := range 3 {
			in := s.Indicators[5]
			in.ID = int64(90 + i)
			s.Indicators = append(s.Indicators, in)
		}
	}, true, Ref{KindResult, 23}, "porte 4 indicateurs"},
	{"IND-UNIT", "unit", func(s *Strategy) {}, false, Ref{}, ""},
	{"IND-UNIT", "percentage needs no unit", func(s *Strategy) { indicatorByID(s, 42).Measure = MeasurePercentage; indicatorByID(s, 42).Unit = "" }, false, Ref{}, ""},
	{"IND-UNIT", "qualitative needs no unit", func(s *Strategy) { indicatorByID(s, 42).Measure = MeasureQualitative; indicatorByID(s, 42).Unit = "" }, false, Ref{}, ""},
	{"IND-UNIT", "count without unit", func(s *Strategy) { indicatorByID(s, 42).Unit = "" }, true, Ref{KindIndicator, 42}, "L'indicateur « Jeunes partis » (objectif spécifique 1) n'a pas d'unité"},
	{"IND-BASELINE", "baseline", func(s *Strategy) {}, false, Ref{}, ""},
	{"IND-BASELINE", "no baseline", func(s *Strategy) { indicatorByID(s, 44).Baseline = nil }, true, Ref{KindIndicator, 44}, "(résultat 1.1)"},
	{"IND-BASELINE", "baseline dated but not measured", func(s *Strategy) { indicatorByID(s, 44).Baseline.Value = nil }, true, Ref{KindIndicator, 44}, "valeur de référence non renseignée"},
	{"IND-BASELINE", "baseline given as text", func(s *Strategy) {
		in := indicatorByID(s, 44)
		in.Baseline.Value, in.Baseline.Text = nil, "aucun partenariat"
	}, false, Ref{}, ""},
	{"IND-TARGET", "target without value", func(s *Strategy) { indicatorByID(s, 44).Targets[1].Value = nil }, true, Ref{KindIndicator, 44}, "cible sans valeur"},
	{"IND-DIRECTION", "unknown baseline is not compared", func(s *Strategy) {
		in := indicatorByID(s, 45)
		in.Baseline.Value, in.Baseline.Text, in.Targets[0].Value = nil, "à mesurer", num("5")
	}, false, Ref{}, ""},
	{"IND-DIRECTION", "unknown target is skipped, the next is compared with the last known", func(s *Strategy) {
		in := indicatorByID(s, 45)
		in.Targets[0].Value, in.Targets[0].Text, in.Targets[1].Value = nil, "à fixer", num("9,5")
	}, true, Ref{KindIndicator, 45}, "(9,5) est inférieure à la valeur de référence (10)"},
	{"IND-TARGET", "targets in the term", func(s *Strategy) {}, false, Ref{}, ""},
	{"IND-TARGET", "no target", func(s *Strategy) { indicatorByID(s, 44).Targets = nil }, true, Ref{KindIndicator, 44}, "pas de valeur cible"},
	{"IND-TARGET", "target without date", func(s *Strategy) { indicatorByID(s, 44).Targets[1].Date = partialdate.Date{} }, true, Ref{KindIndicator, 44}, "sans date"},
	{"IND-TARGET", "target after the term", func(s *Strategy) { indicatorByID(s, 44).Targets[1].Date = pday(2033, 6, 30) }, true, Ref{KindIndicator, 44}, "30 juin 2033, hors de la mandature"},
	{"IND-DIRECTION", "ascending targets", func(s *Strategy) {}, false, Ref{}, ""},
	{"IND-DIRECTION", "descending indicator going down", func(s *Strategy) {
		in := indicatorByID(s, 45)
		in.Ascending, in.Baseline.Value, in.Targets[0].Value, in.Targets[1].Value = false, num("50"), num("30"), num("10")
	}, false, Ref{}, ""},
	{"IND-DIRECTION", "qualitative values are not compared", func(s *Strategy) {
		in := indicatorByID(s, 45)
		in.Measure, in.Targets[1].Value = MeasureQualitative, num("0")
	}, false, Ref{}, ""},
	{"IND-DIRECTION", "target below baseline", func(s *Strategy) { indicatorByID(s, 45).Targets[0].Value = num("5") }, true, Ref{KindIndicator, 45}, "inférieure à la valeur de référence (10)"},
	{"IND-DIRECTION", "targets out of order in the slice", func(s *Strategy) {
		in := indicatorByID(s, 45)
		in.Targets[0], in.Targets[1] = in.Targets[1], in.Targets[0]
		in.Targets[1].Value = num("50") // 2029 target now above the 2031 one
	}, true, Ref{KindIndicator, 45}, "inférieure à la cible précédente (50)"},
	{"IND-DIRECTION", "descending indicator going up", func(s *Strategy) { indicatorByID(s, 45).Ascending = false }, true, Ref{KindIndicator, 45}, "décroissant"},
	{"IND-PERIODICITY", "periodicity", func(s *Strategy) {}, false, Ref{}, ""},
	{"IND-PERIODICITY", "none", func(s *Strategy) { indicatorByID(s, 43).Periodicity = "" }, true, Ref{KindIndicator, 43}, "périodicité"},
	{"IND-SOURCE", "source", func(s *Strategy) {}, false, Ref{}, ""},
	{"IND-SOURCE", "blank source only", func(s *Strategy) { indicatorByID(s, 43).Sources = []string{" "} }, true, Ref{KindIndicator, 43}, "source de vérification"},
	{"IND-OWNER", "owner", func(s *Strategy) {}, false, Ref{}, ""},
	{"IND-OWNER", "none", func(s *Strategy) { indicatorByID(s, 43).Owner = "" }, true, Ref{KindIndicator, 43}, "responsable"},

	{"RISK-NONE", "risks", func(s *Strategy) {}, false, Ref{}, ""},
	{"RISK-NONE", "empty register", func(s *Strategy) { s.Risks = nil }, true, Ref{KindRisk, 0}, "Aucun risque"},
	{"RISK-CATEGORIES", "both categories", func(s *Strategy) {}, false, Ref{}, ""},
	{"RISK-CATEGORIES", "no external risk", func(s *Strategy) { s.Risks[1].Category = RiskInternal }, true, Ref{KindRisk, 0}, "externe"},
	{"RISK-CATEGORIES", "no internal risk", func(s *Strategy) { s.Risks[0].Category = RiskExternal }, true, Ref{KindRisk, 0}, "interne"},
	{"RISK-SCORE", "scored", func(s *Strategy) {}, false, Ref{}, ""},
	{"RISK-SCORE", "impact 5", func(s *Strategy) { s.Risks[1].Impact = 5 }, true, Ref{KindRisk, 62}, "Le risque R2"},
	{"RISK-MITIGATION", "mitigated", func(s *Strategy) {}, false, Ref{}, ""},
	{"RISK-MITIGATION", "no mitigation", func(s *Strategy) { s.Risks[1].Mitigation = "" }, true, Ref{KindRisk, 62}, "Le risque R2 « Crise politique au Mali » (criticité élevée) n'a pas de mesure d'atténuation"},
	{"RISK-OWNER", "owner", func(s *Strategy) {}, false, Ref{}, ""},
	{"RISK-OWNER", "no owner", func(s *Strategy) { s.Risks[0].Owner = "" }, true, Ref{KindRisk, 61}, "R1"},
}

func TestCheckRules(t *testing.T) {
	for _, tc := range ruleCases {
		t.Run(tc.rule+"/"+tc.name, func(t *testing.T) {
			s := complete()
			tc.mutate(&s)
			var got []Finding
			for _, f := range Check(s).Findings {
				if f.Rule == tc.rule {
					got = append(got, f)
				}
			}
			if !tc.fail {
				if len(got) > 0 {
					t.Fatalf("unexpected finding: %+v", got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("want one finding of %s, got %+v", tc.rule, got)
			}
			if got[0].Target != tc.want {
				t.Errorf("target = %+v, want %+v", got[0].Target, tc.want)
			}
			// Titles sit between guillemets with no-break spaces; compare with plain ones.
			if !strings.Contains(strings.ReplaceAll(got[0].Message, "\u00a0", " "), tc.contains) {
				t.Errorf("message %q lacks %q", got[0].Message, tc.contains)
			}
		})
	}
}

// TestEveryRuleHasPassingAndFailingCases keeps the table honest as rules are added.
func TestEveryRuleHasPassingAndFailingCases(t *testing.T) {
	pass, fail := map[string]bool{}, map[string]bool{}
	for _, tc := range ruleCases {
		if tc.fail {
			fail[tc.rule] = true
		} else {
			pass[tc.rule] = true
		}
	}
	codes := map[string]bool{}
	for _, r := range Rules() {
		if codes[r.Code] {
			t.Errorf("rule code %s used twice", r.Code)
		}
		codes[r.Code] = true
		if !pass[r.Code] || !fail[r.Code] {
			t.Errorf("rule %s: passing case %v, failing case %v", r.Code, pass[r.Code], fail[r.Code])
		}
		if r.Summary == "" {
			t.Errorf("rule %s has no summary", r.Code)
		}
	}
}

func TestCompleteStrategyIsComplete(t *testing.T) {
	r := Check(complete())
	if len(r.Findings) != 0 || !r.Complete() || r.Overall != 100 {
		t.Fatalf("complete strategy: overall %d, findings %+v", r.Overall, r.Findings)
	}
}

func TestFindingsAreOrderedBySeverity(t *testing.T) {
	r := Check(Strategy{Objectives: []SpecificObjective{{ID: 1, Title: "Renforcer les liens"}}})
	if len(r.Findings) < 3 {
		t.Fatalf("expected several findings, got %d", len(r.Findings))
	}
	if !slices.IsSortedFunc(r.Findings, func(a, b Finding) int { return int(a.Severity) - int(b.Severity) }) {
		t.Errorf("findings not sorted by severity: %+v", r.Findings)
	}
}
