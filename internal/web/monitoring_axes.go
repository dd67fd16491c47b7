package web

import (
	"net/http"
	"net/url"
	"strconv"

	"boussole/internal/logframe"
	"boussole/internal/monitoring"
	"boussole/internal/strategy"
)

// The dashboards by objective, theme, country and ODD (issue 13, item 4): each heading's progress, rolled
// as the objectives are, and a link to the indicators and activities behind it.

// The axes of the dashboards, as they appear in the address (?axe=).
const (
	axisObjective = "objectif"
	axisTheme     = "theme"
	axisCountry   = "pays"
	axisSDG       = "odd"
)

// axesParts are what the dashboards read beyond the board: the projects, which tie themes and countries
// to the framework.
const axesParts = strategy.PartFunding

// axisView is one dashboard: its headings, or why it has none.
type axisView struct {
	Key, Title, Intro, Empty string
	Groups                   []groupView
}

// groupView is one heading with its progress.
type groupView struct {
	Label, Note string
	Rollup      rollupView
	Indicators  int
	Activities  int
	Href        string // the indicators and activities behind the figure
}

// axesPage is the page of the four dashboards.
type axesPage struct {
	Strategy     rollupView
	Fresh        freshnessView
	Axes         []axisView
	CoverageRule string
	RollupRule   string
	NoIndicators bool
}

// heading is a dashboard heading with what it covers and its roll-up.
type heading struct {
	monitoring.Heading
	Cover  monitoring.Coverage
	Rollup monitoring.Rollup
}

// axes builds the four dashboards' headings from the board and the strategy's projects.
func (b *board) axes(agg *strategy.Strategy) map[string][]heading {
	lf := b.F.Logframe
	roll := func(hs []monitoring.Heading) []heading {
		out := make([]heading, len(hs))
		for i, h := range hs {
			c := monitoring.CoverageOf(lf, h.Elements)
			out[i] = heading{Heading: h, Cover: c, Rollup: c.Roll(b.progress, b.weights, b.completion)}
		}
		return out
	}
	var objectives []heading
	if lf.Key.General != nil {
		ref := logframe.Ref{Kind: logframe.KindGeneralObjective, ID: lf.Key.General.ID}
		c := monitoring.CoverageOf(lf, []logframe.Ref{ref})
		objectives = append(objectives, heading{Heading: monitoring.Heading{Key: "general", Label: "Objectif général — " + lf.Key.General.Title,
			Note: "ses propres indicateurs"}, Cover: c, Rollup: c.Roll(b.progress, b.weights, b.completion)})
	}
	for _, o := range b.F.Objectives {
		ref := logframe.Ref{Kind: logframe.KindSpecificObjective, ID: o.ID}
		// An objective's figure is the framework's roll-up (through its results), as on the dashboard.
		objectives = append(objectives, heading{Heading: monitoring.Heading{Key: strconv.FormatInt(o.ID, 10),
			Label: "Objectif " + b.View.Numbers.Of(ref) + " — " + o.Title}, Cover: monitoring.CoverageOf(lf, []logframe.Ref{ref}), Rollup: b.Tree.Objectives[o.ID]})
	}
	projects := agg.Funding.Projects
	return map[string][]heading{
		axisObjective: objectives,
		axisTheme:     roll(monitoring.ThemeHeadings(b.F.Thematic, projects)),
		axisCountry:   roll(monitoring.CountryHeadings(b.F.Geo, projects)),
		axisSDG:       roll(monitoring.SDGHeadings(b.F.Tags, projects)),
	}
}

// axisDefs are the four dashboards in their order, with their texts.
var axisDefs = []struct{ Key, Title, Intro, Empty string }{
	{axisObjective, "Par objectif", "L'avancement de chaque objectif, fait de ses indicateurs et de ceux de ses résultats.",
		"La stratégie n'a pas encore d'objectif : définissez-les dans le cadre logique."},
	{axisTheme, "Par thème", "Les priorités thématiques de la stratégie, par les éléments du cadre que servent leurs projets.",
		"Aucune priorité thématique : définissez-les dans « Priorités » du cadre logique, puis rattachez-y les projets dans « Financements »."},
	{axisCountry, "Par pays", "Les priorités géographiques (pays, collectivités partenaires, régions), par leurs activités et leurs projets ; puis les pays des projets hors priorités.",
		"Aucune priorité géographique ni projet situé : définissez les priorités géographiques dans le cadre logique et rattachez-y des activités."},
	{axisSDG, "Par ODD", "Les objectifs de développement durable auxquels contribuent les éléments du cadre (par leurs étiquettes ODD) et les projets.",
		"Aucun élément n'est encore étiqueté par un ODD : ajoutez les étiquettes dans « ODD » du cadre logique."},
}

