package web

import (
	"errors"
	"net/http"
	"strconv"

	"boussole/internal/funding"
	"boussole/internal/model"
	"boussole/internal/number"
	"boussole/internal/store"
)

// lineRow is a line of the plan with what the page says beside it: the programme's name, the check's
// findings at that line and the application's expected value.
type lineRow struct {
	Line     funding.Line
	Name     string
	Findings []funding.Finding
	Expected funding.Expected
	Share    string // its part of the plan, « 35 % »
}

func lineRows(p funding.Project, rep funding.Report, c *funding.Catalogue) (rows []lineRow, plan, own int64) {
	for _, l := range p.Lines {
		if l.Status.Counts() {
			plan += l.AmountCents
			if l.Source == funding.SourceOwn || l.Source == funding.SourcePartner {
				own += l.AmountCents
			}
		}
	}
	for _, l := range p.Lines {
		row := lineRow{Line: l, Name: l.Source.Label(), Findings: rep.AtLine(l.ID)}
		if l.Source == funding.SourceProgramme {
			row.Name = programmeName(c, l.Programme)
			if prog, ok := c.Programme(l.Programme); ok && l.Status.Pending() {
				row.Expected = funding.ExpectedValue(l.AmountCents, prog.Rules.SuccessPercent)
			}
		}
		if plan > 0 && l.Status.Counts() {
			row.Share = strconv.FormatInt((l.AmountCents*100+plan/2)/plan, 10) + "\u00a0%"
		}
		rows = append(rows, row)
	}
	return rows, plan, own
}

// lineOpts are the choice lists of the line form.
type lineOpts struct {
	Sources, Programmes, Statuses []diagOption
}

func newLineOpts(c *funding.Catalogue, current string) lineOpts {
	var o lineOpts
	for _, s := range funding.Sources {
		o.Sources = append(o.Sources, diagOption{Value: string(s), Label: s.Label()})
	}
	o.Programmes = programmeOptions(c, current)
	for _, s := range funding.LineStatuses {
		o.Statuses = append(o.Statuses, diagOption{Value: string(s), Label: s.Label()})
	}
	return o
}

// newLineForm is the empty add-line form; ?programme= (from the finder) preselects a programme.
func newLineForm(r *http.Request) *form {
	f := newForm(nil)
	f.Values.Set(funding.FieldSource, string(funding.SourceOwn))
	f.Values.Set(funding.FieldStatus, string(funding.LineConsidered))
	if code := r.URL.Query().Get("programme"); code != "" {
		f.Values.Set(funding.FieldSource, string(funding.SourceProgramme))
		f.Values.Set(funding.FieldProgramme, code)
	}
	return f
}

func lineForm(l funding.Line) *form {
	f := newForm(nil)
	v := f.Values
	v.Set(funding.FieldSource, string(l.Source))
	v.Set(funding.FieldProgramme, l.Programme)
	v.Set(funding.FieldLabel, l.Label)
	v.Set(funding.FieldAmount, number.CentsField(&l.AmountCents))
	v.Set(funding.FieldStatus, string(l.Status))
	if l.Year != 0 {
		v.Set(funding.FieldYear, strconv.Itoa(l.Year))
	}
	if e := l.Effort(); e != nil {
		v.Set(funding.FieldEffort, e.Field())
	}
	v.Set("version", strconv.FormatInt(l.Version, 10))
	return f
}

// effortSpec reads an application's effort in person-months, to a tenth.
var effortSpec = number.Spec{Decimals: 1, Min: 0, Max: funding.MaxEffortTenths / 10, What: "un nombre de mois-personne", Example: "4,5"}

// readLine reads the line form; the programme is kept only on a programme line.
func readLine(f *form, c *funding.Catalogue) funding.Line {
	l := funding.Line{Source: funding.Source(f.Get(funding.FieldSource)), Label: cleanLine(f, funding.FieldLabel), Status: funding.LineStatus(f.Get(funding.FieldStatus))}
	if l.Source == funding.SourceProgramme {
		l.Programme = f.Get(funding.FieldProgramme)
	}
	if c := formCents(f, funding.FieldAmount); c != nil {
		l.AmountCents = *c
	} else if f.Err(funding.FieldAmount) == "" {
		f.Fail(funding.FieldAmount, "Indiquez le montant en euros, par exemple 12 500.")
	}
	if n, ok := formWhole(f, funding.FieldYear, 2000, 2100, "Indiquez une année entre 2000 et 2100, par exemple 2027."); ok {
		l.Year = n
	}
	if v := f.Get(funding.FieldEffort); v != "" {
		d, err := number.Parse(v, effortSpec)
		if err != nil {
			f.Fail(funding.FieldEffort, numberMessage(err))
		} else if t, ok := d.Units(1); ok {
			l.EffortTenths = &t
		}
	}
	known := func(code string) bool { _, ok := c.Programme(code); return ok }
	for _, e := range l.Validate(known) {
		if f.Err(e.Field) == "" {
			f.Fail(e.Field, e.Message)
		}
	}
	l.Version = formVersion(f)
	return l
}

