package web

import (
	"strconv"
	"strings"

	"boussole/internal/organisation"
)

// Helpers of the funding pages in templ (page_funding_*.templ).

// ruleValueLabel is the label of a rule's value in the programme's edit form: a range has a low and a
// high value.
func ruleValueLabel(isRange bool) string {
	if isRange {
		return "Valeur basse"
	}
	return "Valeur"
}

// networkReturnName is the French name of a membership's assessed return, « non renseigné » outside
// the scale.
func networkReturnName(names []string, r int) string {
	if r < 0 || r >= len(names) {
		return "non renseigné"
	}
	return names[r]
}

// fundingProjectsCount says how many projects match the search, out of how many, and which page shows.
func fundingProjectsCount(d projectListPage) string {
	s := strconv.Itoa(d.Matched) + " projet" + plural(d.Matched, "s") + " sur " + strconv.Itoa(d.Total)
	if d.Pages > 1 {
		s += " · page " + strconv.Itoa(d.Page) + " sur " + strconv.Itoa(d.Pages)
	}
	return s + "."
}

// networkFormAction is where the membership form posts: the list to add one, the membership to change it.
func networkFormAction(prefix string, m *organisation.Membership) string {
	if m == nil {
		return prefix + "/financements/reseaux"
	}
	return prefix + "/financements/reseaux/" + strconv.FormatInt(m.ID, 10)
}

// redundancyPeriodText says whether two redundant projects surely overlap, or a date is missing.
func redundancyPeriodText(sure bool) string {
	if sure {
		return " sur la même période"
	}
	return " ; une date manque : vérifiez s'ils se chevauchent"
}

// involvementList names a membership's involvement, separated by commas.
func involvementList(l []organisation.Involvement) string {
	names := make([]string, len(l))
	for i, x := range l {
		names[i] = x.Label()
	}
	return strings.Join(names, ", ")
}

// networksCostText is the memberships' known yearly cost, and how many have none entered.
func networksCostText(d networksPage) string {
	s := "Coût annuel connu : " + euros(d.KnownCost)
	if d.Unknown > 0 {
		s += " ; coût non renseigné pour " + strconv.Itoa(d.Unknown) + " adhésion(s)"
	}
	return s + "."
}
