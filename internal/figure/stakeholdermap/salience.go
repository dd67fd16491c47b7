package stakeholdermap

import (
	"fmt"
	"strconv"
	"strings"

	"boussole/internal/figure/svg"
	"boussole/internal/stakeholder"
)

const (
	venW, venH = 760.0, 600.0
	venR       = 165.0
	shownNames = 3 // names written in each region; the others are in the region's title and the alternative
)

// region is where a salience class is written in the three-circle diagram.
type region struct {
	class stakeholder.Class
	x, y  float64
}

// regions follow the circles: power top left, legitimacy top right, interest at the bottom.
var regions = []region{
	{stakeholder.ClassDormant, 205, 175},
	{stakeholder.ClassDiscretionary, 555, 175},
	{stakeholder.ClassDemanding, 380, 470},
	{stakeholder.ClassDominant, 380, 135},
	{stakeholder.ClassDangerous, 270, 330},
	{stakeholder.ClassDependent, 490, 330},
	{stakeholder.ClassDefinitive, 380, 260},
	{stakeholder.ClassNone, 640, 520},
	{stakeholder.ClassUnscored, 120, 520}, // outside the circles too, apart from « non partie prenante »
}

// bySalience groups stakeholder indexes by class, each group sorted by name.
func bySalience(list []stakeholder.Stakeholder) map[stakeholder.Class][]int {
	g := map[stakeholder.Class][]int{}
	for i, s := range list {
		c := s.Salience().Class
		g[c] = append(g[c], i)
	}
	for c, idx := range g {
		g[c] = byName(list, idx)
	}
	return g
}

// Salience draws the three overlapping circles of power, legitimacy and interest, with the number and the
// first names of the stakeholders in each region.
func Salience(idPrefix string, list []stakeholder.Stakeholder) []byte {
	groups := bySalience(list)
	var parts []string
	for _, c := range stakeholder.Classes() {
		parts = append(parts, fmt.Sprintf("%s %d", c.Label(), len(groups[c])))
	}
	desc := fmt.Sprintf("Trois cercles qui se recoupent : pouvoir, légitimité, intérêt. Chaque zone correspond à une classe de saillance ; effectifs : %s.",
		strings.Join(parts, ", "))
	d := svg.New(idPrefix, venW, venH, "Diagramme de saillance des parties prenantes", desc)
	circles := []struct {
		name, fill string
		x, y       float64
		lx, ly     float64
	}{
		{"Pouvoir", "#c2410c", 300, 230, 150, 60},
		{"Légitimité", "#1d4ed8", 460, 230, 610, 60},
		{"Intérêt", "#15803d", 380, 370, 380, 580},
	}
	for _, c := range circles {
		d.Circle(c.x, c.y, venR, `fill="`+c.fill+`" fill-opacity="0.12" stroke="`+c.fill+`" stroke-width="2"`)
		d.Text(c.lx, c.ly, `font-size="16" font-weight="bold" font-family="sans-serif" text-anchor="middle" fill="`+c.fill+`"`, c.name)
	}
	for _, r := range regions {
		drawRegion(d, r, list, groups[r.class])
	}
	return d.Bytes()
}

func drawRegion(d *svg.Doc, r region, list []stakeholder.Stakeholder, idx []int) {
	names := make([]string, len(idx))
	for k, i := range idx {
		names[k] = list[i].Name
	}
	head := fmt.Sprintf("%s (%d)", upperFirst(r.class.Label()), len(idx))
	title := head
	if len(names) > 0 {
		title += " : " + strings.Join(names, ", ")
	}
	d.Rawf(`<g class="classe" data-class="%s"><title>%s</title>`, r.class, svg.Esc(title))
	d.Text(r.x, r.y, `font-size="12" font-weight="bold" font-family="sans-serif" text-anchor="middle" fill="#1a1a1a"`, head)
	for k, n := range names {
		if k == shownNames {
			d.Text(r.x, r.y+14*float64(k+1), `font-size="10" font-family="sans-serif" text-anchor="middle" fill="#374151"`,
				"et "+strconv.Itoa(len(names)-shownNames)+" "+plural(len(names)-shownNames, "autre", "autres"))
			break
		}
		d.Text(r.x, r.y+14*float64(k+1), `font-size="10" font-family="sans-serif" text-anchor="middle" fill="#374151"`, short(n, 22))
	}
	d.Raw(`</g>`)
}

func upperFirst(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = []rune(strings.ToUpper(string(r[0])))[0]
	}
	return string(r)
}

// SalienceAlt is the diagram as a table: each class, what it means, how many stakeholders and which.
func SalienceAlt(list []stakeholder.Stakeholder) Alt {
	groups := bySalience(list)
	alt := Alt{Caption: "Classes de saillance des parties prenantes", Header: []string{"Classe", "Signification", "Nombre", "Acteurs"}}
	for _, c := range stakeholder.Classes() {
		idx := groups[c]
		names := make([]string, len(idx))
		for k, i := range idx {
			names[k] = list[i].Name
		}
		alt.Summary = append(alt.Summary, fmt.Sprintf("%s : %d %s.", upperFirst(c.Label()), len(idx), plural(len(idx), "acteur", "acteurs")))
		alt.Rows = append(alt.Rows, []string{upperFirst(c.Label()), c.Meaning(), strconv.Itoa(len(idx)), strings.Join(names, ", ")})
	}
	return alt
}
