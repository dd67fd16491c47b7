package document

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"boussole/internal/diagnostic"
	"boussole/internal/figure/worldmap"
	"boussole/internal/logframe"
	"boussole/internal/schedule"
)

// OnePage builds « la stratégie en une page » for the élus and the public: the vision, the objectives with
// their results, the partner map, the key figures, the next milestones and the adoption status. It holds
// no table wider than three columns, so it reads on a phone and prints on one A4 page for an ordinary
// strategy.
func OnePage(src Source) Doc {
	ord := newOrder(&src.Framework)
	d := Doc{Kind: KindOnePage, Title: "La stratégie en une page — " + strategyTitle(src), Compact: true,
		Cover: Cover{Authority: src.Authority.Name, Title: strategyTitle(src), Subtitle: "La stratégie en une page", Lines: []string{status(src)}}}
	vision := strings.TrimSpace(src.Framework.Key.Vision)
	if vision == "" {
		d.Sections = append(d.Sections, Section{Title: "Vision", Blocks: []Block{missing(&src, "La vision n'est pas encore rédigée.", "Stratégie › Éléments clés", "/strategie")}})
	} else {
		d.Sections = append(d.Sections, Section{Title: "Vision", Blocks: []Block{Paragraph{Text: vision}}})
	}
	d.Sections = append(d.Sections, Section{Title: "Objectifs et priorités", Blocks: onePageObjectives(&src, ord)})
	d.Sections = append(d.Sections, Section{Title: "Chiffres clés", Blocks: []Block{keyFigures(&src)}})
	d.Sections = append(d.Sections, Section{Title: "Prochaines échéances", Blocks: nextMilestones(&src, 4)})
	if m := partnerMap(&src); m != nil {
		d.Sections = append(d.Sections, Section{Title: "Où la collectivité agit", Blocks: []Block{*m}})
	}
	return d
}

func onePageObjectives(src *Source, ord *order) []Block {
	var out []Block
	if g := src.Framework.Key.General; g != nil {
		out = append(out, Field{Label: "Objectif général", Text: g.Title})
	}
	var items []string
	for _, o := range ord.objectives {
		item := ord.num(logframe.KindSpecificObjective, o.ID) + o.Title
		var rs []string
		for _, r := range ord.results[o.ID] {
			rs = append(rs, r.Title)
		}
		if len(rs) > 0 {
			item += " — " + strings.Join(rs, " ; ")
		}
		items = append(items, item)
	}
	if len(items) == 0 {
		return append(out, missing(src, "Aucun objectif spécifique n'est encore saisi.", "Cadre logique", "/cadre-logique"))
	}
	out = append(out, List{Items: items})
	var prios []string
	for _, g := range src.Framework.Geo {
		prios = append(prios, g.Name)
	}
	for _, t := range src.Thematic {
		prios = append(prios, t.Policy)
	}
	if len(prios) > 0 {
		out = append(out, Field{Label: "Priorités", Text: strings.Join(prios, ", ")})
	}
	return out
}

// keyFigures counts what the strategy holds; a budget nobody estimated reads « non renseigné ».
func keyFigures(src *Source) Table {
	active, countries := 0, map[string]bool{}
	for _, p := range src.Partnerships {
		if p.Status == diagnostic.StatusActive {
			active++
		}
		for _, c := range p.Countries {
			countries[c] = true
		}
	}
	budget := "non renseigné"
	if total, complete, ok := totalCost(src.Framework.Activities); ok {
		budget = total
		if !complete {
			budget = "au moins " + total
		}
	}
	return Table{Header: []string{"", "Nombre"}, Widths: []float64{3, 1.5}, Rows: [][]string{
		{"Budget estimé des activités", budget},
		{"Objectifs spécifiques", strconv.Itoa(len(src.Framework.Objectives))},
		{"Activités", strconv.Itoa(len(src.Framework.Activities))},
		{"Partenariats actifs", strconv.Itoa(active)},
		{"Pays partenaires", strconv.Itoa(len(countries))},
		{"Parties prenantes associées", strconv.Itoa(len(src.Stakeholders))},
	}}
}

// partnerMap draws the countries of the partnerships and priorities, or nil when there is none.
func partnerMap(src *Source) *Figure {
	hl := map[string]worldmap.Category{}
	for _, g := range src.Framework.Geo {
		if g.CountryCode != "" {
			hl[strings.ToUpper(g.CountryCode)] = worldmap.Category{Label: "Priorité géographique", Rank: 0}
		}
	}
	for _, p := range src.Partnerships {
		for _, c := range p.Countries {
			if _, ok := hl[strings.ToUpper(c)]; !ok {
				hl[strings.ToUpper(c)] = worldmap.Category{Label: "Partenariat", Rank: 1}
			}
		}
	}
	if len(hl) == 0 {
		return nil
	}
	desc := worldmap.TextAlternative(hl)
	return &Figure{SVG: worldmap.Draw(hl, "Pays partenaires et prioritaires", desc), Title: "Pays partenaires et prioritaires", Desc: desc, WidthCM: 9}
}

// nextMilestones lists the milestones from the day the document is made, earliest first.
func nextMilestones(src *Source, n int) []Block {
	from := src.Generated
	if from.IsZero() {
		from = time.Now()
	}
	var ms []schedule.MilestoneRecord
	for _, m := range src.Milestones {
		if !m.Date.IsZero() && !m.Date.Last().Before(from) {
			ms = append(ms, m)
		}
	}
	slices.SortFunc(ms, func(a, b schedule.MilestoneRecord) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID))
	})
	if len(ms) == 0 {
		return []Block{missing(src, "Aucune échéance à venir n'est au calendrier.", "Planification › Jalons", "/planification/jalons")}
	}
	var items []string
	for _, m := range ms[:min(n, len(ms))] {
		items = append(items, m.Date.String()+" : "+m.Title)
	}
	return []Block{List{Items: items}}
}
