// Package organisation holds the guide's models of how an authority attaches its international service
// (« Modèles d'organisation des services : avantages et contraintes ») and the authority's recorded choice:
// the attachment and why, the référents international per service, the project-mode task force and
// whether international work is written into job descriptions. It knows neither HTTP nor SQL.
package organisation

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Attachment is where the international service reports.
type Attachment string

// The attachments of the guide's table.
const (
	AttachDGS         Attachment = "dgs"
	AttachFunctional  Attachment = "directions-fonctionnelles"
	AttachOperational Attachment = "directions-operationnelles"
	AttachCabinet     Attachment = "cabinet"
	AttachElected     Attachment = "elus"
)

// Model is one row of the guide's table, in its words.
type Model struct {
	Attachment  Attachment
	Label       string
	Advantages  []string
	Constraints []string
}

// Source is where the table comes from.
const Source = "Guide CUF–AFD–CDC « Comment élaborer une stratégie d'action internationale », « Modèles d'organisation des services : avantages et contraintes »"

// Models returns the guide's table, in its order and words.
func Models() []Model {
	return []Model{
		{AttachDGS, "Direction générale des services",
			[]string{"Meilleure transversalité", "Travail direct avec l'ensemble des directions", "Signe d'une volonté forte de la CT"},
			[]string{"Risque d'une disponibilité limitée du supérieur hiérarchique direct", "Possible participation des services par « obligation » et non par adhésion"}},
		{AttachFunctional, "Directions fonctionnelles (de la coordination / des ressources / des moyens)",
			[]string{"Meilleure transversalité"},
			[]string{"Rattachement à une direction moins en lien avec des projets", "Moindre visibilité", "Rattachement symbolique d'une image moins positive", "Moindre transversalité"}},
		{AttachOperational, "Directions opérationnelles",
			[]string{"Travailler en étroite collaboration avec les services de la direction", "Continuité dans les projets"},
			[]string{"Moindre transversalité", "Rend moins direct le travail avec les services rattachés à d'autres directions"}},
		{AttachCabinet, "Cabinet",
			[]string{"Proximité avec l'exécutif"},
			[]string{"Risque d'un certain éloignement du service vis-à-vis des autres", "Coopérations avec les services administratifs moins évidentes"}},
		{AttachElected, "Élus",
			[]string{"Proximité avec les décideurs", "Capacité renforcée à mobiliser d'autres acteurs"},
			[]string{"Risque de perception différenciée du service", "Risque d'association du service aux seules positions politiques"}},
	}
}

// Label returns the French name of the attachment, "" for none.
func (a Attachment) Label() string {
	for _, m := range Models() {
		if m.Attachment == a {
			return m.Label
		}
	}
	return ""
}

// Choice is what the authority decided about its organisation.
type Choice struct {
	AuthorityID     int64
	Attachment      Attachment // "" while not decided
	Reason          string
	Referents       []string // « Direction de l'eau : Julien Morel », one per service
	TaskForce       bool     // a service working in project mode, at the other services' disposal
	JobDescriptions bool     // international work is written into job descriptions
	Version         int64
}

// Limits of the choice, in characters and lines.
const (
	maxReason    = 4000
	maxReferents = 100
	maxLine      = 200
)

// FieldError is a French message attached to one field.
type FieldError struct{ Field, Message string }

// Errors lists the problems of a choice; nil when valid.
type Errors []FieldError

func (e Errors) Error() string {
	msgs := make([]string, len(e))
	for i, f := range e {
		msgs[i] = f.Field + " : " + f.Message
	}
	return strings.Join(msgs, " ; ")
}

// Validate checks what was typed.
func (c Choice) Validate() Errors {
	var errs Errors
	add := func(field, format string, args ...any) {
		errs = append(errs, FieldError{field, fmt.Sprintf(format, args...)})
	}
	if c.Attachment != "" && !slices.ContainsFunc(Models(), func(m Model) bool { return m.Attachment == c.Attachment }) {
		add("rattachement", "Choisissez le rattachement dans la liste du guide.")
	}
	if n := utf8.RuneCountInString(c.Reason); n > maxReason {
		add("raison", "Ce texte ne doit pas dépasser %d caractères (il en compte %d).", maxReason, n)
	}
	if c.Attachment != "" && strings.TrimSpace(c.Reason) == "" {
		add("raison", "Dites pourquoi ce rattachement : le guide rappelle qu'il n'y a pas de modèle idéal, le choix doit être assumé.")
	}
	if len(c.Referents) > maxReferents {
		add("referents", "Indiquez au plus %d référents.", maxReferents)
	}
	for _, r := range c.Referents {
		if utf8.RuneCountInString(r) > maxLine {
			add("referents", "Chaque ligne tient en %d caractères au plus.", maxLine)
			break
		}
	}
	return errs
}

// Advice returns what the guide recommends that the choice does not do yet, in French.
func (c Choice) Advice() []string {
	var out []string
	if c.Attachment == "" {
		out = append(out, "Le rattachement du service n'est pas encore choisi.")
	}
	if !c.JobDescriptions {
		out = append(out, "Le guide recommande que l'international soit reconnu dans les fiches de poste : cela lui donne visibilité et légitimité.")
	}
	if len(c.Referents) == 0 {
		out = append(out, "Un référent international dans chaque service réduit le risque d'un fonctionnement en silo (guide).")
	}
	return out
}
