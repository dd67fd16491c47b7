package web

import (
	"html/template"
	"strconv"

	"boussole/internal/figure/stakeholdermap"
	"boussole/internal/stakeholder"
)

// actorsSummary is the stakeholder map as the diagnostic's summary shows it: the power/interest grid, its
// text alternative in a few lines (counts per quadrant, the actors to manage closely) and links to the map.
type actorsSummary struct {
	Grid    stakeholder.GridSummary
	Closely []altCell // the actors to manage closely, each linked to its page
	SVG     template.HTML
}

// summarizeActors builds the summary's view of the map; an empty map has no figure.
func summarizeActors(ws *workspace, recs []stakeholder.Record) actorsSummary {
	list := make([]stakeholder.Stakeholder, len(recs))
	for i, rec := range recs {
		list[i] = rec.Stakeholder
	}
	sum := actorsSummary{Grid: stakeholder.SummarizeGrid(list)}
	prefix := ws.Prefix() + "/acteurs/"
	for _, sh := range sum.Grid.ManageClosely {
		sum.Closely = append(sum.Closely, altCell{Text: sh.Name, Href: prefix + strconv.FormatInt(sh.ID, 10)})
	}
	if len(list) > 0 {
		// The figure package escapes every text it draws, so its output is safe to inline.
		sum.SVG = template.HTML(stakeholdermap.Grid("diag-grille", list))
	}
	return sum
}
