package logframe

import (
	"cmp"
	"slices"
)

// Severity ranks a finding: blocking findings stop adoption, « à corriger » ones should be fixed before the
// vote, advice is a suggestion.
type Severity int

// Severities, most serious first.
const (
	Blocking Severity = iota
	ToFix
	Advice
)

// Label returns the French name of the severity.
func (s Severity) Label() string {
	switch s {
	case Blocking:
		return "bloquant"
	case ToFix:
		return "à corriger"
	}
	return "conseil"
}

// Step is the page of the method a finding belongs to; readiness is scored per step.
type Step string

// The steps the check scores.
const (
	StepKeyElements Step = "elements-cles"
	StepLogframe    Step = "cadre-logique"
	StepIndicators  Step = "indicateurs"
	StepRisks       Step = "risques"
)

// Steps lists the scored steps in the order of the method.
var Steps = []Step{StepKeyElements, StepLogframe, StepIndicators, StepRisks}

// Label returns the French name of the step.
func (s Step) Label() string {
	switch s {
	case StepKeyElements:
		return "Éléments clés"
	case StepLogframe:
		return "Cadre logique"
	case StepIndicators:
		return "Indicateurs"
	case StepRisks:
		return "Risques"
	}
	return string(s)
}

// Rule describes one rule of the check, for the help page and the tests.
type Rule struct {
	Code     string
	Step     Step
	Severity Severity
	Summary  string // French, one sentence
}

// Finding is one problem the check found: what rule, how serious, a French message naming the element, and
// the element to link to.
type Finding struct {
	Rule     string
	Step     Step
	Severity Severity
	Message  string
	Target   Ref
}

// checkRule binds a rule to the function that runs it; run calls emit once per failing element.
type checkRule struct {
	Rule
	run func(ix *index, emit func(target Ref, msg string))
}

// Rules returns the rules of the check in the order they run.
func Rules() []Rule {
	out := make([]Rule, len(allRules))
	for i, r := range allRules {
		out[i] = r.Rule
	}
	return out
}

// Check tests the logic of a strategy and scores its readiness. It never modifies s.
func Check(s Strategy) Report {
	ix := newIndex(&s)
	var fs []Finding
	for _, r := range allRules {
		r.run(ix, func(target Ref, msg string) {
			fs = append(fs, Finding{Rule: r.Code, Step: r.Step, Severity: r.Severity, Message: msg, Target: target})
		})
	}
	// Stable so that, within a severity, findings keep the framework's order.
	slices.SortStableFunc(fs, func(a, b Finding) int { return cmp.Compare(a.Severity, b.Severity) })
	return newReport(fs, parts(&s))
}

// allRules is the check, grouped by step. Each rule's function lives in the file of its step.
var allRules []checkRule

func init() {
	allRules = slices.Concat(keyRules, logframeRules, smartRules, indicatorRules, riskRules)
}
