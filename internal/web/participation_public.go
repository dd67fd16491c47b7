package web

import (
	"context"
	"errors"
	"html/template"
	"net/http"
	"sort"
	"strings"
	"time"

	"boussole/internal/consultation"
	"boussole/internal/figure/worldmap"
	"boussole/internal/ical"
	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/monitoring"
	"boussole/internal/publicpage"
	"boussole/internal/store"
	"boussole/internal/strategy"
)

// publicPage is what /public/{slug} shows: only the parts the authority marked public.
type publicPage struct {
	Authority model.Authority
	Profile   publicpage.Profile
	Strategy  *publicStrategy // nil when no strategy part is marked public, or the authority has none
	Adopted   []model.Strategy
	Events    []ical.Event // the next events of the public calendar
	FeedURL   string
	Open      []publicConsultation
	Past      []publicConsultation
}

// publicStrategy is the strategy summary, each part nil or empty unless marked public.
type publicStrategy struct {
	Strategy   model.Strategy
	Key        *logframe.KeyElementsRecord
	Objectives []logframe.ObjectiveRecord
	Geo        []logframe.GeoPriorityRecord
	Themes     []logframe.ThematicPriorityRecord
	Indicators []logframe.IndicatorRecord // those marked public on the framework's indicator page
	Measured   map[int64]publicpage.Measured
	Map        template.HTML // the countries of the geographic priorities, when there are some
	MapText    string
}

// MeasuredOf is what the page says of a public indicator's progress.
func (p *publicStrategy) MeasuredOf(in logframe.IndicatorRecord) publicpage.Measured {
	return p.Measured[in.ID]
}

// Empty reports whether no part of the strategy has anything to show.
func (p *publicStrategy) Empty() bool {
	return p.Key == nil && len(p.Objectives) == 0 && len(p.Geo) == 0 && len(p.Themes) == 0 && len(p.Indicators) == 0
}

// LastTarget returns an indicator's latest target, for the public table.
func (p *publicStrategy) LastTarget(in logframe.IndicatorRecord) *logframe.Target {
	if len(in.Targets) == 0 {
		return nil
	}
	return &in.Targets[len(in.Targets)-1]
}

// publicConsultation is a consultation as the public page lists it.
type publicConsultation struct {
	C     consultation.Consultation
	Phase consultation.Phase
	URL   string
}

// publicAuthority returns the authority of the path and its profile, when its page is published;
// otherwise it answers 404, exactly as for an unknown authority, so the public URLs list no workspace.
func (s *Server) publicAuthority(w http.ResponseWriter, r *http.Request) (model.Authority, publicpage.Profile, bool) {
	a, err := s.store.AuthorityBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		if !errors.Is(err, store.ErrNotFound) {
			s.log.Error("page publique", "err", err)
		}
		s.notFound(w, r)
		return a, publicpage.Profile{}, false
	}
	p, err := s.store.PublicProfile(r.Context(), a.ID)
	if err != nil {
		s.serverError(w, r, err)
		return a, p, false
	}
	if !p.Published {
		s.notFound(w, r)
		return a, p, false
	}
	return a, p, true
}

// showPublicPage shows the authority's public page.
func (s *Server) showPublicPage(w http.ResponseWriter, r *http.Request) {
	a, p, ok := s.publicAuthority(w, r)
	if !ok {
		return
	}
	d, err := s.loadPublicPage(r.Context(), a, p, time.Now())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := view{Title: "Action internationale de " + a.Name, Cache: "public, max-age=300"}
	s.renderComponent(w, r, http.StatusOK, v, publicPageContent(v, d))
}

