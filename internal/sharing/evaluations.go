package sharing

import "boussole/internal/monitoring"

// Evaluation is an evaluation of the strategy as peers read it: what was asked, found and learnt, and
// what the authority answered to each recommendation; never the evaluator, who carries a
// recommendation, or the officer's notes.
type Evaluation struct {
	Title            string           `json:"title"`
	Kind             string           `json:"kind"`
	Conduct          string           `json:"conduct"`
	Year             int              `json:"year,omitempty"`
	TermsOfReference string           `json:"terms_of_reference,omitempty"`
	Findings         string           `json:"findings,omitempty"`
	Lessons          string           `json:"lessons,omitempty"`
	Questions        []Question       `json:"questions,omitempty"`
	Recommendations  []Recommendation `json:"recommendations,omitempty"`
}

// Question is an evaluation question under its criterion, with the answer found.
type Question struct {
	Criterion string `json:"criterion"`
	Text      string `json:"text"`
	Answer    string `json:"answer,omitempty"`
}

// Recommendation is what the evaluation recommended and how the authority responded.
type Recommendation struct {
	Text     string `json:"text"`
	Response string `json:"response"`
	FollowUp string `json:"follow_up"`
}

func evaluations(v *View, list []monitoring.Evaluation) {
	for _, e := range list {
		x := Evaluation{Title: e.Title, Kind: e.Kind.Label(), Conduct: e.Conduct.Label(), TermsOfReference: e.TermsOfReference,
			Findings: e.Findings, Lessons: e.Lessons}
		if !e.SnapshotOn.IsZero() {
			x.Year = e.SnapshotOn.Year()
		}
		for _, q := range e.Questions {
			x.Questions = append(x.Questions, Question{Criterion: q.Criterion.Label(), Text: q.Text, Answer: q.Answer})
		}
		for _, r := range e.Recommendations {
			x.Recommendations = append(x.Recommendations, Recommendation{Text: r.Text, Response: r.Response.Label(), FollowUp: r.FollowUp.Label()})
		}
		v.Evaluations = append(v.Evaluations, x)
	}
}
