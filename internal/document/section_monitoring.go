package document

import (
	"slices"
	"strconv"
	"strings"

	"boussole/internal/refdata/sdg"
	"boussole/internal/schedule"
)

// monitoringSection says who updates which indicator and how often, and which evaluations are planned.
func monitoringSection(src *Source, ord *order) []Block {
	var out []Block
	list := ord.indicators()
	if len(list) == 0 {
		out = append(out, missing(src, "Aucun indicateur n'est encore défini : le suivi n'a rien à mesurer.", "Cadre logique › Indicateurs", "/cadre-logique/indicateurs"))
	} else {
		t := Table{Caption: "Qui mesure quoi, à quel rythme", Header: []string{"Indicateur", "Responsable de la mesure", "Périodicité", "Sources", "Publié"},
			Widths: []float64{3, 2, 1.2, 2, 0.8}}
		for _, in := range list {
			public := "non"
			if in.Public {
				public = "oui"
			}
			t.Rows = append(t.Rows, []string{in.Title, orUnknown(in.Owner), orUnknown(in.Periodicity), orUnknown(strings.Join(in.Sources, " ; ")), public})
		}
		out = append(out, t)
	}
	var evals []string
	for _, m := range src.Milestones {
		if m.Kind == schedule.MilestoneMidTerm || m.Kind == schedule.MilestoneFinal || m.Kind == schedule.MilestoneSteering {
			evals = append(evals, m.Kind.Label()+" : "+m.Title+" ("+orUnknown(m.Date.String())+")")
		}
	}
	out = append(out, Heading{Level: 2, Text: "Évaluations et instances de pilotage"})
	if len(evals) == 0 {
		return append(out, missing(src, "Aucune évaluation ni comité de pilotage n'est encore placé dans le calendrier.", "Planification › Jalons", "/planification/jalons"))
	}
	return append(out, List{Items: evals})
}

// annexesSection lists the stakeholders and the ODD goals the strategy serves.
func annexesSection(src *Source, _ *order) []Block {
	var out []Block
	out = append(out, Heading{Level: 2, Text: "Objectifs de développement durable visés"})
	if goals := goalsOf(src); len(goals) > 0 {
		out = append(out, List{Items: goals})
	} else {
		out = append(out, missing(src, "Aucun élément de la stratégie n'est encore relié aux ODD.", "Stratégie › ODD", "/strategie/odd"))
	}
	out = append(out, Heading{Level: 2, Text: "Parties prenantes"})
	if len(src.Stakeholders) == 0 {
		return append(out, missing(src, "Aucune partie prenante n'est encore cartographiée.", "Acteurs", "/acteurs"))
	}
	t := Table{Caption: "Liste des parties prenantes", Header: []string{"Acteur", "Type", "Territoire", "Thèmes"}, Widths: []float64{2.5, 1.5, 1.5, 2.5}}
	for _, s := range src.Stakeholders {
		t.Rows = append(t.Rows, []string{s.Name, s.Kind.Label(), orUnknown(s.Territory), strings.Join(s.Themes, ", ")})
	}
	return append(out, t)
}

// goalsOf returns the ODD goals tagged anywhere in the framework, by number: « ODD 11 : Villes et
// communautés durables ».
func goalsOf(src *Source) []string {
	s := &src.Framework
	var codes []string
	if s.Key.General != nil {
		codes = append(codes, s.Key.General.SDG...)
	}
	for _, o := range s.Objectives {
		codes = append(codes, o.SDG...)
	}
	for _, r := range s.Results {
		codes = append(codes, r.SDG...)
	}
	for _, a := range s.Activities {
		codes = append(codes, a.SDG...)
	}
	for _, in := range s.Indicators {
		codes = append(codes, in.SDG...)
	}
	seen := map[int]bool{}
	for _, c := range codes {
		goal, _, _ := strings.Cut(c, ".")
		if n, err := strconv.Atoi(goal); err == nil {
			seen[n] = true
		}
	}
	var nums []int
	for n := range seen {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	var out []string
	for _, n := range nums {
		if g, ok := sdg.GoalByNumber(n); ok {
			out = append(out, "ODD "+strconv.Itoa(n)+" : "+g.Short)
		}
	}
	return out
}
