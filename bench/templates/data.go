//go:generate go run github.com/a-h/templ/cmd/templ@v0.3.1118 generate -path .

// Package templates measures one question: would a compiled template layer (templ) render Boussole's two
// most visited pages at least twice as fast as html/template? The data types below mirror the page data of
// internal/web (field for field, method for method), the html/template files are the product's templates for
// those pages, and pages.templ writes the same markup; the test checks both give the same page before timing.
package templates

import (
	"html/template"
	"strconv"
	"strings"
)

// labelled is a kind whose French label the templates show.
type labelled string

// Label returns the French label.
func (l labelled) Label() string { return labels[string(l)] }

var labels = map[string]string{
	"agent": "Chargé·e de mission", "preparation": "En préparation", "fait": "Terminé", "en-cours": "En cours",
	"a-faire": "À faire", "bloquant": "Bloquant", "a-corriger": "À corriger", "conseil": "Conseil",
	"forces": "Forces", "faiblesses": "Faiblesses", "opportunites": "Opportunités", "menaces": "Menaces",
	"ct": "La collectivité", "territoire": "Le territoire", "acteurs": "Les acteurs", "populations": "Les populations",
	"dynamiques": "Les dynamiques", "cle": "Éléments clés", "cadre": "Cadre logique", "suivi": "Suivi",
}

type user struct {
	Name          string
	PlatformAdmin bool
}

type authority struct{ Name, Slug string }

type strategy struct {
	ID                 int64
	Title              string
	TermStart, TermEnd int
	Status             labelled
	AdoptedOn          adoptedOn
}

// Term returns the mandature as « 2026–2032 ».
func (s strategy) Term() string { return strconv.Itoa(s.TermStart) + "–" + strconv.Itoa(s.TermEnd) }

type adoptedOn struct{ Day int }

func (a adoptedOn) String() string { return "" }

type workspace struct {
	Authority  authority
	Role       labelled
	Strategy   *strategy
	Strategies []strategy
	Here       string
}

// Prefix returns the URL prefix of the workspace.
func (w *workspace) Prefix() string { return "/ct/" + w.Authority.Slug }

type navItem struct {
	Href, Label string
	Current     bool
}

// view is what every page template receives, as in internal/web/render.go.
type view struct {
	Title, Section string
	User           *user
	WS             *workspace
	Demo           bool
	Notice         string
	Data           any
	Unread         int
}

// Nav returns the workspace navigation, built in Go as in the product.
func (v view) Nav() []navItem {
	p := v.WS.Prefix()
	items := []navItem{{p + "/", "Accueil", v.Section == "accueil"}}
	for _, s := range [][2]string{{"sensibilisation", "Sensibilisation"}, {"diagnostic", "Diagnostic"}, {"acteurs", "Acteurs"},
		{"strategie", "Stratégie"}, {"cadre-logique", "Cadre logique"}, {"planification", "Planification"}, {"suivi", "Suivi"},
		{"commentaires", "Commentaires"}, {"membres", "Membres"}, {"journal", "Journal"}} {
		items = append(items, navItem{p + "/" + s[0], s[1], v.Section == s[0]})
	}
	return items
}

// --- the home page ---

type progress struct {
	Done, Total int
	Adopted     bool
}

type definition struct {
	Title, Summary string
	CrossCut       bool
}

type stepState struct {
	Step   string
	Status labelled
	Owner  string
}

type trackerRow struct {
	State         stepState
	Def           definition
	Late          bool
	Href, Planned string
}

type milestone struct {
	Date  string
	Title string
}

type homeBrief struct {
	Vision, General string
	Objectives      []string
	Adopted         bool
	AdoptedOn       string
	Current         string
	Deliberation    string
	Upcoming        []milestone
	Prefix          string
	StrategyID      int64
	CanComment      bool
}

type missing struct{ Label, Detail string }

type diagnosticHome struct {
	Prefix                string
	ReadFailed, Assessed  bool
	Met, Total, SWOTItems int
	Missing               []missing
	CanEdit               bool
}

type stepScore struct {
	Step  labelled
	Score int
}

type report struct {
	Filled, Parts int
	Missing       []string
	Steps         []stepScore
	Overall       int
}

// FilledText and MissingText are the framework report's sentences, as in internal/logframe.
func (r report) FilledText() string {
	s := ""
	if r.Filled > 1 {
		s = "s"
	}
	return strconv.Itoa(r.Filled) + " élément" + s + " sur " + strconv.Itoa(r.Parts) + " renseigné" + s
}

func (r report) MissingText(limit int) string {
	m := r.Missing
	switch {
	case len(m) == 0:
		return ""
	case len(m) == 1:
		return " ; reste à écrire : " + m[0]
	case len(m) <= limit:
		return " ; restent à écrire : " + strings.Join(m[:len(m)-1], ", ") + " et " + m[len(m)-1]
	}
	return " ; restent à écrire : " + strings.Join(m[:limit], ", ") + " et " + strconv.Itoa(len(m)-limit) + " autres"
}

type finding struct {
	Severity     labelled
	URL, Message string
}

type frameworkHome struct {
	Report            report
	Complete, Adopted bool
	Top               []finding
	Hidden            int
}

type homeData struct {
	Strategy   strategy
	Steps      []trackerRow
	Progress   progress
	Current    definition
	Advice     string
	Requests   []string
	Diagnostic *diagnosticHome
	Framework  *frameworkHome
	Brief      *homeBrief
}

// --- the AFOM matrix ---

type question struct {
	Text     string
	Boussole bool
}

type swotItem struct {
	Quadrant                   labelled
	Scope                      labelled
	Text, Evidence, ProposedBy string
	Weight                     int
	LeftAside                  bool
	AsideReason                string
}

type answer struct{ URL, Label string }

type swotRow struct {
	ID          int64
	Item        swotItem
	URL         string
	First, Last bool
	Answers     []answer
}

type swotQuadrant struct {
	Quadrant  labelled
	Questions []question
	Items     []swotRow
}

type swotData struct {
	Strategy  strategy
	CanEdit   bool
	Uncovered []labelled
	Quadrants []swotQuadrant
	Figure    template.HTML // the SVG, already drawn
	Count     int
}