func (s *Server) createLine(w http.ResponseWriter, r *http.Request, ws *workspace) {
	p, st, ok := s.projectFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	c, err := s.store.FundingCatalogue(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	l := readLine(f, c)
	if !f.OK() {
		s.renderProject(w, r, ws, http.StatusUnprocessableEntity, st, p, projectForm(p), f)
		return
	}
	l.ProjectID = p.ID
	if err := s.store.CreateLine(r.Context(), actor(r), ws.Authority.ID, &l); err != nil {
		s.storeFailed(w, r, err)
		return
	}
	redirect(w, r, projectURL(ws, p.ID)+"?ok=ajoute#plan")
}

// linePage is the data of a financing line's page: its form, and the check's findings at the line.
type linePage struct {
	May      fundingMay
	Strategy model.Strategy
	Project  funding.Project
	Row      lineRow
	Opt      lineOpts
	Theirs   *funding.Line
}

func (s *Server) lineFromPath(w http.ResponseWriter, r *http.Request, ws *workspace) (funding.Project, model.Strategy, funding.Line, bool) {
	p, st, ok := s.projectFromPath(w, r, ws)
	if !ok {
		return p, st, funding.Line{}, false
	}
	id, ok := pathID(r, "line")
	for _, l := range p.Lines {
		if ok && l.ID == id {
			return p, st, l, true
		}
	}
	s.notFound(w, r)
	return p, st, funding.Line{}, false
}

func (s *Server) renderLine(w http.ResponseWriter, r *http.Request, ws *workspace, status int, p funding.Project, st model.Strategy, l funding.Line, f *form, theirs *funding.Line) {
	ctx, err := s.checkContext(r.Context(), ws, p.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	rows, _, _ := lineRows(p, funding.Check(p, ctx), ctx.Catalogue)
	d := linePage{May: mayFund(ws), Strategy: st, Project: p, Opt: newLineOpts(ctx.Catalogue, l.Programme), Theirs: theirs}
	for _, row := range rows {
		if row.Line.ID == l.ID {
			d.Row = row
		}
	}
	v := fundingPage(r, ws, "Ligne « "+d.Row.Name+" »", f)
	s.renderComponent(w, r, status, v, fundingLineContent(v, d))
}

func (s *Server) showLine(w http.ResponseWriter, r *http.Request, ws *workspace) {
	p, st, l, ok := s.lineFromPath(w, r, ws)
	if !ok {
		return
	}
	s.renderLine(w, r, ws, http.StatusOK, p, st, l, lineForm(l), nil)
}

func (s *Server) updateLine(w http.ResponseWriter, r *http.Request, ws *workspace) {
	p, st, stored, ok := s.lineFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	c, err := s.store.FundingCatalogue(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	l := readLine(f, c)
	if !f.OK() {
		s.renderLine(w, r, ws, http.StatusUnprocessableEntity, p, st, stored, f, nil)
		return
	}
	l.ID, l.ProjectID = stored.ID, p.ID
	err = s.store.UpdateLine(r.Context(), actor(r), ws.Authority.ID, &l)
	if errors.Is(err, store.ErrConflict) {
		theirs, err := s.store.Line(r.Context(), ws.Authority.ID, p.ID, stored.ID)
		if err != nil {
			s.storeFailed(w, r, err)
			return
		}
		f.Top = conflictMessage
		f.Values.Set("version", strconv.FormatInt(theirs.Version, 10))
		s.renderLine(w, r, ws, http.StatusConflict, p, st, theirs, f, &theirs)
		return
	}
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	redirect(w, r, projectURL(ws, p.ID)+"?ok=enregistre#plan")
}

func lineConfirm(ws *workspace, p funding.Project, l funding.Line, c *funding.Catalogue) diagConfirm {
	name := l.Source.Label()
	if l.Source == funding.SourceProgramme {
		name = programmeName(c, l.Programme)
	}
	u := projectURL(ws, p.ID) + "/lignes/" + strconv.FormatInt(l.ID, 10)
	return diagConfirm{Heading: "Supprimer la ligne « " + name + " » ?",
		What:   "La ligne de " + euros(l.AmountCents) + " sera retirée du plan de financement du projet « " + p.Title + " ».",
		Action: u + "/suppression", Cancel: u, Version: l.Version}
}

func (s *Server) confirmDeleteLine(w http.ResponseWriter, r *http.Request, ws *workspace) {
	p, _, l, ok := s.lineFromPath(w, r, ws)
	if !ok {
		return
	}
	c, err := s.store.FundingCatalogue(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.renderConfirm(w, r, http.StatusOK, ws, "financements", lineConfirm(ws, p, l, c))
}

func (s *Server) deleteLine(w http.ResponseWriter, r *http.Request, ws *workspace) {
	p, _, l, ok := s.lineFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	err := s.store.DeleteLine(r.Context(), actor(r), ws.Authority.ID, p.ID, l.ID, formVersion(f))
	if errors.Is(err, store.ErrConflict) {
		c, err := s.store.FundingCatalogue(r.Context())
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		cf := lineConfirm(ws, p, l, c)
		cf.Conflict = true
		s.renderConfirm(w, r, http.StatusConflict, ws, "financements", cf)
		return
	}
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	redirect(w, r, projectURL(ws, p.ID)+"?ok=supprime#plan")
}
