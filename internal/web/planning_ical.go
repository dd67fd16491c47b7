package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"boussole/internal/access"
	"boussole/internal/auth"
	"boussole/internal/ical"
	"boussole/internal/model"
	"boussole/internal/schedule"
	"boussole/internal/store"
)

// feedFilter chooses which activities and milestones go into a feed.
type feedFilter struct {
	publicOnly bool
	person     *model.User // only this person's activities, and no milestones
}

// calendar turns a strategy's computed schedule into iCalendar events. UIDs are built from the record IDs,
// so an agenda that refreshes the feed updates its events instead of duplicating them; the stamp is the
// latest change, so an unchanged feed is byte for byte the same.
func (d *planData) calendar(res *schedule.Result, ws *workspace, baseURL string, f feedFilter) []ical.Event {
	var events []ical.Event
	domain := fmt.Sprintf("strategie-%d.%s.boussole", d.Strategy.ID, ws.Authority.Slug)
	for _, a := range d.Activities {
		sc, ok := d.Schedules[a.ID]
		if !ok || (f.publicOnly && !sc.Public) || sc.Status == schedule.Dropped {
			continue
		}
		owner := a.Owner
		if f.person != nil && !sameperson(owner, f.person) {
			continue
		}
		n := schedule.Node{Kind: schedule.NodeActivity, ID: a.ID}
		t, _ := res.Timing(n.Key())
		desc := a.Description
		if !f.publicOnly {
			desc = strings.TrimSpace(desc + "\n" + activitySummary(owner, sc))
		}
		e := ical.Event{UID: fmt.Sprintf("activite-%d@%s", a.ID, domain), Start: t.Start.Time(), End: t.Finish.Time(), Summary: a.Title,
			Description: desc}
		if o := d.Objectives[a.ID].ObjectiveTitle; o != "" {
			e.Categories = []string{o}
		}
		if !f.publicOnly && baseURL != "" {
			e.URL = baseURL + planNodeURL(ws, n)
		}
		events = append(events, e)
	}
	if f.person != nil {
		return events
	}
	for _, m := range d.Milestones {
		if f.publicOnly && !m.Public {
			continue
		}
		t, _ := res.Timing(m.Node().Key())
		e := ical.Event{UID: fmt.Sprintf("jalon-%d@%s", m.ID, domain), Start: t.Start.Time(), Summary: m.Title, Description: joinNote(m.Notes, periodNote(m.Date)),
			Categories: []string{m.Kind.Label()}}
		if !f.publicOnly && baseURL != "" {
			e.URL = baseURL + planNodeURL(ws, m.Node())
		}
		events = append(events, e)
	}
	return events
}

func activitySummary(owner string, sc schedule.ScheduleRecord) string {
	var parts []string
	if owner != "" {
		parts = append(parts, "Responsable : "+owner)
	}
	if sc.Service != "" {
		parts = append(parts, "Service : "+sc.Service)
	}
	if len(sc.Partners) > 0 {
		parts = append(parts, "Partenaires : "+strings.Join(sc.Partners, ", "))
	}
	parts = append(parts, "Statut : "+sc.Status.Label()+" ("+strconv.Itoa(sc.PercentDone)+" %)")
	return strings.Join(parts, "\n")
}

// lastChange is the latest change to a strategy's schedule, for the feed's stamp.
func (d *planData) lastChange() time.Time {
	t := d.Strategy.UpdatedAt
	for _, sc := range d.Schedules {
		t = laterOf(t, sc.UpdatedAt)
	}
	for _, m := range d.Milestones {
		t = laterOf(t, m.UpdatedAt)
	}
	for _, dep := range d.Dependencies {
		t = laterOf(t, dep.CreatedAt)
	}
	return t
}

