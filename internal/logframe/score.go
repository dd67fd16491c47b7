package logframe

import "math"

// Readiness scoring. Each step starts at 100 and loses points per finding:
//
//   - bloquant 40, à corriger 10, conseil 3 points per finding;
//   - the loss from one rule is capped at twice its per-finding weight, so that one problem repeated on
//     fifty activities does not hide every other one, and fixing a rule entirely always shows;
//   - a step with a blocking finding scores at most 50: it is not ready, whatever else is right;
//   - the score never goes below 0.
//
// The overall score is the rounded mean of the four step scores, itself at most 50 while any step is blocked.
var severityWeight = [3]int{Blocking: 40, ToFix: 10, Advice: 3}

// blockedCap is the highest score of a step, or of the whole, while something blocks.
const blockedCap = 50

func newReport(fs []Finding) Report {
	lost := make(map[Step]map[string]int, len(Steps))
	r := Report{Findings: fs}
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
		sum += score
		r.Steps = append(r.Steps, StepScore{Step: s, Score: score, Counts: *counts[s]})
	}
	r.Overall = int(math.Round(float64(sum) / float64(len(Steps))))
	if blocked {
		r.Overall = min(r.Overall, blockedCap)
	}
	return r
}
