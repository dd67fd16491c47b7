package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"boussole/internal/frfmt"
	"boussole/internal/funding"
	"boussole/internal/model"
	"boussole/internal/number"
	"boussole/internal/store"
)

// projectsPerPage keeps the project list readable; the search narrows it further.
const projectsPerPage = 20

// projectRow is one row of the project list, with its plan's totals and the check's counts.
type projectRow struct {
	Project   funding.Project
	PlanCents int64
	Countries string
	Blocking  int
	ToFix     int
}

// projectListPage is the data of the section's home: the strategy's projects.
type projectListPage struct {
	May              fundingMay
	Strategy         model.Strategy
	Rows             []projectRow
	Query            string
	Total, Matched   int
	Spending         funding.SpendingSummary // the whole strategy's, whatever the page
	Page, Pages      int
	Prev, Next       string
	Overloaded       []loadRow // years the applications need more people than exist
	CatalogueVersion string
}

func (s *Server) listProjects(w http.ResponseWriter, r *http.Request, ws *workspace) {
	if !s.diagInternal(w, r, ws, "financements", "Financements") {
		return
	}
	st, ok := s.fundingStrategy(w, r, ws)
	if !ok {
		return
	}
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	page, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || page < 1 {
		page = 1
	}
	list, matched, err := s.store.Projects(r.Context(), ws.Authority.ID, st.ID, funding.ProjectFilter{Query: q, Offset: (page - 1) * projectsPerPage, Limit: projectsPerPage})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	_, total, err := s.store.Projects(r.Context(), ws.Authority.ID, st.ID, funding.ProjectFilter{Limit: 1})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	ctx, err := s.checkContext(r.Context(), ws, 0)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := projectListPage{May: mayFund(ws), Strategy: st, Query: q, Total: total, Matched: matched, Page: page,
		Pages: max(1, (matched+projectsPerPage-1)/projectsPerPage)}
	d.CatalogueVersion, _ = funding.ShippedVersion()
	spent, err := s.store.StrategySpending(r.Context(), ws.Authority.ID, st.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d.Spending = funding.SummariseSpending([]funding.Project{{Spending: spent}})
	for _, p := range list {
		// Other projects' 1 % use is the authority's whole, minus this one's own lines.
		pc := ctx
		pc.OtherUse = minusOwn(ctx, p)
		rep := funding.Check(p, pc)
		row := projectRow{Project: p, Countries: countryNames(p.Countries), Blocking: rep.Count(funding.Blocking), ToFix: rep.Count(funding.ToFix)}
		for _, l := range p.Lines {
			if l.Status.Counts() {
				row.PlanCents += l.AmountCents
			}
		}
		d.Rows = append(d.Rows, row)
	}
	link := func(n int) string {
		v := r.URL.Query()
		v.Set("page", strconv.Itoa(n))
		return ws.Prefix() + "/financements?" + v.Encode()
	}
	if page > 1 {
		d.Prev = link(page - 1)
	}
	if page < d.Pages {
		d.Next = link(page + 1)
	}
	pending, err := s.store.PendingApplications(r.Context(), ws.Authority.ID, st.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, l := range funding.Capacity([]funding.Project{{Lines: pending}}, ctx.Catalogue, ctx.Years) {
		if l.Over {
			d.Overloaded = append(d.Overloaded, newLoadRow(l))
		}
	}
	v := fundingPage(r, ws, "Financements", nil)
	s.renderComponent(w, r, http.StatusOK, v, fundingListContent(v, d))
}

// minusOwn returns the authority's 1 % use without a project's own lines: checkContext(…, 0) counted them all.
func minusOwn(ctx funding.Context, p funding.Project) map[funding.SectorYear]int64 {
	out := make(map[funding.SectorYear]int64, len(ctx.OtherUse))
	for k, v := range ctx.OtherUse {
		out[k] = v
	}
	for k, v := range funding.OnePercentUse(ctx.Catalogue, []funding.Project{p}) {
		out[k] -= v
	}
	return out
}

// projectPage is the data of a project's page: its form (or its fields, read only), its financing plan
// with the check's findings at each line, and the form that adds a line.
type projectPage struct {
	May       fundingMay
	Strategy  model.Strategy
	Project   funding.Project // as stored; zero for a new project
	New       bool
	Opt       projectOpts
	Report    funding.Report
	Lines     []lineRow
	PlanCents int64
	OwnCents  int64
	LineForm  *form
	LineOpt   lineOpts
	// The spending section: the records, what is odd in them, and the add form.
	Spending         []spendingRow
	SpendingTotals   funding.SpendingTotals
	SpendingFindings []funding.Finding
	SpendingForm     *form
	SpendingOpt      spendingOpts
	Theirs           *funding.Project // the version saved meanwhile, on an edit conflict
}

func (s *Server) showNewProject(w http.ResponseWriter, r *http.Request, ws *workspace) {
	st, ok := s.fundingStrategy(w, r, ws)
	if !ok {
		return
	}
	f := newForm(nil)
	f.Values.Set("status", string(funding.StatusIdea))
	s.renderProject(w, r, ws, http.StatusOK, st, funding.Project{}, f, nil)
}

// renderProject shows a project's page; lf is the add-line form (nil for an empty one).
func (s *Server) renderProject(w http.ResponseWriter, r *http.Request, ws *workspace, status int, st model.Strategy, p funding.Project, f, lf *form) {
	s.renderProjectWith(w, r, ws, status, st, p, f, lf, nil)
}

// renderProjectWith shows a project's page with the add-line form lf and the add-spending form sf (nil
// for empty ones).
func (s *Server) renderProjectWith(w http.ResponseWriter, r *http.Request, ws *workspace, status int, st model.Strategy, p funding.Project, f, lf, sf *form) {
	choices, err := s.projectChoices(r.Context(), ws.Authority.ID, st.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := projectPage{May: mayFund(ws), Strategy: st, Project: p, New: p.ID == 0, Opt: newProjectOpts(choices), LineForm: lf}
	title := "Nouveau projet"
	if !d.New {
		title = "Projet « " + p.Title + " »"
		ctx, err := s.checkContext(r.Context(), ws, p.ID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		d.Report = funding.Check(p, ctx)
		d.Lines, d.PlanCents, d.OwnCents = lineRows(p, d.Report, ctx.Catalogue)
		if d.LineForm == nil {
			d.LineForm = newLineForm(r)
		}
		d.LineOpt = newLineOpts(ctx.Catalogue, d.LineForm.Get(funding.FieldProgramme))
		if err := s.fillSpending(r.Context(), ws, p, sf, &d); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	s.renderProjectPage(w, r, status, ws, title, f, d)
}

func (s *Server) createProject(w http.ResponseWriter, r *http.Request, ws *workspace) {
	st, ok := s.fundingStrategy(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	choices, err := s.projectChoices(r.Context(), ws.Authority.ID, st.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := readProject(f, choices)
	if !f.OK() {
		s.renderProject(w, r, ws, http.StatusUnprocessableEntity, st, funding.Project{}, f, nil)
		return
	}
	p.AuthorityID, p.StrategyID = ws.Authority.ID, st.ID
	if err := s.store.CreateProject(r.Context(), actor(r), &p); err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, projectURL(ws, p.ID)+"?ok=enregistre")
}

// projectFromPath loads the project named in the path, with its strategy; it answers 404 itself.
func (s *Server) projectFromPath(w http.ResponseWriter, r *http.Request, ws *workspace) (funding.Project, model.Strategy, bool) {
	id, ok := pathID(r, "project")
	if !ok {
		s.notFound(w, r)
		return funding.Project{}, model.Strategy{}, false
	}
	p, err := s.store.Project(r.Context(), ws.Authority.ID, id)
	if err != nil {
		s.storeFailed(w, r, err)
		return p, model.Strategy{}, false
	}
	st, err := s.store.Strategy(r.Context(), ws.Authority.ID, p.StrategyID)
	if err != nil {
		s.storeFailed(w, r, err)
		return p, st, false
	}
	s.showStrategyOf(r, ws, st.ID)
	return p, st, true
}

func (s *Server) showProject(w http.ResponseWriter, r *http.Request, ws *workspace) {
	p, st, ok := s.projectFromPath(w, r, ws)
	if !ok {
		return
	}
	s.renderProject(w, r, ws, http.StatusOK, st, p, projectForm(p), nil)
}

func (s *Server) updateProject(w http.ResponseWriter, r *http.Request, ws *workspace) {
	stored, st, ok := s.projectFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	choices, err := s.projectChoices(r.Context(), ws.Authority.ID, st.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := readProject(f, choices)
	if !f.OK() {
		s.renderProject(w, r, ws, http.StatusUnprocessableEntity, st, stored, f, nil)
		return
	}
	p.ID, p.AuthorityID, p.StrategyID = stored.ID, ws.Authority.ID, st.ID
	err = s.store.UpdateProject(r.Context(), actor(r), &p)
	if errors.Is(err, store.ErrConflict) {
		theirs, err := s.store.Project(r.Context(), ws.Authority.ID, stored.ID)
		if err != nil {
			s.storeFailed(w, r, err)
			return
		}
		f.Top = conflictMessage
		f.Values.Set("version", strconv.FormatInt(theirs.Version, 10))
		s.renderProjectConflict(w, r, ws, st, theirs, f)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, projectURL(ws, p.ID)+"?ok=enregistre")
}

func (s *Server) renderProjectConflict(w http.ResponseWriter, r *http.Request, ws *workspace, st model.Strategy, theirs funding.Project, f *form) {
	choices, err := s.projectChoices(r.Context(), ws.Authority.ID, st.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := projectPage{May: mayFund(ws), Strategy: st, Project: theirs, Opt: newProjectOpts(choices), Theirs: &theirs, LineForm: newForm(nil)}
	if err := s.fillSpending(r.Context(), ws, theirs, nil, &d); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.renderProjectPage(w, r, http.StatusConflict, ws, "Projet « "+theirs.Title+" »", f, d)
}

// renderProjectPage writes a project's page (templ, page_funding_project.templ) in the funding section.
func (s *Server) renderProjectPage(w http.ResponseWriter, r *http.Request, status int, ws *workspace, title string, f *form, d projectPage) {
	v := view{Title: title, Section: "financements", WS: ws, Form: f, Notice: fundingNotices[r.URL.Query().Get("ok")]}
	s.renderComponent(w, r, status, v, fundingProjectContent(v, d))
}

func (s *Server) projectConfirm(ws *workspace, p funding.Project) diagConfirm {
	return diagConfirm{Heading: "Supprimer le projet « " + p.Title + " » ?",
		What:   "Le projet sera retiré, avec son plan de financement (" + strconv.Itoa(len(p.Lines)) + " ligne(s)) et ses dépenses (" + strconv.Itoa(len(p.Spending)) + " engagement(s) ou paiement(s)).",
		Action: projectURL(ws, p.ID) + "/suppression", Cancel: projectURL(ws, p.ID), Version: p.Version}
}

func (s *Server) confirmDeleteProject(w http.ResponseWriter, r *http.Request, ws *workspace) {
	p, _, ok := s.projectFromPath(w, r, ws)
	if !ok {
		return
	}
	s.renderConfirm(w, r, http.StatusOK, ws, "financements", s.projectConfirm(ws, p))
}

func (s *Server) deleteProject(w http.ResponseWriter, r *http.Request, ws *workspace) {
	p, _, ok := s.projectFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	err := s.store.DeleteProject(r.Context(), actor(r), ws.Authority.ID, p.ID, formVersion(f))
	if errors.Is(err, store.ErrConflict) {
		c := s.projectConfirm(ws, p)
		c.Conflict = true
		s.renderConfirm(w, r, http.StatusConflict, ws, "financements", c)
		return
	}
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	redirect(w, r, ws.Prefix()+"/financements?ok=supprime")
}

// loadRow is a year's capacity written for the page.
type loadRow struct {
	Year        int
	Need, Have  string // person-months, « 11 » or « 4,5 »; Have is « non renseigné » when the team is not entered
	Unestimated int
	Over        bool
}

func newLoadRow(l funding.Load) loadRow {
	r := loadRow{Year: l.Year, Need: number.New(l.NeedTenths, 1).French(), Have: frfmt.Unknown, Unestimated: l.Unestimated, Over: l.Over}
	if l.HaveTenths != nil {
		r.Have = number.New(*l.HaveTenths, 1).French()
	}
	return r
}

// fillSpending gives a project's page its spending section: the rows, totals and findings, and the form
// to add one (sf when it comes back with errors, else empty).
func (s *Server) fillSpending(ctx context.Context, ws *workspace, p funding.Project, sf *form, d *projectPage) error {
	if d.SpendingForm = sf; sf == nil {
		d.SpendingForm = newSpendingForm(p)
	}
	actors, err := s.spendingActors(ctx, ws)
	if err != nil {
		return err
	}
	d.SpendingOpt = newSpendingOpts(p, actors)
	d.Spending, d.SpendingTotals, d.SpendingFindings = spendingRows(ws, p), funding.Totals(p.Spending), funding.SpendingFindings(p.Spending)
	return nil
}
