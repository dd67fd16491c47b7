package web

import (
	"bytes"
	"errors"
	"net/http"
	"sort"
	"strconv"
	"time"

	"boussole/internal/access"
	"boussole/internal/declaration"
	"boussole/internal/frfmt"
	"boussole/internal/funding"
	"boussole/internal/refdata/country"
	"boussole/internal/refdata/iati"
	"boussole/internal/refdata/oda"
	"boussole/internal/store"
	"boussole/internal/strategy"
	"boussole/internal/tabular"
	"boussole/internal/textkey"
)

// The declarations (issue 14): the yearly ODA declaration (e-APD) the officer fills on the CNCD's site, the
// IATI file, and each project's declaration fields (kind of spending, DAC sector, CRS channel, policy
// markers). The pages read the strategies through store.ReadStrategies, as the command line does.

// declarationParts are what the declarations read of each strategy: the projects, and for IATI the results
// with their indicators and measurements.
const declarationParts = strategy.PartFunding | strategy.PartFramework | strategy.PartMonitoring

// eapdRow is one line of the declaration as the page shows it.
type eapdRow struct {
	Line                           declaration.EAPDLine
	Country, Kind, Sector, Channel string
	Amount, Markers, ProjectURL    string
}

// eapdProblems are one project's problems, with the link that fixes them.
type eapdProblems struct {
	Project  string
	URL      string
	Blocking []string
	ToCheck  []string
}

// eapdPage is the data of the declaration's page.
type eapdPage struct {
	Year           int
	Years          []int
	Rows           []eapdRow
	Total          string
	General        []string // problems about the whole declaration
	Projects       []eapdProblems
	Blocking       int
	Season         bool // April or May: the declaration is open or about to be
	Edition        string
	CSV, XLSX, XML string
	Atlas          string // the Atlas sheets, for those who may see the members' details
	HasProjects    bool
	IATIRef        string // the provisional IATI identifier, when the authority's SIREN is unknown
	// Described lists the projects with how far each is described for the declaration, a page at a time.
	Described   []describedRow
	Prev, Next  string
	Page, Pages int
}

// describedRow is one project with its declaration fields, on the declaration's page.
type describedRow struct {
	Title, URL, Kind, Sector, Channel, Markers string
	Complete                                   bool
}

// describedPerPage keeps the list of projects to describe readable.
const describedPerPage = 25

// declarationYear reads ?annee=, the previous calendar year by default; ok is false for a year out of range.
func declarationYear(r *http.Request, now time.Time) (int, bool) {
	v := r.URL.Query().Get("annee")
	if v == "" {
		return declaration.DefaultYear(now), true
	}
	y, err := strconv.Atoi(v)
	return y, err == nil && y >= 2000 && y <= now.Year()
}

func (s *Server) showEAPD(w http.ResponseWriter, r *http.Request, ws *workspace) {
	now := time.Now()
	year, ok := declarationYear(r, now)
	if !ok {
		s.notFound(w, r)
		return
	}
	all, err := s.store.ReadStrategies(r.Context(), ws.Authority.ID, strategy.PartFunding)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	e, err := s.eapd(r, ws, year, all)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	q := "?annee=" + strconv.Itoa(year)
	base := ws.Prefix() + "/financements/declaration"
	d := &eapdPage{Year: year, Total: frfmt.Euros(e.TotalCents), Season: declaration.ReminderDue(now), Edition: oda.Edition,
		CSV: base + "/apd.csv" + q, XLSX: base + "/apd.xlsx" + q, XML: base + "/iati.xml", Blocking: e.Count(declaration.Blocking)}
	if access.Can(ws.Role, access.ViewMemberList) {
		d.Atlas = base + "/atlas.xlsx"
	}
	if declaration.SIREN(ws.Authority.OfficialID) == "" {
		d.IATIRef = declaration.OrgRef(ws.Authority.OfficialID)
	}
	for y := now.Year(); y >= now.Year()-6; y-- {
		d.Years = append(d.Years, y)
	}
	d.describe(ws, r, all, year)
	for _, l := range e.Lines {
		d.Rows = append(d.Rows, newEAPDRow(ws, l))
	}
	type about struct{ project, application int64 }
	at := map[about]int{}
	for _, p := range e.Problems {
		if p.ProjectID == 0 && p.ApplicationID == 0 {
			d.General = append(d.General, p.Message)
			continue
		}
		k := about{p.ProjectID, p.ApplicationID}
		i, ok := at[k]
		if !ok {
			i = len(d.Projects)
			at[k] = i
			d.Projects = append(d.Projects, eapdProblems{Project: p.Project, URL: eapdFixURL(ws, p.ProjectID, p.SchemeID, p.ApplicationID)})
		}
		if p.Severity == declaration.Blocking {
			d.Projects[i].Blocking = append(d.Projects[i].Blocking, p.Message)
		} else {
			d.Projects[i].ToCheck = append(d.Projects[i].ToCheck, p.Message)
		}
	}
	v := view{Title: "Déclaration annuelle de l'APD " + strconv.Itoa(year), Section: "financements", WS: ws, Notice: fundingNotices[r.URL.Query().Get("ok")]}
	s.renderComponent(w, r, http.StatusOK, v, eapdContent(v, d))
}