func laterOf(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// emptyFeedStamp stamps a feed with no strategy, so that even it does not change from one request to the next.
var emptyFeedStamp = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// feed writes the events of the strategies as one calendar.
func (s *Server) feed(ctx context.Context, ws *workspace, strategies []model.Strategy, name string, f feedFilter) (ical.Calendar, error) {
	cal := ical.Calendar{Name: name}
	stamp := emptyFeedStamp
	for _, st := range strategies {
		d, err := s.loadPlan(ctx, ws.Authority.ID, st)
		if err != nil {
			return cal, err
		}
		res, err := d.compute(false)
		if err != nil {
			continue // a plan the engine refuses has no dates to publish; its pages say why
		}
		cal.Events = append(cal.Events, d.calendar(res, ws, s.cfg.BaseURL, f)...)
		stamp = laterOf(stamp, d.lastChange())
	}
	cal.Stamp = stamp
	return cal, nil
}

// writeFeed answers a calendar with an entity tag computed from its bytes, and 304 to a calendar
// application that already holds these very bytes (they poll every few minutes).
func writeFeed(w http.ResponseWriter, r *http.Request, cal ical.Calendar, cache string) {
	var buf bytes.Buffer
	_, _ = cal.WriteTo(&buf)
	h := w.Header()
	h.Set("Content-Type", "text/calendar; charset=utf-8")
	h.Set("Content-Disposition", `inline; filename="calendrier.ics"`)
	h.Set("Cache-Control", cache)
	tag := entityTag(buf.Bytes())
	h.Set("ETag", tag)
	if etagMatches(r.Header.Get("If-None-Match"), tag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	_, _ = w.Write(buf.Bytes())
}

// liveStrategies are the strategies a feed covers: all but past ones.
func liveStrategies(list []model.Strategy) []model.Strategy {
	var out []model.Strategy
	for _, st := range list {
		if st.Status != model.StrategyPast {
			out = append(out, st)
		}
	}
	return out
}

// downloadStrategyFeed serves the whole strategy's calendar to a signed-in member.
func (s *Server) downloadStrategyFeed(w http.ResponseWriter, r *http.Request, ws *workspace) {
	st, _, ok := s.planningStrategy(w, r, ws)
	if !ok {
		return
	}
	cal, err := s.feed(r.Context(), ws, []model.Strategy{st}, st.Title+" — "+ws.Authority.Name, feedFilter{})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	writeFeed(w, r, cal, "private, no-store")
}

// showAgenda explains the calendar feeds and lets the person make or replace their secret link.
func (s *Server) showAgenda(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.renderAgenda(w, r, ws, "")
}

func (s *Server) renderAgenda(w http.ResponseWriter, r *http.Request, ws *workspace, token string) {
	u := currentUser(r)
	created, err := s.store.CalendarTokenCreated(r.Context(), ws.Authority.ID, u.ID)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		s.serverError(w, r, err)
		return
	}
	data := agendaPage{Created: created, Public: s.cfg.BaseURL + "/public/" + ws.Authority.Slug + "/calendrier.ics",
		Published: s.publishes(r.Context(), ws)}
	if token != "" {
		base := s.cfg.BaseURL + "/agenda/" + token
		data.StrategyFeed, data.MineFeed = base+"/calendrier.ics", base+"/mes-activites.ics"
	}
	v := view{Title: "Agendas et flux iCalendar", Section: "planification", WS: ws}
	s.renderComponent(w, r, http.StatusOK, v, planningAgendaContent(v, data))
}

// newAgendaToken makes a new secret link (the old one stops working) and shows it this once: only its hash
// is kept.
func (s *Server) newAgendaToken(w http.ResponseWriter, r *http.Request, ws *workspace) {
	token, hash := auth.NewToken()
	if err := s.store.SetCalendarToken(r.Context(), actor(r), ws.Authority.ID, currentUser(r).ID, hash); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.renderAgenda(w, r, ws, token)
}

// tokenWorkspace resolves a calendar secret to the workspace and person, checking the person still belongs
// to the workspace; any failure is a plain 404, so the URL space says nothing.
func (s *Server) tokenWorkspace(r *http.Request) (*workspace, *model.User, bool) {
	authorityID, userID, err := s.store.CalendarTokenOwner(r.Context(), auth.HashToken(r.PathValue("token")))
	if err != nil {
		return nil, nil, false
	}
	role, err := s.store.RoleIn(r.Context(), authorityID, userID)
	if err != nil || !access.Can(role, access.ViewWorkspace) {
		return nil, nil, false
	}
	a, err := s.store.AuthorityByID(r.Context(), authorityID)
	if err != nil {
		return nil, nil, false
	}
	u, err := s.store.UserByID(r.Context(), userID)
	if err != nil {
		return nil, nil, false
	}
	return &workspace{Authority: a, Role: role}, &u, true
}

// tokenFeed serves a person's subscription: the whole calendar of the live strategies, or their activities.
func (s *Server) tokenFeed(mineOnly bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ws, u, ok := s.tokenWorkspace(r)
		if !ok {
			http.NotFound(w, r)
			return
		}
		list, err := s.store.Strategies(r.Context(), ws.Authority.ID)
		if err != nil {
			http.Error(w, "Erreur du serveur", http.StatusInternalServerError)
			return
		}
		name, f := "Stratégie internationale — "+ws.Authority.Name, feedFilter{}
		if mineOnly {
			name, f = "Mes activités — "+ws.Authority.Name, feedFilter{person: u}
		}
		cal, err := s.feed(r.Context(), ws, liveStrategies(list), name, f)
		if err != nil {
			http.Error(w, "Erreur du serveur", http.StatusInternalServerError)
			return
		}
		writeFeed(w, r, cal, "private, max-age=300")
	}
}

// publishes reports whether the authority's public calendar has any event, so the page links to it only
// when it opens.
func (s *Server) publishes(ctx context.Context, ws *workspace) bool {
	list, err := s.store.Strategies(ctx, ws.Authority.ID)
	if err != nil {
		return false
	}
	cal, err := s.feed(ctx, &workspace{Authority: ws.Authority}, liveStrategies(list), "", feedFilter{publicOnly: true})
	return err == nil && len(cal.Events) > 0
}

// publicFeed serves what the authority chose to publish, to anyone. An authority that publishes nothing
// answers exactly as an unknown one, so the public URL space does not list the workspaces.
func (s *Server) publicFeed(w http.ResponseWriter, r *http.Request) {
	a, err := s.store.AuthorityBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	ws := &workspace{Authority: a}
	list, err := s.store.Strategies(r.Context(), a.ID)
	if err != nil {
		http.Error(w, "Erreur du serveur", http.StatusInternalServerError)
		return
	}
	cal, err := s.feed(r.Context(), ws, liveStrategies(list), "Action internationale — "+a.Name, feedFilter{publicOnly: true})
	if err != nil {
		http.Error(w, "Erreur du serveur", http.StatusInternalServerError)
		return
	}
	if len(cal.Events) == 0 {
		http.NotFound(w, r)
		return
	}
	writeFeed(w, r, cal, "public, max-age=900")
}