func (s *Server) loadPublicPage(ctx context.Context, a model.Authority, p publicpage.Profile, now time.Time) (*publicPage, error) {
	d := &publicPage{Authority: a, Profile: p}
	strategies, err := s.store.Strategies(ctx, a.ID)
	if err != nil {
		return nil, err
	}
	if p.ShowAdoption {
		for _, st := range strategies {
			if st.Adopted() {
				d.Adopted = append(d.Adopted, st)
			}
		}
	}
	// The strategy's summary and the consultations come from one read of the strategy; an authority
	// without a strategy still lists its consultations.
	var consultations []consultation.Consultation
	if focus, ok := publicFocus(strategies); ok {
		// The framework is read always: indicators carry their own public mark.
		whole, err := s.store.ReadStrategy(ctx, a.ID, focus.ID, strategy.PartConsultations|strategy.PartFramework)
		if err != nil {
			return nil, err
		}
		var ms []monitoring.Measurement
		if ms, err = s.store.PublicMeasurements(ctx, a.ID, focus.ID); err != nil {
			return nil, err
		}
		d.Strategy = publicSummary(whole, p, ms, now)
		for _, c := range whole.Consultations {
			if c.Public() {
				consultations = append(consultations, c)
			}
		}
	} else if consultations, err = s.store.PublicConsultations(ctx, a.ID); err != nil {
		return nil, err
	}
	if p.ShowCalendar {
		cal, err := s.feed(ctx, &workspace{Authority: a}, liveStrategies(strategies), "", feedFilter{publicOnly: true})
		if err != nil {
			return nil, err
		}
		d.Events = upcoming(cal.Events, now, 10)
		if len(cal.Events) > 0 {
			d.FeedURL = "/public/" + a.Slug + "/calendrier.ics"
		}
	}
	for _, c := range consultations {
		pc := publicConsultation{C: c, Phase: c.Phase(now), URL: publicConsultationURL(a, c.ID)}
		if pc.Phase == consultation.PhaseClosed {
			d.Past = append(d.Past, pc)
		} else {
			d.Open = append(d.Open, pc)
		}
	}
	return d, nil
}

// publicFocus is the strategy the public page summarises: the one in force, else the one in preparation.
func publicFocus(list []model.Strategy) (model.Strategy, bool) {
	for _, want := range []model.StrategyStatus{model.StrategyCurrent, model.StrategyDraft} {
		for _, st := range list {
			if st.Status == want {
				return st, true
			}
		}
	}
	return model.Strategy{}, false
}

// publicSummary keeps of the strategy only the parts the profile marks public.
func publicSummary(whole *strategy.Strategy, p publicpage.Profile, ms []monitoring.Measurement, now time.Time) *publicStrategy {
	fw := whole.Framework
	out := &publicStrategy{Strategy: whole.Record, Measured: map[int64]publicpage.Measured{}}
	if k := fw.Key; p.ShowKeyElements && (k.Vision != "" || k.Mission != "" || k.GeneralTitle != "") {
		out.Key = &k
	}
	if p.ShowObjectives {
		out.Objectives = fw.Objectives
	}
	if p.ShowPriorities {
		out.Geo, out.Themes = fw.Geo, fw.Thematic
		out.Map, out.MapText = priorityMap(fw.Geo)
	}
	term := monitoring.Term{Start: whole.Record.TermStart, End: whole.Record.HorizonEnd()}
	for _, in := range fw.Indicators {
		if in.Public {
			out.Indicators = append(out.Indicators, in)
			out.Measured[in.ID] = publicpage.Measure(in.Indicator, term, ms, now)
		}
	}
	return out
}

// priorityMap draws the countries of the geographic priorities; none when no priority is a country.
func priorityMap(geo []logframe.GeoPriorityRecord) (template.HTML, string) {
	highlight := map[string]worldmap.Category{}
	for _, g := range geo {
		if g.CountryCode != "" {
			highlight[strings.ToUpper(g.CountryCode)] = worldmap.Category{Label: "Pays prioritaire"}
		}
	}
	if len(highlight) == 0 {
		return "", ""
	}
	return template.HTML(worldmap.Draw(highlight, "Pays prioritaires", //nolint:gosec // the figure package escapes what it draws
		"Carte du monde où sont mis en évidence les pays des priorités géographiques, listés à côté.")), worldmap.TextAlternative(highlight)
}

// upcoming returns the first n events that end today or later, by start.
func upcoming(events []ical.Event, now time.Time, n int) []ical.Event {
	today := consultation.Day(now)
	var out []ical.Event
	for _, e := range events {
		end := e.End
		if !end.After(e.Start) {
			end = e.Start.AddDate(0, 0, 1)
		}
		if end.After(today) {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	if len(out) > n {
		out = out[:n]
	}
	return out
}

func publicConsultationURL(a model.Authority, id int64) string {
	return "/public/" + a.Slug + "/consultations/" + itoa(int(id))
}
