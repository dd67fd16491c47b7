package monitoring

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"boussole/internal/logframe"
)

// EvaluationKind is when in the mandature an evaluation takes place.
type EvaluationKind string

// The two evaluations the guide asks for in each mandature.
const (
	MidTerm EvaluationKind = "mi-parcours"
	Final   EvaluationKind = "finale"
)

// Label returns the French label of the kind.
func (k EvaluationKind) Label() string {
	switch k {
	case MidTerm:
		return "évaluation à mi-parcours"
	case Final:
		return "évaluation finale"
	}
	return "évaluation"
}

// Conduct says who evaluates.
type Conduct string

// Internal or external evaluation.
const (
	Internal Conduct = "interne"
	External Conduct = "externe"
)

// Label returns the French label.
func (c Conduct) Label() string {
	if c == External {
		return "externe"
	}
	return "interne"
}

// Criterion is one of the usual evaluation criteria the questions are organised by.
type Criterion string

// The six criteria (OCDE-CAD) the guide's evaluations use.
const (
	Relevance      Criterion = "pertinence"
	Coherence      Criterion = "coherence"
	Effectiveness  Criterion = "efficacite"
	Efficiency     Criterion = "efficience"
	Impact         Criterion = "impact"
	Sustainability Criterion = "durabilite"
)

// Criteria lists the criteria in their usual order.
var Criteria = []Criterion{Relevance, Coherence, Effectiveness, Efficiency, Impact, Sustainability}

// Label returns the French name of the criterion.
func (c Criterion) Label() string {
	switch c {
	case Relevance:
		return "pertinence"
	case Coherence:
		return "cohérence"
	case Effectiveness:
		return "efficacité"
	case Efficiency:
		return "efficience"
	case Impact:
		return "impact"
	case Sustainability:
		return "durabilité"
	}
	return "non renseigné"
}

// Response is the authority's answer to a recommendation.
type Response string

// The responses.
const (
	NoResponse Response = ""
	Accepted   Response = "acceptee"
	Partly     Response = "partiellement"
	Refused    Response = "refusee"
)

// Label returns the French label.
func (r Response) Label() string {
	switch r {
	case Accepted:
		return "acceptée"
	case Partly:
		return "acceptée partiellement"
	case Refused:
		return "refusée"
	}
	return "sans réponse"
}

// FollowUp is where the recommendation's implementation stands.
type FollowUp string

// The follow-up statuses.
const (
	ToStart   FollowUp = "a-engager"
	Underway  FollowUp = "en-cours"
	Done      FollowUp = "realisee"
	Abandoned FollowUp = "abandonnee"
)

// FollowUps lists them in order.
var FollowUps = []FollowUp{ToStart, Underway, Done, Abandoned}

// Responses lists the responses a recommendation can get.
var Responses = []Response{Accepted, Partly, Refused}

// Label returns the French label.
func (f FollowUp) Label() string {
	switch f {
	case ToStart:
		return "à engager"
	case Underway:
		return "en cours"
	case Done:
		return "réalisée"
	case Abandoned:
		return "abandonnée"
	}
	return "non renseigné"
}

// Evaluation is a mid-term or final evaluation of a strategy, with the indicators as they stood when it
// was opened (frozen: later measurements do not change it), its questions, findings and recommendations.
type Evaluation struct {
	ID               int64
	AuthorityID      int64
	StrategyID       int64
	Kind             EvaluationKind
	Conduct          Conduct
	Title            string
	Evaluator        string
	TermsOfReference string
	Findings         string
	Lessons          string // capitalisation: what the authority learnt, for the next strategy
	SnapshotOn       time.Time
	Snapshot         []SnapshotLine
	Questions        []Question
	Recommendations  []Recommendation
	UpdatedAt        time.Time
	Version          int64
}

// SnapshotLine is an indicator as it stood on the evaluation's day.
type SnapshotLine struct {
	IndicatorID int64
	Title       string
	Last        string // the latest value, with its unit, « non renseigné » without one
	Progress    string
	Status      Status
}

// Question is an evaluation question under a criterion, with the evaluators' answer.
type Question struct {
	ID        int64
	Criterion Criterion
	Text      string
	Answer    string
}

// Recommendation is what the evaluation recommends, with the authority's response and its follow-up.
type Recommendation struct {
	ID       int64
	Text     string
	Owner    string
	Response Response
	FollowUp FollowUp
	Notes    string
	// Element is the objective, result, activity or indicator of the evaluated strategy the
	// recommendation is about; the zero Ref is the strategy as a whole. « Préparer la stratégie
	// suivante » proposes it as the recommendation's home in the next strategy.
	Element logframe.Ref
	Version int64
}

