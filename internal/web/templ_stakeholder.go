package web

import (
	"strconv"
	"strings"

	"boussole/internal/stakeholder"
)

// Helpers of the stakeholder pages in templ (page_stakeholder_*.templ).

// stakeholderDescribedBy is the aria-describedby of a field with a hint and maybe an error.
func stakeholderDescribedBy(id, err string) string {
	if err != "" {
		return id + "-hint " + id + "-error"
	}
	return id + "-hint"
}

func stakeholderYesNo(b bool) string {
	if b {
		return "oui"
	}
	return "non"
}

// stakeholderKindLabels names the kinds of actor, separated by commas.
func stakeholderKindLabels(kinds []stakeholder.Kind) string {
	l := make([]string, len(kinds))
	for i, k := range kinds {
		l[i] = k.Label()
	}
	return strings.Join(l, ", ")
}

func stakeholderEncoding(enc string) string {
	if enc == "" {
		return ""
	}
	return ", encodage " + enc
}

// stakeholderQuoted quotes each name « like this », separated by commas.
func stakeholderQuoted(names []string) string {
	l := make([]string, len(names))
	for i, n := range names {
		l[i] = "« " + n + " »"
	}
	return strings.Join(l, ", ")
}

// stakeholderFirstOnes says, when the preview hides rows, that it shows the first ones only.
func stakeholderFirstOnes(hidden, shown int) string {
	if hidden == 0 {
		return ""
	}
	return " — les " + strconv.Itoa(shown) + " premiers"
}

// stakeholderPath is the path of an actor below the list: its id, or "" for a new one.
func stakeholderPath(rec *stakeholder.Record) string {
	if rec == nil {
		return ""
	}
	return "/" + strconv.FormatInt(rec.ID, 10)
}

func stakeholderSide(internal bool) string {
	if internal {
		return "acteur interne"
	}
	return "acteur externe"
}

// stakeholderLeadTail is the territory and the contact after an actor's kind, each when known.
func stakeholderLeadTail(territory, contact string) string {
	s := ""
	if territory != "" {
		s += " — " + territory
	}
	if contact != "" {
		s += " — contact : " + contact
	}
	return s
}

// stakeholderDash is a comment after a dash, or nothing.
func stakeholderDash(comment string) string {
	if comment == "" {
		return ""
	}
	return " — " + comment
}

// stakeholderStepLabels names the steps an actor takes part in, or says there is none.
func stakeholderStepLabels(steps []stakeholder.Step) string {
	if len(steps) == 0 {
		return "aucune étape choisie"
	}
	l := make([]string, len(steps))
	for i, s := range steps {
		l[i] = s.Label()
	}
	return strings.Join(l, ", ")
}
