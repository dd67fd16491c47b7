package logframe

import (
	"math"
	"strconv"
	"strings"
)

// Readiness scoring. Each step starts at 100 and loses points per finding:
//
//   - bloquant 40, à corriger 10, conseil 3 points per finding;
//   - the loss from one rule is capped at twice its per-finding weight, so that one problem repeated on
//     fifty activities does not hide every other one, and fixing a rule entirely always shows;
//   - a step with a blocking finding scores at most 50: it is not ready, whatever else is right;
//   - the score never goes below 0;
//   - a step where nothing is written yet scores 0: a rule that finds nothing to test on an empty page has
//     not found the page ready, and an empty strategy must not read « prête à 50 % ».
//
// The overall score is the rounded mean of the four step scores, itself at most 50 while any step is blocked.
// Pages lead with what is filled in (« 3 éléments sur 15 renseignés »), which says more than any average.
var severityWeight = [3]int{Blocking: 40, ToFix: 10, Advice: 3}

// blockedCap is the highest score of a step, or of the whole, while something blocks.
const blockedCap = 50

func newReport(fs []Finding, parts []Part) Report {
	lost := make(map[Step]map[string]int, len(Steps))
	r := Report{Findings: fs, Parts: parts}
	written := map[Step]bool{}
	for _, p := range parts {
		written[p.Step] = written[p.Step] || p.Filled
	}
	counts := make(map[Step]*[3]int, len(Steps))
	for _, s := range Steps {
		lost[s] = map[string]int{}
		counts[s] = &[3]int{}
	}
	for _, f := range fs {
		if lost[f.Step] == nil {
			continue
		}
		w := severityWeight[f.Severity]
		lost[f.Step][f.Rule] = min(lost[f.Step][f.Rule]+w, 2*w)
		counts[f.Step][f.Severity]++
	}
	sum, blocked := 0, false
	for _, s := range Steps {
		score := 100
		for _, l := range lost[s] {
			score -= l
		}
		if counts[s][Blocking] > 0 {
			score = min(score, blockedCap)
			blocked = true
		}
		score = max(score, 0)
		if parts != nil && !written[s] {
			score = 0
		}
		sum += score
		r.Steps = append(r.Steps, StepScore{Step: s, Score: score, Counts: *counts[s]})
	}
	r.Overall = int(math.Round(float64(sum) / float64(len(Steps))))
	if blocked {
		r.Overall = min(r.Overall, blockedCap)
	}
	return r
}

// Part is one thing a strategy document holds (its vision, its objectives, its indicators…), and whether it
// is written down yet.
type Part struct {
	Label  string
	Step   Step
	Filled bool
}

// parts lists what the strategy holds, in the order of the method.
func parts(s *Strategy) []Part {
	k := s.Key
	some := func(n int) bool { return n > 0 }
	anyIndicator := func(ok func(Indicator) bool) bool {
		for _, i := range s.Indicators {
			if ok(i) {
				return true
			}
		}
		return false
	}
	anyRisk := func(ok func(Risk) bool) bool {
		for _, r := range s.Risks {
			if ok(r) {
				return true
			}
		}
		return false
	}
	return []Part{
		{"la mandature (début et fin)", StepKeyElements, s.Term.IsSet()},
		{"la vision", StepKeyElements, k.Vision != ""},
		{"la mission", StepKeyElements, k.Mission != ""},
		{"les valeurs", StepKeyElements, some(len(k.Values))},
		{"l'objectif général", StepKeyElements, k.General != nil && k.General.Title != ""},
		{"les dimensions et leurs poids", StepKeyElements, some(len(k.Dimensions))},
		{"les priorités géographiques", StepKeyElements, some(len(s.Geo))},
		{"les objectifs spécifiques", StepLogframe, some(len(s.Objectives))},
		{"les résultats attendus", StepLogframe, some(len(s.Results))},
		{"les activités", StepLogframe, some(len(s.Activities))},
		{"les hypothèses", StepLogframe, some(len(s.Assumptions))},
		{"les indicateurs", StepIndicators, some(len(s.Indicators))},
		{"les valeurs de référence", StepIndicators, anyIndicator(func(i Indicator) bool { return i.Baseline != nil })},
		{"les valeurs cibles", StepIndicators, anyIndicator(func(i Indicator) bool { return len(i.Targets) > 0 })},
		{"les risques", StepRisks, some(len(s.Risks))},
		{"les mesures d'atténuation", StepRisks, anyRisk(func(r Risk) bool { return r.Mitigation != "" })},
	}
}

// FilledCount returns how many of the strategy's parts are written down.
func (r Report) FilledCount() int {
	n := 0
	for _, p := range r.Parts {
		if p.Filled {
			n++
		}
	}
	return n
}

// Missing returns the labels of the parts not written down yet, in the order of the method.
func (r Report) Missing() []string {
	var out []string
	for _, p := range r.Parts {
		if !p.Filled {
			out = append(out, p.Label)
		}
	}
	return out
}

// MissingText says in French what remains to write, naming at most limit parts: « ; restent à écrire : la
// vision, la mission et 3 autres ». It is "" when everything is written.
func (r Report) MissingText(limit int) string {
	m := r.Missing()
	switch {
	case len(m) == 0:
		return ""
	case len(m) == 1:
		return " ; reste à écrire : " + m[0]
	case len(m) <= limit:
		return " ; restent à écrire : " + strings.Join(m[:len(m)-1], ", ") + " et " + m[len(m)-1]
	}
	return " ; restent à écrire : " + strings.Join(m[:limit], ", ") + " et " + strconv.Itoa(len(m)-limit) + " autres"
}

// FilledText says in French what is written down: « 3 éléments sur 16 renseignés ».
func (r Report) FilledText() string {
	n := r.FilledCount()
	s := ""
	if n > 1 {
		s = "s"
	}
	return strconv.Itoa(n) + " élément" + s + " sur " + strconv.Itoa(len(r.Parts)) + " renseigné" + s
}