// RecommendationKinds are the kinds of element a recommendation may name, in the framework's order.
var RecommendationKinds = []logframe.Kind{logframe.KindSpecificObjective, logframe.KindResult, logframe.KindActivity, logframe.KindIndicator}

// CheckRecommendationElement checks the element a recommendation names is one of the evaluated strategy's
// elements (known: the strategy's objectives, results, activities and indicators), or none. Another
// strategy's element, or another authority's, is not in known and is refused at the field.
func CheckRecommendationElement(ref logframe.Ref, known map[logframe.Ref]bool) Errors {
	var errs Errors
	if ref.IsZero() {
		return errs
	}
	kindOK := false
	for _, k := range RecommendationKinds {
		kindOK = kindOK || ref.Kind == k
	}
	switch {
	case !kindOK:
		errs.add("element", "Choisissez un objectif, un résultat, une activité ou un indicateur dans la liste, ou la stratégie dans son ensemble.")
	case !known[ref]:
		errs.add("element", "Cet élément n'appartient pas à la stratégie évaluée : choisissez-le dans la liste.")
	}
	return errs
}

// Text limits of an evaluation, in characters.
const (
	MaxTitle     = 200
	MaxLongText  = 20000
	MaxShortText = 300
)

// ValidateEvaluation checks what the evaluation form gives.
func ValidateEvaluation(e Evaluation) Errors {
	var errs Errors
	if strings.TrimSpace(e.Title) == "" {
		errs.add("titre", "Donnez un intitulé à l'évaluation, par exemple « Évaluation à mi-parcours 2029 ».")
	}
	if e.Kind != MidTerm && e.Kind != Final {
		errs.add("type", "Choisissez à mi-parcours ou finale.")
	}
	if e.Conduct != Internal && e.Conduct != External {
		errs.add("conduite", "Choisissez interne ou externe.")
	}
	limit(&errs, "titre", e.Title, MaxTitle)
	limit(&errs, "evaluateur", e.Evaluator, MaxShortText)
	limit(&errs, "termes", e.TermsOfReference, MaxLongText)
	limit(&errs, "constats", e.Findings, MaxLongText)
	limit(&errs, "enseignements", e.Lessons, MaxLongText)
	return errs
}

// ValidateQuestion checks a question.
func ValidateQuestion(q Question) Errors {
	var errs Errors
	if !validCriterion(q.Criterion) {
		errs.add("critere", "Choisissez le critère dans la liste.")
	}
	if strings.TrimSpace(q.Text) == "" {
		errs.add("question", "Écrivez la question d'évaluation.")
	}
	limit(&errs, "question", q.Text, MaxShortText*3)
	limit(&errs, "reponse", q.Answer, MaxLongText)
	return errs
}

// ValidateRecommendation checks a recommendation.
func ValidateRecommendation(r Recommendation) Errors {
	var errs Errors
	if strings.TrimSpace(r.Text) == "" {
		errs.add("recommandation", "Écrivez la recommandation.")
	}
	if utf8.RuneCountInString(r.Text) > MaxShortText*5 {
		limit(&errs, "recommandation", r.Text, MaxShortText*5)
	}
	limit(&errs, "porteur", r.Owner, MaxShortText)
	limit(&errs, "suivi_notes", r.Notes, MaxLongText)
	switch r.Response {
	case NoResponse, Accepted, Partly, Refused:
	default:
		errs.add("reponse_ct", "Choisissez la réponse dans la liste.")
	}
	switch r.FollowUp {
	case ToStart, Underway, Done, Abandoned:
	default:
		errs.add("suivi", "Choisissez l'état du suivi dans la liste.")
	}
	return errs
}

func validCriterion(c Criterion) bool {
	for _, x := range Criteria {
		if x == c {
			return true
		}
	}
	return false
}

// SnapshotOf writes down the indicators as the assessments show them, for an evaluation to keep: later
// measurements never change what the evaluation saw.
func SnapshotOf(as []Assessment) []SnapshotLine {
	out := make([]SnapshotLine, len(as))
	for i, a := range as {
		l := SnapshotLine{IndicatorID: a.Indicator.ID, Title: a.Indicator.Title, Last: "non renseigné", Progress: "non renseigné", Status: a.Status}
		if m := a.Latest; m != nil {
			l.Last = m.Text
			if m.Value != nil {
				l.Last = m.Value.French()
				if a.Indicator.Unit != "" {
					l.Last += " " + a.Indicator.Unit
				}
			}
		}
		if a.Progress != nil {
			l.Progress = strconv.Itoa(int(math.Round(*a.Progress*100))) + "\u202f%"
		}
		out[i] = l
	}
	return out
}
