package web

//go:generate go run github.com/a-h/templ/cmd/templ@v0.3.1118 generate -path .

import (
	"strconv"
	"strings"

	"boussole/internal/diagnostic"
	"boussole/internal/model"
)

// Pages in templ: every page is compiled with templ (6 to 14 times faster than html/template on the same
// page, docs/benchmarks.md), so that a page whose data and markup disagree fails the build, never a user.
// The .templ files sit beside the handlers (page_*.templ for pages, components_*.templ for the parts they
// share, layout.templ for the frame) and the generated *_templ.go are committed: `go generate
// ./internal/web/` regenerates them. A page is its content, written into the layout by renderComponent.

func plural(n int, s string) string {
	if n > 1 {
		return s
	}
	return ""
}

func percent(done, total int) int {
	if total == 0 {
		return 0
	}
	return done * 100 / total
}

// adoptedSentence says that an adopted strategy's elaboration is over, and since when.
func adoptedSentence(st model.Strategy) string {
	var b strings.Builder
	b.WriteString("Stratégie adoptée")
	switch on := st.AdoptedOn.String(); {
	case on == "":
		b.WriteString(" (date d'adoption non renseignée)")
	case st.AdoptedOn.Day != 0:
		b.WriteString(" le " + on)
	default:
		b.WriteString(" en " + on)
	}
	b.WriteString(" : son élaboration est close")
	if st.Status == model.StrategyCurrent {
		b.WriteString(" ; elle se conduit et se suit désormais")
	}
	b.WriteString(".")
	return b.String()
}

func briefAdoptedText(on string) string {
	if on == "" {
		return "Adoptée."
	}
	return "Adoptée (" + on + ")."
}

func notAssessedText(assessed bool) string {
	if assessed {
		return ""
	}
	return " : la liste n'a pas encore été remplie"
}

// scopeList names scopes in French, separated by commas.
func scopeList(scopes []diagnostic.Scope) string {
	labels := make([]string, len(scopes))
	for i, s := range scopes {
		labels[i] = s.Label()
	}
	return strings.Join(labels, ", ")
}

// majorText marks an AFOM item of the highest weight.
func majorText(weight int) string {
	if weight == 3 {
		return " · majeur"
	}
	return ""
}

// stakeholderCaption says how many stakeholders the list holds, matches and shows.
func stakeholderCaption(d stakeholderListPage) string {
	s := strconv.Itoa(d.Total) + " acteur(s)"
	if d.Filter.Active() {
		s = strconv.Itoa(d.Matching) + " acteur(s) sur " + strconv.Itoa(d.Total) + " correspondent aux critères"
	}
	if d.Pages > 1 {
		s += " — acteurs " + strconv.Itoa(d.First) + " à " + strconv.Itoa(d.Last)
	}
	return s
}

// fwNavArgs is what the framework's sub-navigation reads: the workspace prefix and the current page's key.
type fwNavArgs struct{ P, Current string }

// fwRiskArgs is what the fields of a risk read: the form, the statuses and the elements a risk may threaten.
type fwRiskArgs struct {
	F        *form
	Links    []parentOption
	Statuses []string
}

// fieldArgs is what the « field » partial reads: one input of a form with its label, hint and error.
type fieldArgs struct {
	F                       *form
	Name, Label, Hint, Type string
	Auto                    string // the autocomplete attribute, if any
	Required                bool
}

// planNavArgs is what the planning section's navigation reads (page_planning_parts.templ).
type planNavArgs struct {
	WS     *workspace
	Q, Cur string // the strategy's query, the current page's key
}

// planStrategyArgs is what the planning's choice of strategy reads: the strategies to choose from and the
// other parameters the choice keeps.
type planStrategyArgs struct {
	Strategies []model.Strategy
	Current    model.Strategy
	Extra      map[string]string
}

// outsideText counts the plan's elements outside the term of office.
func outsideText(n int) string {
	if n > 1 {
		return strconv.Itoa(n) + " éléments débordent"
	}
	return strconv.Itoa(n) + " élément déborde"
}

// chronoCaption is the start of the chronogramme's caption, which names the arrows only when drawn.
func chronoCaption(arrows bool) string {
	s := "Chronogramme : barres hachurées et cerclées de rouge pour le chemin critique, losanges pour les jalons, "
	if arrows {
		s += "flèches pour les dépendances, "
	}
	return s + "ligne verticale pour aujourd'hui."
}

func milestonePrefix(milestone bool) string {
	if milestone {
		return "◆ "
	}
	return ""
}

// orText is text, or what to say when it is empty.
func orText(text, empty string) string {
	if text == "" {
		return empty
	}
	return text
}
