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

func (d *diagRestrictedPage) content(v view) templ.Component {
	return diagRestrictedContent(v, d)
}

func (d *diagNoStrategyPage) content(v view) templ.Component {
	return diagNoStrategyContent(v, d)
}

func (d *diagConfirmPage) content(view) templ.Component { return diagConfirmContent(d) }

func (d *swotEditPage) content(v view) templ.Component {
	return diagSwotEditContent(v, d)
}

func (d *swotMergePage) content(v view) templ.Component {
	return diagSwotMergeContent(v, d)
}

// diagSep is the comma before every element of a list but the first.
func diagSep(i int) string {
	if i > 0 {
		return ", "
	}
	return ""
}

// diagAudienceLabels names the audiences of a session, separated by commas.
func diagAudienceLabels(l []diagnostic.Audience) string {
	labels := make([]string, len(l))
	for i, a := range l {
		labels[i] = a.Label()
	}
	return diagJoin(labels)
}

// diagStrategyQuery is the query that keeps the strategy a form works on, "" on a page about none.
func diagStrategyQuery(ws *workspace) string {
	if ws == nil || ws.Strategy == nil {
		return ""
	}
	return "?strategie=" + diagID(ws.Strategy.ID)
}

func (d *argumentEditPage) content(v view) templ.Component {
	return diagArgumentEditContent(v, d)
}

func (d *argumentPrintPage) content(v view) templ.Component {
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

func (d *awarenessPage) content(v view) templ.Component {
	return diagAwarenessContent(v, d)
}

func (d *sessionsPage) content(v view) templ.Component { return diagSessionsContent(v, d) }

func (d *sessionFormPage) content(v view) templ.Component {
	return diagSessionFormContent(v, d)
}

func (d *principlesPage) content(v view) templ.Component {
	return diagPrinciplesContent(v, d)
}

// diagQuery is a query string after its « ? », or nothing.
func diagQuery(q string) string {
	if q == "" {
		return ""
	}
	return "?" + q
}

// diagPartnershipPath is the path of a partnership below the register: its id, or "" for a new one.
func diagPartnershipPath(p *diagnostic.PartnershipRecord) string {
	if p == nil {
		return ""
	}
	return "/" + diagID(p.ID)
}

// diagDocumentDescribedBy is the aria-describedby of the agreement's file input.
func diagDocumentDescribedBy(lost bool, err string) string {
	s := "f-document-hint"
	if lost {
		s += " f-document-lost"
	}
	if err != "" {
		s += " f-document-error"
	}
	return s
}

func (d *partnershipsPage) content(v view) templ.Component {
	return diagPartnershipsContent(v, d)
}

func (d *partnershipFormPage) content(v view) templ.Component {
	return diagPartnershipFormContent(v, d)
}

func (d *partnerMapPage) content(v view) templ.Component {
	return diagPartnerMapContent(v, d)
}

// diagPageOf says which page of a long list is shown, when there are several.
func diagPageOf(page, pages int) string {
	if pages <= 1 {
		return ""
	}
	return " · page " + strconv.Itoa(page) + " sur " + strconv.Itoa(pages)
}

// diagAwarenessCounts counts the sessions, attendances and, with a list of services, those reached.
func diagAwarenessCounts(s diagnostic.Summary) string {
	out := strconv.Itoa(s.Sessions) + " séance" + plural(s.Sessions, "s") + ", " +
		strconv.Itoa(s.Attendances) + " participation" + plural(s.Attendances, "s")
	if s.ServicesListed != 0 {
		n := s.ServicesReached
		out += " ; " + strconv.Itoa(n) + " service" + plural(n, "s") + " touché" + plural(n, "s") +
			" sur " + strconv.Itoa(s.ServicesListed)
	}
	return out
}

// diagUnreachedSentence names the services never reached, after the counts of the printable summary.
func diagUnreachedSentence(unreached []string) string {
	if len(unreached) == 0 {
		return ""
	}
	return " Jamais touchés : " + diagJoin(unreached) + "."
}

// diagStatusCounts counts the partnerships by status, each after a middle dot.
func diagStatusCounts(l []diagnostic.StatusCount) string {
	var b strings.Builder
	for _, c := range l {
		b.WriteString(" · " + c.Status.Label() + " : " + strconv.Itoa(c.Count))
	}
	return b.String()
}

// diagGridCounts counts the actors by quadrant of the power/interest grid, each after a middle dot.
func diagGridCounts(a actorsSummary) string {
	var b strings.Builder
	for _, c := range a.Grid.Counts {
		b.WriteString(" · " + c.Quadrant.Label() + " : " + strconv.Itoa(c.Count))
	}
	return b.String()
}

// diagCellTexts joins the texts of cells, without their links (for print).
func diagCellTexts(cells []altCell) string {
	l := make([]string, len(cells))
	for i, c := range cells {
		l[i] = c.Text
	}
	return diagJoin(l)
}

// diagPrintItemNote is what the printable summary says of an AFOM item after its text.
func diagPrintItemNote(it diagnostic.Item) string {
	s := it.Scope.Label()
	if it.Weight == 3 {
		s += ", majeur"
	}
	if it.Evidence != "" {
		s += " ; source : " + it.Evidence
	}
	return s
}

// diagPartnerNote is the country, kind and start year under a partner's name in the critical review.
func diagPartnerNote(row partnerRow) string {
	x := row.Rec.Partnership
	s := ""
	if row.CountryName != "" {
		s = row.CountryName + " · "
	}
	s += x.Kind.Label()
	if x.StartYear != 0 {
		s += " · depuis " + strconv.Itoa(x.StartYear)
	}
	return s
}

// diagSummaryPrintPage is the printable view of the diagnostic's summary: the same data, another content.
type diagSummaryPrintPage diagSummaryPage

func (d *diagSummaryPage) content(v view) templ.Component {
	return diagSummaryContent(v, d)
}

func (d *diagSummaryPrintPage) content(v view) templ.Component {
	return diagSummaryPrintContent(v, (*diagSummaryPage)(d))
}

// diagHave is « a » or « ont » as n is one or more.
func diagHave(n int) string {
	if n > 1 {
		return "ont"
	}
	return "a"
}
