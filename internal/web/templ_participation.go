package web

import (
	"strconv"
	"strings"
	"time"

	"boussole/internal/communication"
	"boussole/internal/consultation"
	"boussole/internal/frfmt"
	"boussole/internal/logframe"
	"boussole/internal/number"
	"boussole/internal/partialdate"
	"boussole/internal/publicpage"
	"boussole/internal/steering"
)

// Texts and choices of the participation pages (page_participation*.templ, components_participation.templ),
// built in Go so that templ's line breaks add no space inside a sentence.

// participationOption is one option of a select.
type participationOption struct{ Value, Label string }

func questionKindOptions(kinds []consultation.Kind) []participationOption {
	out := make([]participationOption, len(kinds))
	for i, k := range kinds {
		out[i] = participationOption{string(k), k.Label()}
	}
	return out
}

func meetingKindOptions(kinds []steering.Kind) []participationOption {
	out := make([]participationOption, len(kinds))
	for i, k := range kinds {
		out[i] = participationOption{string(k), k.Label()}
	}
	return out
}

// commKindOptions names each kind of action with whether it is internal or external.
func commKindOptions(kinds []communication.Kind) []participationOption {
	out := make([]participationOption, len(kinds))
	for i, k := range kinds {
		l := k.Label() + " (externe)"
		if k.Internal() {
			l = k.Label() + " (interne)"
		}
		out[i] = participationOption{string(k), l}
	}
	return out
}

// consultationCountedText counts the contributions the results take in and, for the team, those hidden.
func consultationCountedText(d resultsPage) string {
	t := d.R.Total
	s := frfmt.Integer(int64(t)) + " contribution" + plural(t, "s") + " prise" + plural(t, "s") + " en compte"
	if h := d.R.Hidden; !d.Public && h != 0 {
		s += " (" + strconv.Itoa(h) + " masquée" + plural(h, "s") + " par la modération, non comptée" + plural(h, "s") + ")"
	}
	return s + "."
}

// textAnswerMeta is who gave an open answer and, for the team, its moderation state.
func textAnswerMeta(t consultation.TextAnswer, public bool) string {
	s := "— " + t.Category.Label()
	if !public {
		s += " · " + t.State.Label()
	}
	return s
}

func shownAnswersText(shown, from int, public bool) string {
	s := strconv.Itoa(shown) + " réponses montrées sur " + frfmt.Integer(int64(from))
	if public {
		s += " publiées"
	}
	return s + "."
}

// questionCaption is the caption of a choice question's table; a ranking says how it is scored.
func questionCaption(n int, q questionView) string {
	s := "Réponses à la question " + strconv.Itoa(n)
	if q.Question.Kind == consultation.Ranking {
		s += ", par score (rang 1 : " + strconv.Itoa(len(q.Question.Choices)) + " points)"
	}
	return s
}

// participationJoin lists names separated by commas.
func participationJoin(list []string) string { return strings.Join(list, ", ") }

// participationNoneText is what the list of consultations says when empty, and for a manager what to do.
func participationNoneText(d participationHome) string {
	s := "Aucune consultation"
	if !d.Internal {
		s += " publiée"
	}
	s += " pour l'instant."
	if d.Manage {
		s += " Créez-en une ci-dessous : elle reste en brouillon, invisible du public, jusqu'à ce que vous l'ouvriez."
	}
	return s
}

// consultationPhaseText is where a consultation stands and how many contributions it received.
func consultationPhaseText(d consultationAdmin) string {
	var s string
	switch d.Phase {
	case consultation.PhaseUpcoming:
		s = "Ouverte, elle recevra les contributions à partir du " + frenchDate(d.C.OpensOn)
	case consultation.PhaseOpen:
		s = "Ouverte : elle reçoit les contributions jusqu'au " + frenchDate(d.C.ClosesOn) + " inclus"
	case consultation.PhaseClosed:
		s = "Close"
	default:
		s = "Brouillon : invisible du public"
	}
	return s + " · " + frfmt.Integer(int64(d.Count)) + " contribution" + plural(d.Count, "s") + "."
}

// questionMetaText is a question's kind, whether it is required and how many choices it offers.
func questionMetaText(q consultation.Question) string {
	s := "(" + q.Kind.Label()
	if q.Required {
		s += ", obligatoire"
	}
	if q.Kind.HasChoices() {
		s += " · " + strconv.Itoa(len(q.Choices)) + " choix"
	}
	return s + ")"
}

