package templates

import (
	"fmt"
	"html/template"
	"strings"
)

// demoWorkspace is the demo authority seen by its officer, as on the demo's pages.
func demoWorkspace(here string) *workspace {
	st := strategy{ID: 1, Title: "Stratégie d'action internationale 2026–2032", TermStart: 2026, TermEnd: 2032, Status: "preparation"}
	return &workspace{Authority: authority{Name: "Grand Belval Agglomération", Slug: "grand-belval"}, Role: "agent",
		Strategy: &st, Strategies: []strategy{st, {ID: 2, Title: "Stratégie 2020–2026", TermStart: 2020, TermEnd: 2026, Status: "preparation"}}, Here: here}
}

// homeView is the demo's strategy home page: the tracker's ten parts, the framework and diagnostic blocks.
func homeView() view {
	ws := demoWorkspace("/ct/grand-belval/")
	d := &homeData{Strategy: *ws.Strategy, Progress: progress{Done: 3, Total: 10}, Current: definition{Title: "Diagnostic"},
		Advice: "Le calendrier conseillé par le guide place la délibération dans neuf mois : gardez de la marge pour la concertation."}
	statuses := []labelled{"fait", "fait", "fait", "en-cours", "a-faire", "a-faire", "a-faire", "a-faire", "a-faire", "a-faire"}
	for i, s := range statuses {
		step := fmt.Sprintf("etape-%d", i+1)
		d.Steps = append(d.Steps, trackerRow{State: stepState{Step: step, Status: s, Owner: "Direction des relations internationales"},
			Def:  definition{Title: "Étape " + fmt.Sprint(i+1) + " de la méthode", Summary: "Ce que le guide demande à cette étape, en une phrase tirée du guide de Cités Unies France.", CrossCut: i > 6},
			Late: i == 3, Href: "/ct/grand-belval/strategies/1/etapes/" + step, Planned: "du 5 janvier 2026 au 30 juin 2026"})
	}
	d.Framework = &frameworkHome{Report: report{Filled: 7, Parts: 12, Missing: []string{"la mission", "les valeurs", "les risques", "les indicateurs", "le budget"}, Overall: 58,
		Steps: []stepScore{{"cle", 80}, {"cadre", 55}, {"suivi", 30}}},
		Top: []finding{{"bloquant", "/ct/grand-belval/cadre-logique#os-1", "L'objectif spécifique « Jeunesse » n'a aucun résultat attendu."},
			{"a-corriger", "/ct/grand-belval/cadre-logique/indicateurs#i-3", "L'indicateur « Nombre de jeunes en mobilité » n'a pas de valeur de référence."},
			{"conseil", "/ct/grand-belval/strategie#vision", "La vision pourrait nommer le territoire et l'horizon."}}, Hidden: 2}
	d.Diagnostic = &diagnosticHome{Prefix: ws.Prefix(), Assessed: true, Met: 5, Total: 8, SWOTItems: 24, CanEdit: true,
		Missing: []missing{{"Portage politique", "Un élu porte la démarche et en rend compte."}, {"Moyens humains", "Une personne y consacre du temps."}, {"Concertation", "Les acteurs du territoire sont associés."}}}
	return view{Title: d.Strategy.Title, Section: "accueil", User: &user{Name: "Camille Agent"}, WS: ws, Demo: true, Data: d, Unread: 2}
}

// swotView is the AFOM matrix with n items over every quadrant and scope, as BenchmarkDiagnosticPages fills it.
func swotView(n int) view {
	ws := demoWorkspace("/ct/grand-belval/diagnostic/afom")
	quads := []labelled{"forces", "faiblesses", "opportunites", "menaces"}
	scopes := []labelled{"ct", "territoire", "acteurs", "populations", "dynamiques"}
	d := &swotData{Strategy: *ws.Strategy, CanEdit: true, Uncovered: []labelled{"populations"}, Count: n}
	for _, q := range quads {
		sq := swotQuadrant{Quadrant: q}
		for i := range 5 {
			sq.Questions = append(sq.Questions, question{Text: fmt.Sprintf("Question %d du guide pour ce quadrant : qu'est-ce qui distingue le territoire ?", i+1), Boussole: i == 4})
		}
		d.Quadrants = append(d.Quadrants, sq)
	}
	for i := range n {
		q := &d.Quadrants[i%4]
		id := int64(i + 1)
		row := swotRow{ID: id, URL: fmt.Sprintf("/ct/grand-belval/diagnostic/afom/%d", id),
			Item: swotItem{Quadrant: quads[i%4], Scope: scopes[(i/4)%5], Weight: 1 + i%3, ProposedBy: "Atelier des référents",
				Text:     fmt.Sprintf("Élément %03d : un constat du diagnostic territorial, formulé en une ou deux phrases comme en atelier", i),
				Evidence: "Étude de la chambre de commerce, 2025"}}
		if i%5 == 0 {
			row.Answers = []answer{{"/ct/grand-belval/cadre-logique/objectifs/1", "OS 1 — Jeunesse"}}
		}
		q.Items = append(q.Items, row)
	}
	for i := range d.Quadrants {
		if k := len(d.Quadrants[i].Items); k > 0 {
			d.Quadrants[i].Items[0].First, d.Quadrants[i].Items[k-1].Last = true, true
		}
	}
	d.Figure = template.HTML(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 600" role="img"><title>Matrice AFOM</title>` +
		strings.Repeat(`<rect x="10" y="10" width="380" height="280" fill="#eef"/><text x="20" y="40">Élément</text>`, n) + `</svg>`)
	return view{Title: "Matrice AFOM", Section: "diagnostic", User: &user{Name: "Camille Agent"}, WS: ws, Demo: true, Data: d}
}
