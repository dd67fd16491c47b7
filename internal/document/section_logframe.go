package document

import (
	"strings"

	lffig "boussole/internal/figure/logframe"
	"boussole/internal/frfmt"
	"boussole/internal/logframe"
)

// logframeSection is the guide's logical framework as a table: intervention logic, indicators, sources of
// verification and assumptions, level by level, with the activities' means and costs; the tree figure first.
func logframeSection(src *Source, ord *order) []Block {
	s := &src.Framework
	if s.Key.General == nil && len(ord.objectives) == 0 {
		return []Block{missing(src, "Le cadre logique est vide.", "Cadre logique", "/cadre-logique")}
	}
	out := []Block{Figure{SVG: lffig.Tree(*s, lffig.Options{IDPrefix: "doc-arbre", ShowActivities: true}), Title: "Arbre des objectifs",
		Desc: "L'objectif général, les objectifs spécifiques et leurs résultats attendus, repris dans le tableau qui suit."}}
	t := Table{Caption: "Cadre logique", Header: []string{"Niveau", "Logique d'intervention", "Indicateurs", "Sources de vérification", "Hypothèses"},
		Widths: []float64{1.1, 3, 2.2, 2, 2}}
	add := func(level, title string, ref logframe.Ref) {
		var names, sources []string
		for _, in := range ord.indicatorsOf(ref) {
			names = append(names, in.Title)
			sources = append(sources, in.Sources...)
		}
		t.Rows = append(t.Rows, []string{level, title, strings.Join(names, "\n"), strings.Join(sources, "\n"), strings.Join(ord.assumptionsOf(ref), "\n")})
	}
	if g := s.Key.General; g != nil {
		add("Objectif général", g.Title, logframe.Ref{Kind: logframe.KindGeneralObjective, ID: g.ID})
	}
	for _, o := range ord.objectives {
		ref := logframe.Ref{Kind: logframe.KindSpecificObjective, ID: o.ID}
		add(ord.levelName(ref), o.Title, ref)
		for _, r := range ord.results[o.ID] {
			rref := logframe.Ref{Kind: logframe.KindResult, ID: r.ID}
			add(ord.levelName(rref), r.Title, rref)
			for _, a := range ord.activities[r.ID] {
				aref := logframe.Ref{Kind: logframe.KindActivity, ID: a.ID}
				t.Rows = append(t.Rows, []string{ord.levelName(aref), a.Title, "Moyens : " + orUnknown(a.Resources),
					"Coût : " + frfmt.EurosOrUnknown(a.CostCents), strings.Join(ord.assumptionsOf(aref), "\n")})
			}
		}
	}
	return append(out, t)
}

// baselineText is an indicator's starting point as a reader says it.
func baselineText(in logframe.Indicator) string {
	b := in.Baseline
	if b == nil {
		return "non renseigné"
	}
	var s string
	switch {
	case b.Value != nil:
		s = b.Value.French()
		if in.Unit != "" {
			s += " " + in.Unit
		}
	case b.Text != "":
		s = b.Text
	default:
		s = "non renseigné"
	}
	if !b.Date.IsZero() {
		s += " (" + b.Date.String() + ")"
	}
	return s
}

// targetsText lists an indicator's targets: « 120 personnes en 2029 ; 200 personnes en 2032 ».
func targetsText(in logframe.Indicator) string {
	var parts []string
	for _, t := range in.Targets {
		v := t.Text
		if t.Value != nil {
			v = t.Value.French()
			if in.Unit != "" {
				v += " " + in.Unit
			}
		}
		if v == "" {
			v = "valeur non renseignée"
		}
		if !t.Date.IsZero() {
			v += " " + t.Date.Prefixed()
		}
		parts = append(parts, v)
	}
	if len(parts) == 0 {
		return "non renseigné"
	}
	return strings.Join(parts, " ; ")
}

// indicatorsSection is the table of indicators: unit, baseline, target, periodicity, sources.
func indicatorsSection(src *Source, ord *order) []Block {
	list := ord.indicators()
	if len(list) == 0 {
		return []Block{missing(src, "Aucun indicateur n'est encore défini.", "Cadre logique › Indicateurs", "/cadre-logique/indicateurs")}
	}
	t := Table{Caption: "Indicateurs", Header: []string{"Niveau", "Indicateur", "Unité", "Valeur de référence", "Cible", "Périodicité", "Sources"},
		Widths: []float64{1.1, 2.6, 1, 1.6, 1.8, 1.1, 1.8}}
	for _, in := range list {
		unit := in.Unit
		if unit == "" {
			unit = in.Measure.Label()
		}
		t.Rows = append(t.Rows, []string{ord.levelName(in.Level), in.Title, unit, baselineText(in), targetsText(in), orUnknown(in.Periodicity),
			orUnknown(strings.Join(in.Sources, " ; "))})
	}
	return []Block{t}
}