// describe fills the list of the authority's projects with their declaration fields, by title, one page of it.
func (d *eapdPage) describe(ws *workspace, r *http.Request, all []strategy.Strategy, year int) {
	var rows []describedRow
	seen := map[int64]bool{}
	for _, st := range all {
		for _, p := range st.Funding.Projects {
			if seen[p.ID] {
				continue
			}
			seen[p.ID] = true
			dc := p.Declaration
			row := describedRow{Title: p.Title, URL: projectURL(ws, p.ID) + "/declaration", Kind: kindLabel(dc.Kind), Sector: frfmt.Unknown,
				Channel: orUnknownText(dc.Channel), Markers: markerSummary(dc.Markers), Complete: dc.Kind != "" && dc.Sector != "" && dc.Channel != "" && len(dc.Markers) > 0}
			if dc.Sector != "" {
				row.Sector = dc.Sector
				if c, ok := iati.Lookup(iati.Sector, dc.Sector); ok {
					row.Sector += " – " + c.Name
				}
			}
			rows = append(rows, row)
		}
	}
	// By title as a French reader sorts: accents and case folded.
	sort.SliceStable(rows, func(i, j int) bool { return textkey.Fold(rows[i].Title) < textkey.Fold(rows[j].Title) })
	d.HasProjects = len(rows) > 0
	d.Pages = max(1, (len(rows)+describedPerPage-1)/describedPerPage)
	d.Page, _ = strconv.Atoi(r.URL.Query().Get("page"))
	d.Page = min(max(d.Page, 1), d.Pages)
	from := (d.Page - 1) * describedPerPage
	d.Described = rows[from:min(from+describedPerPage, len(rows))]
	link := func(n int) string {
		return ws.Prefix() + "/financements/declaration?annee=" + strconv.Itoa(year) + "&page=" + strconv.Itoa(n) + "#projets-titre"
	}
	if d.Page > 1 {
		d.Prev = link(d.Page - 1)
	}
	if d.Page < d.Pages {
		d.Next = link(d.Page + 1)
	}
}

func newEAPDRow(ws *workspace, l declaration.EAPDLine) eapdRow {
	row := eapdRow{Line: l, Kind: frfmt.Unknown, Sector: frfmt.Unknown, Channel: frfmt.Unknown, Amount: frfmt.Euros(l.AmountCents),
		ProjectURL: eapdFixURL(ws, l.ProjectID, l.SchemeID, l.ApplicationID), Country: "France (dépense en France)"}
	if l.Kind != "" {
		row.Kind = l.Kind.Label()
	}
	if l.Kind == funding.KindMultilateral && l.Country == "" {
		row.Country = declaration.NoCountryMultilateral
	} else if !l.Kind.InFrance() {
		row.Country = frfmt.Unknown
		if l.Country != "" {
			row.Country = country.Name(l.Country)
		}
	}
	if c, ok := iati.Lookup(iati.Sector, l.Sector); ok {
		row.Sector = l.Sector + " – " + c.Name
	}
	if c, ok := iati.Lookup(iati.CRSChannel, l.Channel); ok {
		row.Channel = l.Channel + " – " + c.Name
	}
	row.Markers = markerSummary(l.Markers)
	return row
}

// eapdFixURL is the page where what a line declares is entered: the project's declaration, or the
// support scheme's application.
func eapdFixURL(ws *workspace, projectID, schemeID, applicationID int64) string {
	if applicationID != 0 {
		return ws.Prefix() + "/financements/dispositifs/" + strconv.FormatInt(schemeID, 10) + "/demandes/" + strconv.FormatInt(applicationID, 10)
	}
	return projectURL(ws, projectID) + "/declaration"
}

// eapd builds the year's declaration: the strategies' projects, and the grants the authority's own
// support schemes paid that year.
func (s *Server) eapd(r *http.Request, ws *workspace, year int, all []strategy.Strategy) (declaration.EAPD, error) {
	e := declaration.BuildEAPD(year, all...)
	grants, err := s.store.SchemeGrantsPaidIn(r.Context(), ws.Authority.ID, year)
	e.AddGrants(grants)
	return e, err
}

