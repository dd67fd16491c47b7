package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"boussole/internal/frfmt"
	"boussole/internal/funding"
	"boussole/internal/ical"
	"boussole/internal/partialdate"
	"boussole/internal/strategy"
)

// The journal's labels for a call an authority adds.
func init() {
	auditLabels["appel à projets"] = map[string]auditField{"Programme": lbl("Programme"), "Opens": lbl("Ouverture"), "Deadline": lbl("Date limite"),
		"Decision": lbl("Décision"), "URL": lbl("Page de l'appel"), "Notes": lbl("Notes")}
}

// callsPage is the calendar of the programmes' calls: first those the authority's projects aim at, with
// the day to start the file, then the others.
type callsPage struct {
	Targeted   []callRow
	Others     []callRow
	Programmes []funding.Programme // for the form: the catalogue's active programmes
	May        fundingMay
	FeedURL    string
	LeadRule   string
}

type callRow struct {
	funding.Call
	Programme funding.Programme
	Projects  []string  // titles of the projects with a line on the programme
	StartBy   time.Time // the earliest day to start among those projects' files; zero when no effort is known
	Late      bool      // the day to start is past
	Own       bool      // entered by the authority, which may remove it
	DeleteURL string
}

// callsURL is the calendar's address in the workspace.
func callsURL(ws *workspace) string { return ws.Prefix() + "/financements/appels" }

func (s *Server) showCalls(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.renderCalls(w, r, ws, http.StatusOK, newForm(nil))
}

func (s *Server) renderCalls(w http.ResponseWriter, r *http.Request, ws *workspace, status int, f *form) {
	d, ok := s.loadCalls(w, r, ws)
	if !ok {
		return
	}
	v := view{Title: "Calendrier des appels à projets", WS: ws, Section: "financements", Form: f, Notice: fundingNotices[r.URL.Query().Get("ok")]}
	s.renderComponent(w, r, status, v, callsContent(v, d))
}

func (s *Server) loadCalls(w http.ResponseWriter, r *http.Request, ws *workspace) (callsPage, bool) {
	ctx, today := r.Context(), time.Now().UTC()
	cat, err := s.store.FundingCatalogue(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return callsPage{}, false
	}
	calls, err := s.store.Calls(ctx, ws.Authority.ID, today)
	if err != nil {
		s.serverError(w, r, err)
		return callsPage{}, false
	}
	targets, err := s.callTargets(r, ws, cat)
	if err != nil {
		s.serverError(w, r, err)
		return callsPage{}, false
	}
	d := callsPage{Programmes: cat.Active(), May: mayFund(ws), FeedURL: callsURL(ws) + ".ics", LeadRule: funding.LeadRule}
	for _, c := range funding.Upcoming(calls, today) {
		t := targets[c.Programme]
		row := callRow{Call: c, Projects: t.projects, Own: c.AuthorityID == ws.Authority.ID}
		row.Programme, _ = cat.Programme(c.Programme)
		if t.effort > 0 {
			row.StartBy = funding.StartBy(c, t.effort)
			row.Late = row.StartBy.Before(today)
		}
		if row.Own {
			row.DeleteURL = callsURL(ws) + "/" + strconv.FormatInt(c.ID, 10) + "/suppression"
		}
		if len(row.Projects) > 0 {
			d.Targeted = append(d.Targeted, row)
		} else {
			d.Others = append(d.Others, row)
		}
	}
	return d, true
}

// callTarget is what the viewed strategy's projects aim at one programme: their titles, and the largest
// effort their files need, in tenths of a person-month (0 when none is known).
type callTarget struct {
	projects []string
	effort   int64
}

// callTargets gathers, by programme code, the projects of the viewed strategy with a line on it.
func (s *Server) callTargets(r *http.Request, ws *workspace, cat *funding.Catalogue) (map[string]callTarget, error) {
	out := map[string]callTarget{}
	st, _, ok, err := s.viewedStrategy(r, ws)
	if err != nil || !ok {
		return out, err
	}
	whole, err := s.store.ReadStrategy(r.Context(), ws.Authority.ID, st.ID, strategy.PartFunding)
	if err != nil {
		return nil, err
	}
	for _, p := range whole.Funding.Projects {
		seen := map[string]bool{}
		for _, l := range p.Lines {
			if l.Source != funding.SourceProgramme {
				continue
			}
			t := out[l.Programme]
			if !seen[l.Programme] {
				seen[l.Programme] = true
				t.projects = append(t.projects, p.Title)
			}
			if e, ok := funding.Effort(l, cat); ok {
				t.effort = max(t.effort, e)
			}
			out[l.Programme] = t
		}
	}
	return out, nil
}

// formDay reads a date field that must be a day; empty is the zero time.
func formDay(f *form, name string) time.Time {
	d := formPartialDate(f, name)
	if d.IsZero() || f.Err(name) != "" {
		return time.Time{}
	}
	if d.Precision() != partialdate.Day {
		f.Fail(name, "Indiquez le jour, par exemple 15/03/2027.")
		return time.Time{}
	}
	return d.First()
}

