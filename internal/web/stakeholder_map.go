package web

import (
	"html/template"
	"net/http"
	"strconv"

	"boussole/internal/figure/stakeholdermap"
	"boussole/internal/stakeholder"
)

// figureKind names one of the three pictures of the map.
type figureKind struct {
	path   string // tab path
	title  string
	intro  string
	draw   func(list []stakeholder.Stakeholder, rels []stakeholder.Relation) ([]byte, stakeholdermap.Alt)
	withRe bool // needs the relations
}

var (
	gridFigure = figureKind{"/grille", "Grille pouvoir/intérêt",
		"Chaque acteur est placé selon son pouvoir (le plus fort de ses quatre critères de pouvoir) et son intérêt. Le quadrant dit l'engagement qu'il appelle : gérer de près, satisfaire, informer, surveiller. Les acteurs internes sont des carrés, les externes des ronds.",
		func(l []stakeholder.Stakeholder, _ []stakeholder.Relation) ([]byte, stakeholdermap.Alt) {
			return stakeholdermap.Grid("grille", l), stakeholdermap.GridAlt(l)
		}, false}
	salienceFigure = figureKind{"/saillance", "Diagramme de saillance",
		"Les trois cercles sont le pouvoir, la légitimité et l'intérêt (Mitchell, Agle et Wood). Un acteur qui réunit les trois est une partie prenante « définitive », à associer à chaque étape.",
		func(l []stakeholder.Stakeholder, _ []stakeholder.Relation) ([]byte, stakeholdermap.Alt) {
			return stakeholdermap.Salience("saillance", l), stakeholdermap.SalienceAlt(l)
		}, false}
	networkFigure = figureKind{"/reseau", "Réseau des acteurs",
		"Les acteurs sont disposés en cercle par type ; les liens montrent qui est membre de quoi, qui finance qui, qui est partenaire ou influence qui.",
		func(l []stakeholder.Stakeholder, r []stakeholder.Relation) ([]byte, stakeholdermap.Alt) {
			return stakeholdermap.Network("reseau", l, r), stakeholdermap.NetworkAlt(l, r)
		}, true}
)

func (s *Server) showStakeholderGrid(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.showFigure(w, r, ws, gridFigure)
}

func (s *Server) showStakeholderSalience(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.showFigure(w, r, ws, salienceFigure)
}

func (s *Server) showStakeholderNetwork(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.showFigure(w, r, ws, networkFigure)
}

// showFigure draws one picture of the filtered map, with its text alternative as a table below it.
func (s *Server) showFigure(w http.ResponseWriter, r *http.Request, ws *workspace, fig figureKind) {
	m, err := s.loadActorMap(r, ws, fig.withRe)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	f := readStakeholderFilter(r.URL.Query())
	idx := f.apply(m.List)
	list := make([]stakeholder.Stakeholder, len(idx))
	for k, i := range idx {
		list[k] = m.List[i]
	}
	var svg []byte
	var alt stakeholdermap.Alt
	if len(list) > 0 {
		svg, alt = fig.draw(list, m.Relations)
	}
	v := view{Title: fig.title, WS: ws, Section: stakeholderSection}
	s.renderComponent(w, r, http.StatusOK, v, stakeholderFigureContent(v, stakeholderFigurePage{
		Tabs: tabsHTML(ws, fig.path, f.Encode()), Intro: fig.intro, Path: fig.path, Filter: f, Choices: choicesFor(m.List),
		Total: len(m.List), Shown: len(list), SVG: template.HTML(svg), Alt: alt, Rows: altRows(ws, list, alt.Rows),
	}))
}

func (s *Server) showEngagementPlan(w http.ResponseWriter, r *http.Request, ws *workspace) {
	m, err := s.loadActorMap(r, ws, false)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	plan := stakeholder.Plan(m.List)
	undecided := 0
	for _, sh := range m.List {
		if !sh.Engagement.Level.Valid() {
			undecided++
		}
	}
	v := view{Title: "Plan d'engagement des parties prenantes", WS: ws, Section: stakeholderSection}
	s.renderComponent(w, r, http.StatusOK, v, stakeholderPlanContent(v, stakeholderPlanPage{
		Tabs: tabsHTML(ws, "/engagement", ""), Plan: plan, Total: len(m.List), Undecided: undecided, Levels: stakeholder.Levels(),
	}))
}

// altCell is one cell of a figure's text alternative; Href links a stakeholder's name to its page.
type altCell struct {
	Text, Href string
}

// altRows turns the text alternative's rows into cells, linking the cells that hold a stakeholder's name
// when that name is unique. Done here once rather than by a map lookup per cell in the template, which
// cost more than the figure itself on a network of a thousand relations.
func altRows(ws *workspace, list []stakeholder.Stakeholder, rows [][]string) [][]altCell {
	links := make(map[string]string, len(list))
	prefix := ws.Prefix() + "/acteurs/"
	for _, sh := range list {
		if _, seen := links[sh.Name]; seen {
			links[sh.Name] = ""
			continue
		}
		links[sh.Name] = prefix + strconv.FormatInt(sh.ID, 10)
	}
	out := make([][]altCell, len(rows))
	for i, row := range rows {
		cells := make([]altCell, len(row))
		for j, c := range row {
			cells[j] = altCell{Text: c, Href: links[c]}
		}
		out[i] = cells
	}
	return out
}