func (s *Server) showMonitoringAxes(w http.ResponseWriter, r *http.Request, ws *workspace) {
	b, agg, ok := s.loadBoardWith(w, r, ws, axesParts)
	if !ok {
		return
	}
	all := b.axes(agg)
	page := axesPage{Strategy: newRollupView(b.Tree.Strategy), Fresh: newFreshnessView(b.Fresh), CoverageRule: monitoring.CoverageRule,
		RollupRule: monitoring.RollupRule, NoIndicators: len(b.F.Indicators) == 0}
	for _, d := range axisDefs {
		a := axisView{Key: d.Key, Title: d.Title, Intro: d.Intro, Empty: d.Empty}
		for _, h := range all[d.Key] {
			a.Groups = append(a.Groups, groupView{Label: h.Label, Note: h.Note, Rollup: newRollupView(h.Rollup), Indicators: len(h.Cover.Indicators),
				Activities: len(h.Cover.Activities), Href: axisHref(ws, d.Key, h.Key)})
		}
		page.Axes = append(page.Axes, a)
	}
	s.renderComponent(w, r, http.StatusOK, view{Title: "Tableaux de bord par axe", WS: ws, Section: monitoringSection},
		monitoringAxesContent(ws, page))
}

func axisHref(ws *workspace, axis, key string) string {
	return ws.Prefix() + "/suivi-evaluation/tableaux/detail?" + url.Values{"axe": {axis}, "cle": {key}}.Encode()
}

// axisDetailPage is what one figure of a dashboard is made of.
type axisDetailPage struct {
	Axis         string
	Label, Note  string
	Rollup       rollupView
	Lines        []indicatorLine
	Activities   []activityLine
	CoverageRule string
	Back         string
}

// activityLine is an activity as the detail shows it, with its completion from the planning.
type activityLine struct {
	Num, Title string
	Done       string // « 40 % », « non planifiée »
	Href       string
}

func (s *Server) showMonitoringAxisDetail(w http.ResponseWriter, r *http.Request, ws *workspace) {
	axis, key := r.URL.Query().Get("axe"), r.URL.Query().Get("cle")
	b, agg, ok := s.loadBoardWith(w, r, ws, axesParts)
	if !ok {
		return
	}
	var found *heading
	var title string
	for _, d := range axisDefs {
		if d.Key != axis {
			continue
		}
		title = d.Title
		for _, h := range b.axes(agg)[axis] {
			if h.Key == key {
				found = &h
				break
			}
		}
	}
	if found == nil {
		s.notFound(w, r)
		return
	}
	page := axisDetailPage{Axis: title, Label: found.Label, Note: found.Note, Rollup: newRollupView(found.Rollup), CoverageRule: monitoring.CoverageRule,
		Back: ws.Prefix() + "/suivi-evaluation/tableaux#axe-" + axis}
	for _, id := range found.Cover.Indicators {
		if a, in, ok := b.assessment(id); ok {
			page.Lines = append(page.Lines, b.line(ws, a, in))
		}
	}
	for _, id := range found.Cover.Activities {
		for _, act := range b.F.Activities {
			if act.ID != id {
				continue
			}
			l := activityLine{Num: b.View.Numbers.Of(logframe.Ref{Kind: logframe.KindActivity, ID: id}), Title: act.Title, Done: "non planifiée",
				Href: ws.Prefix() + "/planification"}
			if c, ok := b.completion[id]; ok {
				l.Done = progressPercent(c) + " réalisé"
			}
			page.Activities = append(page.Activities, l)
		}
	}
	s.renderComponent(w, r, http.StatusOK, view{Title: title + " : " + found.Label, WS: ws, Section: monitoringSection},
		monitoringAxisDetailContent(ws, page))
}

// loadBoardWith is loadBoard reading more parts.
func (s *Server) loadBoardWith(w http.ResponseWriter, r *http.Request, ws *workspace, more strategy.Part) (*board, *strategy.Strategy, bool) {
	st, _, ok, err := s.viewedStrategy(r, ws)
	if err != nil {
		s.storeFailed(w, r, err)
		return nil, nil, false
	}
	if !ok {
		s.renderNoStrategy(w, r, ws, monitoringSection)
		return nil, nil, false
	}
	return s.boardWith(w, r, ws, st.ID, more)
}

// rollupCount says how many of a roll-up's parts are known: « (2 éléments connus sur 5, moyenne pondérée) ».
func rollupCount(rv rollupView) string {
	t := "(" + strconv.Itoa(rv.Known) + " élément" + plural(rv.Known, "s") + " connu" + plural(rv.Known, "s") + " sur " + strconv.Itoa(rv.Total)
	if rv.Weighted {
		t += ", moyenne pondérée"
	}
	return t + ")"
}