// markerSummary writes the markers scored above 0, « non notés » when none was screened.
func markerSummary(m map[string]int) string {
	if len(m) == 0 {
		return "non notés"
	}
	d := funding.Declaration{Markers: m}
	out := ""
	for _, c := range d.MarkerCodes() {
		if m[c] == 0 {
			continue
		}
		name := c
		if mk, ok := iati.Lookup(iati.PolicyMarker, c); ok {
			name = mk.Name
		}
		if out != "" {
			out += " ; "
		}
		out += name + " : " + strconv.Itoa(m[c])
	}
	if out == "" {
		return "aucun objectif ciblé (tous à 0)"
	}
	return out
}

func (s *Server) exportEAPDCSV(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.exportEAPD(w, r, ws, "csv")
}

func (s *Server) exportEAPDXLSX(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.exportEAPD(w, r, ws, "xlsx")
}

func (s *Server) exportEAPD(w http.ResponseWriter, r *http.Request, ws *workspace, format string) {
	year, ok := declarationYear(r, time.Now())
	if !ok {
		s.notFound(w, r)
		return
	}
	all, err := s.store.ReadStrategies(r.Context(), ws.Authority.ID, strategy.PartFunding)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	e, err := s.eapd(r, ws, year, all)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var buf bytes.Buffer
	contentType := "text/csv; charset=utf-8"
	if format == "xlsx" {
		contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
		err = tabular.WriteXLSX(&buf, "e-APD "+strconv.Itoa(year), declaration.EAPDHeader(), e.Rows())
	} else {
		err = tabular.WriteCSV(&buf, declaration.EAPDHeader(), e.Rows())
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", `attachment; filename="e-apd-`+strconv.Itoa(year)+`-`+ws.Authority.Slug+`.`+format+`"`)
	_, _ = w.Write(buf.Bytes())
}

func (s *Server) exportIATI(w http.ResponseWriter, r *http.Request, ws *workspace) {
	all, err := s.store.ReadStrategies(r.Context(), ws.Authority.ID, declarationParts)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := declaration.WriteIATI(&buf, time.Now(), all...); err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="iati-`+ws.Authority.Slug+`.xml"`)
	_, _ = w.Write(buf.Bytes())
}

// declOption is one choice of the declaration form; groups hold the sectors by category.
type declOption struct{ Value, Label string }

type declGroup struct {
	Label   string
	Options []declOption
}

// declMarker is one policy marker's select.
type declMarker struct{ Code, Name, Field string }

// projectDeclPage is the data of a project's declaration form.
type projectDeclPage struct {
	Project  funding.Project
	URL      string
	CanEdit  bool
	Kinds    []declOption
	Sectors  []declGroup
	Channels []declGroup
	Markers  []declMarker
	Theirs   *funding.Declaration // the version saved meanwhile, on an edit conflict
}

// groupedCodes lists a codelist's codes in use under their parent category's name.
func groupedCodes(l, parents iati.List) []declGroup {
	var out []declGroup
	at := map[string]int{}
	for _, c := range iati.Codes(l) {
		name := "Autres"
		if p, ok := iati.Lookup(parents, c.Category); ok {
			name = p.Code + " – " + p.Name
		}
		i, ok := at[name]
		if !ok {
			i = len(out)
			at[name] = i
			out = append(out, declGroup{Label: name})
		}
		out[i].Options = append(out[i].Options, declOption{Value: c.Code, Label: c.Code + " – " + c.Name})
	}
	return out
}

func newProjectDeclPage(ws *workspace, p funding.Project) *projectDeclPage {
	d := &projectDeclPage{Project: p, URL: projectURL(ws, p.ID) + "/declaration", CanEdit: access.Can(ws.Role, access.EditContent),
		Sectors: groupedCodes(iati.Sector, iati.SectorCategory), Channels: groupedCodes(iati.CRSChannel, iati.CRSChannel)}
	for _, k := range funding.SpendingKinds {
		d.Kinds = append(d.Kinds, declOption{Value: string(k), Label: k.Label()})
	}
	for _, m := range iati.Codes(iati.PolicyMarker) {
		d.Markers = append(d.Markers, declMarker{Code: m.Code, Name: m.Name, Field: funding.FieldMarker + m.Code})
	}
	return d
}

// declarationForm fills the form with a project's stored declaration.
func declarationForm(d funding.Declaration) *form {
	f := newForm(nil)
	f.Values.Set(funding.FieldKind, string(d.Kind))
	f.Values.Set(funding.FieldSector, d.Sector)
	f.Values.Set(funding.FieldChannel, d.Channel)
	for c, score := range d.Markers {
		f.Values.Set(funding.FieldMarker+c, strconv.Itoa(score))
	}
	f.Values.Set("version", strconv.FormatInt(d.Version, 10))
	return f
}

// readDeclaration reads the form; a marker left on « non examiné » is not stored.
func readDeclaration(f *form) funding.Declaration {
	d := funding.Declaration{Kind: funding.SpendingKind(f.Get(funding.FieldKind)), Sector: f.Get(funding.FieldSector),
		Channel: f.Get(funding.FieldChannel), Markers: map[string]int{}}
	for _, m := range iati.Codes(iati.PolicyMarker) {
		v := f.Get(funding.FieldMarker + m.Code)
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			n = -1
		}
		d.Markers[m.Code] = n
	}
	for _, e := range d.Validate() {
		f.Fail(e.Field, e.Message)
	}
	d.Version = formVersion(f)
	return d
}

func (s *Server) showProjectDeclaration(w http.ResponseWriter, r *http.Request, ws *workspace) {
	p, _, ok := s.projectFromPath(w, r, ws)
	if !ok {
		return
	}
	s.renderProjectDeclaration(w, r, ws, http.StatusOK, p, declarationForm(p.Declaration), nil)
}

func (s *Server) renderProjectDeclaration(w http.ResponseWriter, r *http.Request, ws *workspace, status int, p funding.Project, f *form, theirs *funding.Declaration) {
	d := newProjectDeclPage(ws, p)
	d.Theirs = theirs
	v := view{Title: "Déclaration APD du projet « " + p.Title + " »", Section: "financements", WS: ws, Form: f, Notice: fundingNotices[r.URL.Query().Get("ok")]}
	s.renderComponent(w, r, status, v, projectDeclarationContent(v, d))
}

func (s *Server) saveProjectDeclaration(w http.ResponseWriter, r *http.Request, ws *workspace) {
	p, _, ok := s.projectFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	d := readDeclaration(f)
	if !f.OK() {
		s.renderProjectDeclaration(w, r, ws, http.StatusUnprocessableEntity, p, f, nil)
		return
	}
	err := s.store.SaveDeclaration(r.Context(), actor(r), ws.Authority.ID, p.ID, &d)
	if errors.Is(err, store.ErrConflict) {
		theirs, err := s.store.Project(r.Context(), ws.Authority.ID, p.ID)
		if err != nil {
			s.storeFailed(w, r, err)
			return
		}
		f.Top = conflictMessage
		f.Values.Set("version", strconv.FormatInt(theirs.Declaration.Version, 10))
		s.renderProjectDeclaration(w, r, ws, http.StatusConflict, theirs, f, &theirs.Declaration)
		return
	}
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	redirect(w, r, projectURL(ws, p.ID)+"/declaration?ok=enregistre")
}

func canEdit(v view) bool { return v.WS != nil && access.Can(v.WS.Role, access.EditContent) }

func kindLabel(k funding.SpendingKind) string {
	if k == "" {
		return frfmt.Unknown
	}
	return k.Label()
}

func orUnknownText(s string) string {
	if s == "" {
		return frfmt.Unknown
	}
	return s
}

// describedBy names the hint and, when there is one, the error of a field.
func describedBy(name, err string) string {
	if err != "" {
		return "f-" + name + "-hint f-" + name + "-error"
	}
	return "f-" + name + "-hint"
}

func (s *Server) exportAtlasSheets(w http.ResponseWriter, r *http.Request, ws *workspace) {
	all, err := s.store.ReadStrategies(r.Context(), ws.Authority.ID, strategy.PartFunding)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	members, err := s.store.Members(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var contacts []declaration.Contact
	for _, m := range members {
		if m.Role == access.Elected || m.Role == access.Agent || m.Role == access.Admin {
			contacts = append(contacts, declaration.Contact{Name: m.User.Name, Service: m.Service, Email: m.User.Email, Elected: m.Role == access.Elected})
		}
	}
	var buf bytes.Buffer
	if err := tabular.WriteXLSXSheets(&buf, declaration.AtlasSheets(contacts, all...)); err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="atlas-`+ws.Authority.Slug+`.xlsx"`)
	_, _ = w.Write(buf.Bytes())
}

// sectorText writes a DAC sector as « 14030 – name », « non renseigné » when none is chosen.
func sectorText(code string) string {
	if code == "" {
		return frfmt.Unknown
	}
	if c, ok := iati.Lookup(iati.Sector, code); ok {
		return code + " – " + c.Name
	}
	return code
}
