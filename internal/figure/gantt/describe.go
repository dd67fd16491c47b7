package gantt

import (
	"fmt"
	"strings"

	"boussole/internal/frfmt"
	"boussole/internal/schedule"
)

// barTitle is the tooltip of a bar or diamond: the name, the dates, and what the shapes say.
func barTitle(it item) string {
	t := it.t
	var b strings.Builder
	b.WriteString(it.Label)
	if t.Milestone {
		b.WriteString(" : le " + longDate(t.Start))
	} else {
		b.WriteString(" : du " + longDate(t.Start) + " au " + longDate(t.Finish.AddDays(-1)))
	}
	if t.PrepStart.Before(t.Start) {
		b.WriteString(", préparation dès le " + longDate(t.PrepStart))
	}
	if t.FollowUpEnd.After(t.Finish) {
		b.WriteString(", suivi jusqu'au " + longDate(t.FollowUpEnd.AddDays(-1)))
	}
	if t.Critical {
		b.WriteString(", chemin critique")
	} else {
		b.WriteString(", marge " + days(t.Slack))
	}
	switch {
	case t.BeforeTerm && t.AfterTerm:
		b.WriteString(", déborde du mandat des deux côtés")
	case t.BeforeTerm:
		b.WriteString(", commence avant le mandat")
	case t.AfterTerm:
		b.WriteString(", se termine après le mandat")
	}
	return b.String()
}

// describe writes the long description a screen reader announces with the figure.
func describe(r *schedule.Result, c Chart, groups []laneGroup) string {
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
	if n := drawable(c.Links, groups); n > 0 {
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

func days(n int) string { return count(n, "jour", "jours") }

func longDate(d schedule.Date) string { return frfmt.Date(d.Time()) }
