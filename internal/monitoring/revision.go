package monitoring

import (
	"strconv"
	"strings"
	"time"

	"boussole/internal/logframe"
	"boussole/internal/number"
	"boussole/internal/partialdate"
	"boussole/internal/schedule"
	"boussole/internal/textkey"
)

// « Préparer la stratégie suivante » (issue 13, item 6): a draft for the next term made from the current
// strategy. The framework is carried over as it is; what monitoring and evaluation learnt is carried with
// it: each indicator's latest measured value becomes its new baseline, the activities not finished are
// flagged, and the evaluations' recommendations and the lessons learnt are attached to the element they
// concern. This file decides what is carried; the store copies it in one transaction.

// NoteSource says where a note on a carried element comes from.
type NoteSource string

// The sources of the notes.
const (
	FromRecommendation NoteSource = "recommandation"
	FromLessons        NoteSource = "enseignements"      // an evaluation's lessons learnt
	FromLessonLog      NoteSource = "capitalisation"     // a lesson of the authority's log
	FromUnfinished     NoteSource = "activite-inachevee" // an activity not finished in the previous term
	FromBaseline       NoteSource = "valeur-de-reference"
)

// Label returns the French label of the source.
func (s NoteSource) Label() string {
	switch s {
	case FromRecommendation:
		return "Recommandation"
	case FromLessons:
		return "Enseignements de l'évaluation"
	case FromLessonLog:
		return "Capitalisation"
	case FromUnfinished:
		return "Activité inachevée"
	case FromBaseline:
		return "Valeur de référence"
	}
	return "Note"
}

// RevisionNote is what the previous strategy leaves on one element of the next. Element is the element
// in the previous strategy, which the store maps to its copy; the zero Ref is the strategy as a whole.
type RevisionNote struct {
	Element logframe.Ref
	Source  NoteSource
	Text    string
}

// CarriedBaseline is an indicator's new baseline: its latest measured value.
type CarriedBaseline struct {
	Value   *number.Decimal
	Text    string
	Date    partialdate.Date
	Comment string
}

// RevisionPlan is what the store writes beside the copy of the framework.
type RevisionPlan struct {
	Baselines map[int64]CarriedBaseline // by indicator of the previous strategy; absent: its baseline is kept
	Notes     []RevisionNote
}

// LoggedLesson is a lesson of the authority's log, as the revision reads it.
type LoggedLesson struct {
	Title, Text, Country, Theme string
}

// RevisionInput is what the plan is made from: the previous strategy as monitoring sees it.
type RevisionInput struct {
	PreviousTitle string
	Assessments   []Assessment // each indicator of the previous strategy, with its latest measurement
	Activities    []logframe.ActivityRecord
	Schedules     []schedule.ScheduleRecord
	Evaluations   []Evaluation
	Attach        map[int64]logframe.Ref // where each recommendation goes, chosen on the confirmation page
	Lessons       []LoggedLesson
	Geo           []logframe.GeoPriorityRecord
	Thematic      []logframe.ThematicPriorityRecord
}