// readCall reads the call form, the authority's or the platform's, and checks it against the catalogue;
// refusals are on f.
func (s *Server) readCall(r *http.Request, f *form, authorityID int64) (funding.Call, error) {
	c := funding.Call{AuthorityID: authorityID, Programme: f.Get(funding.FieldCallProgramme), Title: cleanLine(f, funding.FieldCallTitle),
		Opens: formDay(f, funding.FieldCallOpens), Deadline: formDay(f, funding.FieldCallDeadline), Decision: formDay(f, funding.FieldCallDecision),
		URL: strings.TrimSpace(f.Get(funding.FieldCallURL)), Notes: cleanText(f, funding.FieldCallNotes)}
	cat, err := s.store.FundingCatalogue(r.Context())
	if err != nil {
		return c, err
	}
	for _, e := range funding.ValidateCall(c, cat) {
		if f.Err(e.Field) == "" { // a date the parser refused keeps its own message
			f.Fail(e.Field, e.Message)
		}
	}
	return c, nil
}

func (s *Server) createCall(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := parseForm(w, r)
	c, err := s.readCall(r, f, ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if !f.OK() {
		s.renderCalls(w, r, ws, http.StatusUnprocessableEntity, f)
		return
	}
	if err := s.store.CreateCall(r.Context(), actor(r), &c); err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, callsURL(ws)+"?ok=appel")
}

func (s *Server) callFromPath(w http.ResponseWriter, r *http.Request, ws *workspace) (funding.Call, bool) {
	id, ok := pathID(r, "call")
	if !ok {
		s.notFound(w, r)
		return funding.Call{}, false
	}
	c, err := s.store.Call(r.Context(), ws.Authority.ID, id)
	if err == nil && c.AuthorityID != ws.Authority.ID {
		s.notFound(w, r) // a platform call is not the authority's to remove
		return c, false
	}
	if err != nil {
		s.storeFailed(w, r, err)
		return c, false
	}
	return c, true
}

func (s *Server) confirmDeleteCall(w http.ResponseWriter, r *http.Request, ws *workspace) {
	c, ok := s.callFromPath(w, r, ws)
	if !ok {
		return
	}
	s.renderConfirm(w, r, http.StatusOK, ws, "financements", diagConfirm{Heading: "Supprimer l'appel « " + c.Title + " » ?",
		What:   "L'appel disparaîtra du calendrier des appels et de son flux iCalendar.",
		Action: callsURL(ws) + "/" + strconv.FormatInt(c.ID, 10) + "/suppression", Cancel: callsURL(ws), Version: c.Version})
}

func (s *Server) deleteCall(w http.ResponseWriter, r *http.Request, ws *workspace) {
	c, ok := s.callFromPath(w, r, ws)
	if !ok {
		return
	}
	parseForm(w, r)
	if err := s.store.DeleteCall(r.Context(), actor(r), ws.Authority.ID, c.ID); err != nil {
		s.storeFailed(w, r, err)
		return
	}
	redirect(w, r, callsURL(ws)+"?ok=supprime")
}

// downloadCallsFeed serves the calls' deadlines, and the days to start the files, as iCalendar.
func (s *Server) downloadCallsFeed(w http.ResponseWriter, r *http.Request, ws *workspace) {
	d, ok := s.loadCalls(w, r, ws)
	if !ok {
		return
	}
	cal := ical.Calendar{Name: "Appels à projets — " + ws.Authority.Name, Stamp: emptyFeedStamp}
	for _, row := range append(d.Targeted, d.Others...) {
		uid := "appel-" + strconv.FormatInt(row.ID, 10) + "@boussole"
		name := row.Programme.Name
		if name == "" { // a programme since removed from the catalogue keeps its code
			name = row.Call.Programme
		}
		cal.Events = append(cal.Events, ical.Event{UID: "limite-" + uid, Start: row.Deadline, Summary: "Date limite : " + name + " — " + row.Title,
			Description: strings.TrimSpace(row.Notes), URL: row.URL, Categories: []string{"Appel à projets"}})
		if !row.StartBy.IsZero() && len(row.Projects) > 0 {
			cal.Events = append(cal.Events, ical.Event{UID: "debut-" + uid, Start: row.StartBy, Summary: "Commencer le dossier : " + name,
				Description: "Pour " + strings.Join(row.Projects, ", ") + ". " + funding.LeadRule, Categories: []string{"Appel à projets"}})
		}
	}
	writeFeed(w, r, cal, "private, no-cache")
}

// dayOrUnknown writes a day, or what to say when it is not known.
func dayOrUnknown(t time.Time, unknown string) string {
	if t.IsZero() {
		return unknown
	}
	return frfmt.Date(t)
}