func moderationHeading(d moderationPage) string {
	s := "Contributions " + d.State.Label() + "s"
	if d.Theme != "" {
		s += " sous le thème « " + d.Theme + " »"
	}
	return s + " (" + frfmt.Integer(int64(d.Total)) + ")"
}

// contributionMetaText is a contribution's category, commune and arrival, after its number.
func contributionMetaText(k consultation.Contribution) string {
	s := "· " + k.Category.Label()
	if k.Commune != "" {
		s += " · " + k.Commune
	}
	return s + " · reçue le " + frfmt.DateTime(k.CreatedAt)
}

// contributionPageMetaText is contributionMetaText with the moderation state, for the contribution's page.
func contributionPageMetaText(k consultation.Contribution) string {
	s := k.Category.Label()
	if k.Commune != "" {
		s += " · " + k.Commune
	}
	return s + " · reçue le " + frfmt.DateTime(k.CreatedAt) + " · " + k.State.Label()
}

// contributorText is who wrote a contribution, for those who may see it; purged says whether to tell
// that the personal data is erased.
func contributorText(k consultation.Contribution, purged bool) string {
	s := "Pseudonyme : " + orText(k.Pseudonym, "non renseigné") + " · adresse : " + orText(k.Email, "non renseigné")
	if purged && k.Purged {
		s += " (données personnelles effacées)"
	}
	return s
}

func synthesisUntaggedText(n int) string {
	verb := "a"
	if n > 1 {
		verb = "ont"
	}
	return strconv.Itoa(n) + " contribution" + plural(n, "s") + " avec une réponse libre n'" + verb + " pas encore de thème."
}

// commDatesText is an action's day, or its first and last days.
func commDatesText(start, end time.Time) string {
	if end.IsZero() {
		return frenchDate(start)
	}
	return frenchDate(start) + " au " + frenchDate(end)
}

func commDoneText(done bool) string {
	if done {
		return "réalisée"
	}
	return "prévue"
}

// personalStateText is when the contribution arrived and what moderation made of it.
func personalStateText(k consultation.Contribution) string {
	s := "Reçue le " + frfmt.DateTime(k.CreatedAt) + " · " + k.State.Label()
	if k.State == consultation.Hidden {
		s += " par la modération"
		if k.HiddenReason != "" {
			s += " : " + k.HiddenReason
		}
	}
	return s + "."
}

// personalEmailText is the contributor's address and whether it was confirmed.
func personalEmailText(k consultation.Contribution) string {
	if k.Email == "" {
		return "non renseigné"
	}
	if k.Confirmed {
		return k.Email + " (confirmée)"
	}
	return k.Email
}

// publicAdoptedText says when the deliberation adopted a strategy.
func publicAdoptedText(zero bool, on string) string {
	if zero {
		return "adoptée par délibération, date non renseignée."
	}
	return "adoptée par délibération le " + on + "."
}

// publicOpenText says when a consultation opens or until when it receives contributions.
func publicOpenText(c publicConsultation) string {
	if c.Phase == consultation.PhaseUpcoming {
		return "— ouvrira le " + frenchDate(c.C.OpensOn)
	}
	return "— ouverte jusqu'au " + frenchDate(c.C.ClosesOn) + " inclus"
}

// publicValueText is a baseline's or target's value, text or number, with its date; « non renseigné » when unknown.
func publicValueText(text string, value *number.Decimal, date partialdate.Date) string {
	s := "non renseigné"
	switch {
	case text != "":
		s = text
	case value != nil:
		s = decimal(value)
	}
	if !date.IsZero() {
		s += " (" + date.String() + ")"
	}
	return s
}

func publicBaselineText(b *logframe.Baseline) string {
	if b == nil {
		return "non renseigné"
	}
	return publicValueText(b.Text, b.Value, b.Date)
}

func publicTargetText(t *logframe.Target) string {
	if t == nil {
		return "non renseigné"
	}
	return publicValueText(t.Text, t.Value, t.Date)
}

// publicLatestText is the latest validated value and its day, or that none is measured yet.
func publicLatestText(m publicpage.Measured) string {
	l := m.Latest
	if l == nil {
		return "pas encore mesuré"
	}
	s := l.Text
	if l.Value != nil {
		s = decimal(l.Value)
	}
	return s + " (" + frfmt.Date(l.MeasuredOn) + ")"
}
