// Package logframe draws a strategy's objectives tree as SVG: the general objective at the top, the specific
// objectives below it, their expected results below them, and optionally each result's activities collapsed
// to a count.
package logframe

import (
	"slices"
	"strconv"
	"strings"

	"boussole/internal/figure/svg"
	lf "boussole/internal/logframe"
)

// Options tune the figure.
type Options struct {
	IDPrefix       string // keeps aria ids unique on a page; "arbre" when empty
	ShowActivities bool   // add, under each result, a box counting its activities
}

// Layout constants, in SVG user units (pixels at 100 %).
const (
	colW      = 180.0 // width of one result column
	boxGap    = 16.0  // horizontal gap between boxes
	rowGap    = 36.0  // vertical gap between rows, where connectors run
	margin    = 16.0
	lineH     = 16.0
	pad       = 8.0
	fontSize  = 12
	charsLine = 26 // characters per line in a column-wide box
	maxLines  = 5
)

// node is one box of the tree, with its children.
type node struct {
	label    string // « OS 1 », « R 1.2 »
	title    string
	kids     []*node
	activity int // activities count, for result nodes
}

// Tree draws the objectives tree of s. The layout is deterministic: it follows the framework's numbering.
func Tree(s lf.Strategy, opt Options) []byte {
	root := build(&s)
	l := newLayout(root, opt.ShowActivities)
	prefix := opt.IDPrefix
	if prefix == "" {
		prefix = "arbre"
	}
	d := svg.New(prefix, l.width, l.height, "Arbre des objectifs", describe(root, opt.ShowActivities))
	d.Rawf(`<g font-family="sans-serif" font-size="%d" fill="#1a1a1a">`, fontSize)
	l.draw(d)
	d.Raw(`</g>`)
	return d.Bytes()
}

// build turns the flat framework into nodes in numbering order.
func build(s *lf.Strategy) *node {
	n := lf.Number(s)
	root := &node{label: "Objectif général", title: "(objectif général à définir)"}
	if g := s.Key.General; g != nil && strings.TrimSpace(g.Title) != "" {
		root.title = g.Title
	}
	byNumber := func(a, b lf.Ref) int { return compareNumbers(n.Of(a), n.Of(b)) }
	objs := slices.Clone(s.Objectives)
	slices.SortFunc(objs, func(a, b lf.SpecificObjective) int {
		return byNumber(lf.Ref{Kind: lf.KindSpecificObjective, ID: a.ID}, lf.Ref{Kind: lf.KindSpecificObjective, ID: b.ID})
	})
	results := slices.Clone(s.Results)
	slices.SortFunc(results, func(a, b lf.ExpectedResult) int {
		return byNumber(lf.Ref{Kind: lf.KindResult, ID: a.ID}, lf.Ref{Kind: lf.KindResult, ID: b.ID})
	})
	acts := map[int64]int{}
	for _, a := range s.Activities {
		acts[a.ResultID]++
	}
	for _, o := range objs {
		on := &node{label: "OS " + n.Of(lf.Ref{Kind: lf.KindSpecificObjective, ID: o.ID}), title: o.Title}
		for _, r := range results {
			if r.ObjectiveID == o.ID {
				on.kids = append(on.kids, &node{label: "R " + n.Of(lf.Ref{Kind: lf.KindResult, ID: r.ID}), title: r.Title, activity: acts[r.ID]})
			}
		}
		root.kids = append(root.kids, on)
	}
	return root
}

// compareNumbers orders « 1.10 » after « 1.9 ».
func compareNumbers(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		x, _ := strconv.Atoi(pa[i])
		y, _ := strconv.Atoi(pb[i])
		if x != y {
			return x - y
		}
	}
	return len(pa) - len(pb)
}

// activities writes « 3 activités ».
func activities(n int) string {
	switch n {
	case 0:
		return "aucune activité"
	case 1:
		return "1 activité"
	}
	return strconv.Itoa(n) + " activités"
}

// describe writes the tree as a French outline for screen readers.
func describe(root *node, withActivities bool) string {
	var b strings.Builder
	b.WriteString("Objectif général : " + root.title + ".")
	if len(root.kids) == 0 {
		b.WriteString(" Aucun objectif spécifique.")
	}
	for _, o := range root.kids {
		b.WriteString(" " + o.label + " : " + o.title + ".")
		for _, r := range o.kids {
			b.WriteString(" " + r.label + " : " + r.title)
			if withActivities {
				b.WriteString(" (" + activities(r.activity) + ")")
			}
			b.WriteString(".")
		}
	}
	return b.String()
}
