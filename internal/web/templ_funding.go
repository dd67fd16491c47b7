package web

import (
	"strconv"

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
