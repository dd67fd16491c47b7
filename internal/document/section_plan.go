package document

import (
	"cmp"
	"slices"
	"strconv"

	"boussole/internal/figure/riskmap"
	"boussole/internal/frfmt"
	"boussole/internal/logframe"
	"boussole/internal/schedule"
)

// scheduleSection lists the activities with their dates and owners, in the framework's order, then the
// milestones by date.
func scheduleSection(src *Source, ord *order) []Block {
	var out []Block
	t := Table{Caption: "Chronogramme des activités", Header: []string{"Activité", "Intitulé", "Responsable", "Début", "Fin"}, Widths: []float64{1, 3.5, 2, 1.3, 1.3}}
	for _, o := range ord.objectives {
		for _, r := range ord.results[o.ID] {
			for _, a := range ord.activities[r.ID] {
				t.Rows = append(t.Rows, []string{ord.nums.Of(logframe.Ref{Kind: logframe.KindActivity, ID: a.ID}), a.Title, orUnknown(a.Owner),
					orUnknown(a.Start.String()), orUnknown(a.End.String())})
			}
		}
	}
	if len(t.Rows) == 0 {
		out = append(out, missing(src, "Aucune activité n'est encore planifiée.", "Planification", "/planification"))
	} else {
		out = append(out, t)
	}
	if len(src.Milestones) > 0 {
		ms := slices.Clone(src.Milestones)
		slices.SortFunc(ms, func(a, b schedule.MilestoneRecord) int {
			return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID))
		})
		m := Table{Caption: "Jalons", Header: []string{"Date", "Jalon", "Nature"}, Widths: []float64{1.5, 4, 2}}
		for _, x := range ms {
			m.Rows = append(m.Rows, []string{orUnknown(x.Date.String()), x.Title, x.Kind.Label()})
		}
		out = append(out, Heading{Level: 2, Text: "Jalons"}, m)
	}
	return out
}

// risksSection is the risk register with its map.
func risksSection(src *Source, ord *order) []Block {
	risks := slices.Clone(src.Framework.Risks)
	if len(risks) == 0 {
		return []Block{missing(src, "Le registre des risques est vide.", "Cadre logique › Risques", "/cadre-logique/risques")}
	}
	slices.SortFunc(risks, func(a, b logframe.Risk) int { return byPos(a.Position, a.ID, b.Position, b.ID) })
	rows := riskmap.Rows(risks)
	out := []Block{Figure{SVG: riskmap.SVG("doc-risques", risks), Title: "Carte des risques", Desc: riskmap.Summary(rows)},
		Paragraph{Text: riskmap.Summary(rows)}}
	t := Table{Caption: "Registre des risques", Header: []string{"N°", "Risque", "Nature", "Probabilité × impact", "Élément menacé", "Mesures de maîtrise", "Responsable"},
		Widths: []float64{0.6, 2.6, 1, 1.3, 1.3, 2.6, 1.4}}
	for _, r := range risks {
		crit := "non évaluée"
		if r.Criticality() > 0 {
			crit = strconv.Itoa(r.Likelihood) + " × " + strconv.Itoa(r.Impact) + " : " + r.Class()
		}
		linked := "non rattaché"
		if !r.Linked.IsZero() {
			linked = ord.levelName(r.Linked)
		}
		t.Rows = append(t.Rows, []string{ord.nums.Of(logframe.Ref{Kind: logframe.KindRisk, ID: r.ID}), r.Description, string(r.Category), crit, linked,
			orUnknown(r.Mitigation), orUnknown(r.Owner)})
	}
	return append(out, t)
}

// resourcesSection sums the activities' estimated costs by objective, saying how many are not estimated:
// an unknown cost is never counted as zero.
func resourcesSection(src *Source, ord *order) []Block {
	if len(src.Framework.Activities) == 0 {
		return []Block{missing(src, "Aucune activité n'a encore de coût estimé.", "Cadre logique", "/cadre-logique")}
	}
	t := Table{Caption: "Coût estimé des activités par objectif", Header: []string{"Objectif", "Activités", "Coût estimé", "Activités sans estimation"},
		Widths: []float64{3.5, 1, 1.5, 1.5}}
	var total int64
	var unknown, count int
	for _, o := range ord.objectives {
		var sum int64
		var n, miss int
		for _, r := range ord.results[o.ID] {
			for _, a := range ord.activities[r.ID] {
				n++
				if a.CostCents == nil {
					miss++
					continue
				}
				sum += *a.CostCents
			}
		}
		total, unknown, count = total+sum, unknown+miss, count+n
		t.Rows = append(t.Rows, []string{ord.num(logframe.KindSpecificObjective, o.ID) + o.Title, strconv.Itoa(n), costText(sum, n, miss), strconv.Itoa(miss)})
	}
	t.Rows = append(t.Rows, []string{"Total", strconv.Itoa(count), costText(total, count, unknown), strconv.Itoa(unknown)})
	out := []Block{t}
	switch {
	case unknown == 1:
		out = append(out, Note{Text: "Une activité n'a pas de coût estimé : le total est un minimum."})
	case unknown > 1:
		out = append(out, Note{Text: strconv.Itoa(unknown) + " activités n'ont pas de coût estimé : le total est un minimum."})
	}
	return out
}

// costText is a sum of costs, or « non renseigné » when none of the activities summed is estimated.
func costText(sum int64, n, unknown int) string {
	if n == 0 || unknown == n {
		return "non renseigné"
	}
	return frfmt.Euros(sum)
}