// PlanRevision decides the new baselines and the notes. A refused recommendation is not carried.
func PlanRevision(in RevisionInput) RevisionPlan {
	p := RevisionPlan{Baselines: map[int64]CarriedBaseline{}}
	for _, a := range in.Assessments {
		m := a.Latest
		ref := logframe.Ref{Kind: logframe.KindIndicator, ID: a.Indicator.ID}
		if m == nil {
			p.Notes = append(p.Notes, RevisionNote{ref, FromBaseline, "Aucune mesure dans « " + in.PreviousTitle + " » : la valeur de référence d'origine est reprise, à vérifier."})
			continue
		}
		d := m.MeasuredOn.UTC()
		b := CarriedBaseline{Value: m.Value, Text: m.Text, Date: partialdate.Of(d.Year(), d.Month(), d.Day()),
			Comment: "Dernière valeur mesurée de « " + in.PreviousTitle + " » (" + m.Period + ")."}
		if m.Value != nil {
			b.Text = ""
		}
		p.Baselines[a.Indicator.ID] = b
	}
	schedules := map[int64]schedule.ScheduleRecord{}
	for _, sc := range in.Schedules {
		schedules[sc.ActivityID] = sc
	}
	for _, act := range in.Activities {
		ref := logframe.Ref{Kind: logframe.KindActivity, ID: act.ID}
		sc, ok := schedules[act.ID]
		switch {
		case !ok:
			p.Notes = append(p.Notes, RevisionNote{ref, FromUnfinished, "Jamais planifiée dans la stratégie précédente : à reconduire, à planifier ou à abandonner."})
		case sc.Status == schedule.Dropped:
			p.Notes = append(p.Notes, RevisionNote{ref, FromUnfinished, "Abandonnée dans la stratégie précédente : à reconduire ou à retirer."})
		case sc.Status != schedule.Done && sc.PercentDone < 100:
			p.Notes = append(p.Notes, RevisionNote{ref, FromUnfinished, "Inachevée dans la stratégie précédente (" + strconv.Itoa(sc.PercentDone) + " % réalisé, « " + sc.Status.Label() + " »)."})
		}
	}
	for _, e := range in.Evaluations {
		for _, r := range e.Recommendations {
			if r.Response == Refused {
				continue
			}
			text := "« " + e.Title + " » (" + r.Response.Label() + ", " + r.FollowUp.Label() + ") : " + r.Text
			if r.Owner != "" {
				text += " — porteur : " + r.Owner
			}
			if line, ok := DeletedElement(r); ok { // its element gone, it says what it was about
				text += " — " + line
			}
			home, chosen := in.Attach[r.ID]
			if !chosen {
				home = r.Element // not chosen on the confirmation page: the element the recommendation names
			}
			p.Notes = append(p.Notes, RevisionNote{home, FromRecommendation, text})
		}
		if strings.TrimSpace(e.Lessons) != "" {
			p.Notes = append(p.Notes, RevisionNote{logframe.Ref{}, FromLessons, "« " + e.Title + " » : " + e.Lessons})
		}
	}
	for _, l := range in.Lessons {
		p.Notes = append(p.Notes, RevisionNote{lessonHome(l, in.Geo, in.Thematic), FromLessonLog, l.Title + " : " + l.Text})
	}
	return p
}

// lessonHome is where a lesson of the log belongs: the geographic priority of its country, else the
// thematic priority of its theme, else the strategy as a whole.
func lessonHome(l LoggedLesson, geo []logframe.GeoPriorityRecord, thematic []logframe.ThematicPriorityRecord) logframe.Ref {
	if l.Country != "" {
		for _, g := range geo {
			if strings.EqualFold(g.CountryCode, l.Country) {
				return logframe.Ref{Kind: logframe.KindGeoPriority, ID: g.ID}
			}
		}
	}
	if theme := textkey.Fold(l.Theme); theme != "" {
		for _, t := range thematic {
			if textkey.Fold(t.Policy) == theme {
				return logframe.Ref{Kind: KindThematicPriority, ID: t.ID}
			}
		}
	}
	return logframe.Ref{}
}

// KindThematicPriority is the kind of a note attached to a thematic priority, which the logframe's kinds
// do not name (no rule of the check reads the themes).
const KindThematicPriority logframe.Kind = "priorite-thematique"

// NextTerm proposes the next term: the same length, starting the year after the current one ends.
func NextTerm(start, end int) (int, int) {
	n := end - start
	if n < 1 {
		n = 6
	}
	return end + 1, end + 1 + n
}

// RevisionDay is the day the elaboration of the next strategy starts, for its process tracker.
func RevisionDay(now time.Time) time.Time { return now.UTC().Truncate(24 * time.Hour) }

// RevisionReport says what the preparation carried and what it did not, as the page shows it afterwards.
type RevisionReport struct {
	PreviousTitle string
	Carried       []string // « 4 objectifs spécifiques », …
	NotCarried    []string
	Baselines     int // indicators whose baseline is their latest measured value
	Unchanged     int // indicators never measured, whose baseline was kept
}
