// Package communication holds the communication plan the guide asks for (« La communication »): the
// internal and external actions that make the strategy known and bring people into it, each with its
// dates and who carries it. It knows neither HTTP nor SQL.
package communication

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Kind is one of the actions the guide lists, internal or external.
type Kind string

// The guide's actions: external ones make the strategy public, internal ones bring the services in.
const (
	PublishedCalendar  Kind = "calendrier-publie"
	ExpertFacilitation Kind = "expertise-animation"
	PublicConsultation Kind = "consultation"
	SocialNetworks     Kind = "reseaux-sociaux"
	YouthActions       Kind = "actions-jeunesse"
	ThematicCafe       Kind = "cafe-thematique"
	LanguageCourses    Kind = "cours-langues"
	Training           Kind = "formation"
	Hosting            Kind = "accueil-stagiaires"
)

var kinds = []struct {
	kind     Kind
	label    string
	internal bool
}{
	{PublishedCalendar, "Calendrier des actions publié", false},
	{ExpertFacilitation, "Communication experte et animation", false},
	{PublicConsultation, "Consultation publique", false},
	{SocialNetworks, "Réseaux sociaux", false},
	{YouthActions, "Actions auprès des jeunes", false},
	{ThematicCafe, "Café thématique", true},
	{LanguageCourses, "Cours de langues", true},
	{Training, "Formation des agents et des élus", true},
	{Hosting, "Accueil de stagiaires et de volontaires", true},
}

// Kinds lists every kind, external first.
func Kinds() []Kind {
	out := make([]Kind, len(kinds))
	for i, k := range kinds {
		out[i] = k.kind
	}
	return out
}

// Label returns the kind in French.
func (k Kind) Label() string {
	for _, x := range kinds {
		if x.kind == k {
			return x.label
		}
	}
	return "Non renseigné"
}

// Internal reports whether the action is aimed at the authority's own services and élus.
func (k Kind) Internal() bool {
	for _, x := range kinds {
		if x.kind == k {
			return x.internal
		}
	}
	return false
}

// Valid reports whether k is one of the kinds.
func (k Kind) Valid() bool { return k.Label() != "Non renseigné" }

// Action is one action of the communication plan.
type Action struct {
	ID          int64
	AuthorityID int64
	Kind        Kind
	Title       string
	Start       time.Time // first day
	End         time.Time // last day; zero for a one-day action
	Owner       string
	Audience    string
	Done        bool
	Notes       string
	Version     int64
}

// Check returns the French messages for what is wrong in an action, by field.
func (a Action) Check() map[string]string {
	errs := map[string]string{}
	if !a.Kind.Valid() {
		errs["kind"] = "Choisissez le type d'action dans la liste."
	}
	switch {
	case strings.TrimSpace(a.Title) == "":
		errs["title"] = "Donnez un intitulé à l'action."
	case utf8.RuneCountInString(a.Title) > 200:
		errs["title"] = "Ce texte est trop long : 200 caractères au plus."
	}
	if a.Start.IsZero() {
		errs["start_on"] = "Indiquez la date de début, par exemple 15/01/2027."
	}
	if !a.End.IsZero() && !a.Start.IsZero() && a.End.Before(a.Start) {
		errs["end_on"] = "La fin doit venir après le début."
	}
	for field, v := range map[string]string{"owner": a.Owner, "audience": a.Audience} {
		if utf8.RuneCountInString(v) > 200 {
			errs[field] = "Ce texte est trop long : 200 caractères au plus."
		}
	}
	if utf8.RuneCountInString(a.Notes) > 5000 {
		errs["notes"] = "Ce texte est trop long : 5000 caractères au plus."
	}
	return errs
}
