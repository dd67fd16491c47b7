package web

import (
	"strconv"
	"strings"

	"boussole/internal/diagnostic"
	"boussole/internal/frfmt"

	"github.com/a-h/templ"
)

// Helpers of the sensibilisation, diagnostic and stakeholder pages in templ (page_diag_*.templ,
// page_stakeholder_*.templ, components_diag.templ).

// diagChecksArgs is what diagChecksField reads: a group of checkboxes, or of radios with Radio.
type diagChecksArgs struct {
	F                  *form
	Name, Legend, Hint string
	Options            []diagOption
	Radio              bool
}

func (a diagChecksArgs) inputType() string {
	if a.Radio {
		return "radio"
	}
	return "checkbox"
}

// diagID writes a record's id in a link or an attribute.
func diagID(id int64) string { return strconv.FormatInt(id, 10) }

// diagJoin joins names with commas, as the lists of the pages read.
func diagJoin(list []string) string { return strings.Join(list, ", ") }

// diagActiveBudget is the yearly budget of the active partnerships: a sum over the known budgets only,
// which says how many are missing, so that an unknown budget never counts as 0 €.
func diagActiveBudget(s diagnostic.Summary) string {
	switch {
	case s.ActiveCount == 0:
		return "aucun partenariat actif"
	case s.ActiveBudgetKnown == 0:
		return "non renseigné"
	}
	out := frfmt.Euros(s.ActiveBudgetCents)
	if missing := s.ActiveCount - s.ActiveBudgetKnown; missing > 0 {
		out += " (budget non renseigné pour " + strconv.Itoa(missing) + " partenariat" + plural(missing, "s") +
			" sur " + strconv.Itoa(s.ActiveCount) + ")"
	}
	return out
}

// diagComponent is the data of a diagnostic page written in templ: it names its content.
type diagComponent interface {
	content(v view, p partials) templ.Component
}

func (d *diagRestrictedPage) content(v view, _ partials) templ.Component {
	return diagRestrictedContent(v, d)
}

func (d *diagNoStrategyPage) content(v view, _ partials) templ.Component {
	return diagNoStrategyContent(v, d)
}

func (d *diagConfirmPage) content(view, partials) templ.Component { return diagConfirmContent(d) }

func (d *swotEditPage) content(v view, p partials) templ.Component {
	return diagSwotEditContent(v, d, p)
}

func (d *swotMergePage) content(v view, _ partials) templ.Component {
	return diagSwotMergeContent(v, d)
}

// diagSep is the comma before every element of a list but the first.
func diagSep(i int) string {
	if i > 0 {
		return ", "
	}
	return ""
}

// diagEnd is the end of a sentence after the last element of a list.
func diagEnd(i, n int, end string) string {
	if i == n-1 {
		return end
	}
	return ""
}

// diagStrategyQuery is the query that keeps the strategy a form works on, "" on a page about none.
func diagStrategyQuery(ws *workspace) string {
	if ws == nil || ws.Strategy == nil {
		return ""
	}
	return "?strategie=" + diagID(ws.Strategy.ID)
}

func (d *argumentEditPage) content(v view, _ partials) templ.Component {
	return diagArgumentEditContent(v, d)
}

func (d *argumentPrintPage) content(v view, _ partials) templ.Component {
	return diagArgumentPrintContent(v, d)
}

// diagRatingClass is the class of a principle's rating: its colour, or muted while not assessed.
func diagRatingClass(r diagnostic.Rating) string {
	if r == 0 {
		return "muted"
	}
	return "rating-" + strconv.Itoa(int(r))
}

// diagSessionPath is the path of a session's form below the log: its id, or "" for a new one.
func diagSessionPath(s *diagnostic.SessionRecord) string {
	if s == nil {
		return ""
	}
	return "/" + diagID(s.ID)
}

func (d *awarenessPage) content(v view, _ partials) templ.Component {
	return diagAwarenessContent(v, d)
}

func (d *sessionsPage) content(v view, _ partials) templ.Component { return diagSessionsContent(v, d) }

func (d *sessionFormPage) content(v view, _ partials) templ.Component {
	return diagSessionFormContent(v, d)
}

func (d *principlesPage) content(v view, _ partials) templ.Component {
	return diagPrinciplesContent(v, d)
}
