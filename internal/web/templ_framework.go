package web

import (
	"strconv"

	"boussole/internal/logframe"
	"boussole/internal/refdata/country"
)

// Helpers of the strategy's and the framework's templ pages (page_framework_*.templ).

// fwGeoArgs is what the fields of a geographic priority read: the form (nil for the empty add form) and
// the choices.
type fwGeoArgs struct {
	F         *form
	Register  []registerChoice
	Countries []country.Country
	Regions   []string
	Reasons   []string
}

func (a fwGeoArgs) get(name string) string {
	if a.F == nil {
		return ""
	}
	return a.F.Get(name)
}

func (a fwGeoArgs) err(name string) string {
	if a.F == nil {
		return ""
	}
	return a.F.Err(name)
}

// partnerValue is the partner authority typed, kept only when the priority names one.
func (a fwGeoArgs) partnerValue() string {
	if a.get("type") != "partenaire" {
		return ""
	}
	return a.get("partenaire")
}

// The labels of a risk's likelihood and impact, from 1 to 4.
var (
	fwLikelihoods = [4]string{"1 — rare", "2 — possible", "3 — probable", "4 — presque certaine"}
	fwImpacts     = [4]string{"1 — faible", "2 — modéré", "3 — important", "4 — majeur"}
)

// fwLinksSubject names the element whose links are shown.
func fwLinksSubject(kind string) string {
	if kind == "resultat" {
		return "ce résultat"
	}
	return "cet objectif"
}

// fwSep is the comma before every item of a list but the first.
func fwSep(i int) string {
	if i > 0 {
		return ", "
	}
	return ""
}

// fwThematicRemoved says what the deletion of a thematic priority removes.
func fwThematicRemoved(t logframe.ThematicPriorityRecord) string {
	s := "La priorité « " + t.Policy + " »"
	if t.Service != "" {
		s += ", portée par " + t.Service + ","
	}
	s += " sera retirée de la stratégie."
	if t.Description != "" {
		s += " Ses précisions : « " + t.Description + " »."
	}
	return s
}

// fwThematicTail is what follows a thematic priority's name: who carries it, and its details.
func fwThematicTail(service, description string) string {
	s := ""
	if service != "" {
		s += " — porté par " + service
	}
	if description != "" {
		s += " : " + description
	}
	return s
}

// fwThemPolicy is the policy typed in the refused add form of a thematic priority, if any.
func fwThemPolicy(f *form) string {
	if f == nil {
		return ""
	}
	return f.Get("politique")
}

// fwElementPath is the path of the pages of an element of this kind, up to its ID.
func fwElementPath(kind string) string {
	switch kind {
	case "objectif-specifique":
		return "/cadre-logique/objectifs/"
	case "resultat":
		return "/cadre-logique/resultats/"
	case "activite":
		return "/cadre-logique/activites/"
	}
	return ""
}

// fwChildrenPath is where an objective adds its results and a result its activities.
func fwChildrenPath(kind string) string {
	if kind == "objectif-specifique" {
		return "/resultats"
	}
	return "/activites"
}

// fwParentPrefix is the start of the « move under » value naming an element's parent.
func fwParentPrefix(kind string) string {
	switch kind {
	case "resultat":
		return "objectif-specifique-"
	case "activite":
		return "resultat-"
	}
	return ""
}

// fwDashed is « — text », or nothing for no text.
func fwDashed(text string) string {
	if text == "" {
		return ""
	}
	return " — " + text
}

// fwParenthesised is « (text) », or nothing for no text.
func fwParenthesised(text string) string {
	if text == "" {
		return ""
	}
	return " (" + text + ")"
}

// fwIDPath is « /id » for a stored record, nothing for a new one.
func fwIDPath(id int64) string {
	if id == 0 {
		return ""
	}
	return "/" + strconv.FormatInt(id, 10)
}

// fwMeasures are the labels of an indicator's measure types, IATI codes 1 to 5.
var fwMeasures = [5]string{"unité (nombre)", "pourcentage", "nominal", "ordinal", "qualitatif"}

// fwAdviceLeft counts the advice left on a complete strategy.
func fwAdviceLeft(n int) string {
	if n == 0 {
		return ""
	}
	return " Il reste " + strconv.Itoa(n) + " conseil" + plural(n, "s") + "."
}

// fwCheckReadiness starts the check's figure: an adopted strategy is complete to some degree, one in
// preparation ready to it.
func fwCheckReadiness(adopted bool) string {
	if adopted {
		return "Stratégie adoptée : ce que la vérification relève est à reprendre lors de sa révision, sans remettre en cause son adoption. Complète"
	}
	return "Prête"
}

// fwHiddenFindings counts the findings about the diagnostic the viewer may not read.
func fwHiddenFindings(n int) string {
	verb := " constat porte"
	if n > 1 {
		verb = " constats portent"
	}
	return strconv.Itoa(n) + verb + " sur le diagnostic, qui reste interne à la collectivité."
}

// fwColon is « : text », or nothing for no text.
func fwColon(text string) string {
	if text == "" {
		return ""
	}
	return " : " + text
}
