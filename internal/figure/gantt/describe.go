package gantt

import (
	"fmt"
	"strings"

	"boussole/internal/figure/svg"
	"boussole/internal/frfmt"
	"boussole/internal/schedule"
)

// barTitle writes the tooltip of a bar or diamond, escaped: the name, the dates, and what the shapes say.
func barTitle(d *svg.Doc, it item) {
	t := it.t
	d.Esc(it.Label)
	if t.Milestone {
		d.Raw(" : le ")
		appendLongDate(d, t.Start)
	} else {
		d.Raw(" : du ")
		appendLongDate(d, t.Start)
		d.Raw(" au ")
		appendLongDate(d, t.Finish.AddDays(-1))
	}
	if t.PrepStart.Before(t.Start) {
		d.Raw(", préparation dès le ")
		appendLongDate(d, t.PrepStart)
	}
	if t.FollowUpEnd.After(t.Finish) {
		d.Raw(", suivi jusqu&#39;au ")
		appendLongDate(d, t.FollowUpEnd.AddDays(-1))
	}
	if t.Critical {
		d.Raw(", chemin critique")
	} else {
		d.Raw(", marge ")
		d.Int(t.Slack)
		if t.Slack <= 1 { // French counts zero in the singular
			d.Raw(" jour")
		} else {
			d.Raw(" jours")
		}
	}
	switch {
	case t.BeforeTerm && t.AfterTerm:
		d.Raw(", déborde du mandat des deux côtés")
	case t.BeforeTerm:
		d.Raw(", commence avant le mandat")
	case t.AfterTerm:
		d.Raw(", se termine après le mandat")
	}
}

// appendLongDate writes longDate(day), which holds nothing to escape.
func appendLongDate(d *svg.Doc, day schedule.Date) {
	if day.IsZero() {
		return
	}
	d.Append(func(b []byte) []byte { return frfmt.AppendDate(b, day.Y, day.M, day.D) })
}

// describe writes the long description a screen reader announces with the figure.
func describe(r *schedule.Result, c Chart, groups []laneGroup, pos map[string]rowPos) string {
	acts, jalons, outside := 0, 0, 0
	for _, g := range groups {
		for _, it := range g.items {
			if it.t.Milestone {
				jalons++
			} else {
				acts++
			}
			if it.t.BeforeTerm || it.t.AfterTerm {
				outside++
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Chronogramme de %s et %s", count(acts, "activité", "activités"), count(jalons, "jalon", "jalons"))
	if !c.Term.Start.IsZero() && !c.Term.End.IsZero() {
		fmt.Fprintf(&b, " sur le mandat du %s au %s", longDate(c.Term.Start), longDate(c.Term.End.AddDays(-1)))
	}
	if len(groups) > 1 {
		fmt.Fprintf(&b, ", en %d groupes", len(groups))
	}
	b.WriteString(".")
	if len(r.CriticalPath) > 0 {
		names := make([]string, len(r.CriticalPath))
		for i, id := range r.CriticalPath {
			t, _ := r.Timing(id)
			names[i] = t.Name
		}
		b.WriteString(" Chemin critique : " + strings.Join(names, " → ") + ".")
	}
	if outside > 0 {
		fmt.Fprintf(&b, " %s hors du mandat.", count(outside, "élément déborde", "éléments débordent"))
	}
	if n := drawable(c.Links, pos); n > 0 {
		fmt.Fprintf(&b, " Les dépendances sont des flèches (%s).", count(n, "dépendance", "dépendances"))
	}
	return b.String()
}

func count(n int, one, many string) string {
	if n <= 1 { // French counts zero in the singular
		return itoa(n) + " " + one
	}
	return itoa(n) + " " + many
}

func longDate(d schedule.Date) string { return frfmt.Date(d.Time()) }
