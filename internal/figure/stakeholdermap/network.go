package stakeholdermap

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"boussole/internal/figure/svg"
	"boussole/internal/stakeholder"
)

const (
	netSize   = 900.0
	netRadius = 280.0
	nodeR     = 4.5
)

// relStyle draws each relation kind differently in line pattern, not only in colour.
var relStyle = map[stakeholder.RelationKind]string{
	stakeholder.RelMemberOf:  `stroke="#6d28d9" stroke-dasharray="2 3"`,
	stakeholder.RelFunds:     `stroke="#15803d" stroke-width="1.6"`,
	stakeholder.RelPartnerOf: `stroke="#1d4ed8"`,
	stakeholder.RelInfluence: `stroke="#c2410c" stroke-dasharray="7 4"`,
}

// node is a stakeholder on the ring.
type node struct {
	i     int
	angle float64
	x, y  float64
}

// layoutRing puts stakeholders on a circle, grouped by kind in display order and by name within a kind,
// with a gap between groups, so each family of actors sits together and the layout never changes between
// two requests for the same data.
func layoutRing(list []stakeholder.Stakeholder) ([]node, map[stakeholder.Kind][2]float64) {
	groups := map[stakeholder.Kind][]int{}
	for i, s := range list {
		groups[s.Kind] = append(groups[s.Kind], i)
	}
	var kinds []stakeholder.Kind
	for k := range groups {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(a, b int) bool {
		if oa, ob := kinds[a].Order(), kinds[b].Order(); oa != ob {
			return oa < ob
		}
		return kinds[a] < kinds[b]
	})
	const gapSlots = 2 // empty slots between two groups
	slots := len(list) + gapSlots*len(kinds)
	step := 2 * math.Pi / float64(max(slots, 1))
	nodes := make([]node, 0, len(list))
	spans := map[stakeholder.Kind][2]float64{}
	slot := 0
	c := netSize / 2
	for _, k := range kinds {
		start := float64(slot) * step
		for _, i := range byName(list, groups[k]) {
			a := float64(slot)*step - math.Pi/2
			nodes = append(nodes, node{i: i, angle: a, x: c + netRadius*math.Cos(a), y: c + netRadius*math.Sin(a)})
			slot++
		}
		spans[k] = [2]float64{start - math.Pi/2, float64(slot-1)*step - math.Pi/2}
		slot += gapSlots
	}
	return nodes, spans
}

// Network draws stakeholders on a ring grouped by kind, and their relations as curves bent toward the
// centre; directed relations end in an arrow.
func Network(idPrefix string, list []stakeholder.Stakeholder, rels []stakeholder.Relation) []byte {
	nodes, spans := layoutRing(list)
	pos := make(map[int64]node, len(nodes))
	for _, n := range nodes {
		pos[list[n.i].ID] = n
	}
	drawn := drawable(rels, pos)
	desc := fmt.Sprintf("%d %s disposés en cercle, regroupés par type, et %d %s entre eux : %s.",
		len(list), plural(len(list), "acteur", "acteurs"), len(drawn), plural(len(drawn), "relation", "relations"), relationCounts(drawn))
	d := svg.New(idPrefix, netSize, netSize, "Réseau des relations entre parties prenantes", desc)
	d.Rawf(`<defs><marker id="%s-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#4b5563"/></marker></defs>`, svg.Esc(idPrefix))
	drawLegend(d)
	d.Raw(`<g class="relations" fill="none" stroke-opacity="0.6">`)
	for _, r := range drawn {
		drawRelation(d, idPrefix, list, r, pos[r.From], pos[r.To])
	}
	d.Raw(`</g>`)
	drawGroupNames(d, spans)
	size := math.Max(5, math.Min(11, 2*math.Pi*netRadius/float64(max(len(list), 1))*0.9))
	for _, n := range nodes {
		drawNode(d, list[n.i], n, size)
	}
	return d.Bytes()
}

// drawable keeps the relations whose both ends are on the map, in a stable order.
func drawable(rels []stakeholder.Relation, pos map[int64]node) []stakeholder.Relation {
	out := make([]stakeholder.Relation, 0, len(rels))
	for _, r := range rels {
		_, okF := pos[r.From]
		_, okT := pos[r.To]
		if okF && okT && r.From != r.To {
			out = append(out, r)
		}
	}
	return out
}

func drawRelation(d *svg.Doc, idPrefix string, list []stakeholder.Stakeholder, r stakeholder.Relation, a, b node) {
	c := netSize / 2
	// The control point pulls the curve toward the centre, more for far-apart nodes, which keeps
	// neighbours' links short and untangles the middle a little.
	mx, my := (a.x+b.x)/2, (a.y+b.y)/2
	qx, qy := mx+(c-mx)*0.6, my+(c-my)*0.6
	arrow := ""
	if !r.Kind.Symmetric() {
		arrow = fmt.Sprintf(` marker-end="url(#%s-arrow)"`, svg.Esc(idPrefix))
	}
	d.Rawf(`<path d="M%s %sQ%s %s %s %s" %s%s><title>%s</title></path>`,
		svg.Num(a.x), svg.Num(a.y), svg.Num(qx), svg.Num(qy), svg.Num(b.x), svg.Num(b.y), relStyle[r.Kind], arrow,
		svg.Esc(list[a.i].Name+" "+r.Kind.Label()+" "+list[b.i].Name))
}

func drawNode(d *svg.Doc, s stakeholder.Stakeholder, n node, size float64) {
	d.Rawf(`<g class="acteur"><title>%s</title>`, svg.Esc(s.Name+" ("+s.Kind.Label()+")"))
	marker(d, s, n.x, n.y)
	// Labels run outward along the radius; on the left half they are flipped so they read left to right.
	deg := n.angle * 180 / math.Pi
	lx, ly := netSize/2+(netRadius+nodeR+4)*math.Cos(n.angle), netSize/2+(netRadius+nodeR+4)*math.Sin(n.angle)
	anchor := "start"
	if math.Cos(n.angle) < 0 {
		deg += 180
		anchor = "end"
	}
	d.Rawf(`<text x="%s" y="%s" font-size="%s" font-family="sans-serif" fill="#1a1a1a" text-anchor="%s" dominant-baseline="middle" transform="rotate(%s %s %s)">%s</text></g>`,
		svg.Num(lx), svg.Num(ly), svg.Num(size), anchor, svg.Num(deg), svg.Num(lx), svg.Num(ly), svg.Esc(short(s.Name, 22)))
}

// drawGroupNames writes each kind's plural name inside the ring, at the middle of its arc.
func drawGroupNames(d *svg.Doc, spans map[stakeholder.Kind][2]float64) {
	for _, k := range stakeholder.Kinds() {
		sp, ok := spans[k]
		if !ok {
			continue
		}
		a := (sp[0] + sp[1]) / 2
		x, y := netSize/2+(netRadius-36)*math.Cos(a), netSize/2+(netRadius-36)*math.Sin(a)
		// A white halo keeps the name readable over the relation curves.
		d.Text(x, y, `font-size="11" font-weight="bold" font-family="sans-serif" text-anchor="middle" stroke="#ffffff" stroke-width="3" paint-order="stroke" fill="`+colour(k)+`"`, k.Plural())
	}
}

func drawLegend(d *svg.Doc) {
	d.Raw(`<g class="legende" font-family="sans-serif" font-size="11" fill="#1a1a1a">`)
	for k, rk := range stakeholder.RelationKinds() {
		y := 20 + float64(k)*16
		d.Line(10, y, 40, y, relStyle[rk]+` fill="none"`)
		d.Text(46, y+4, "", rk.Label())
	}
	d.Raw(`</g>`)
}

func relationCounts(rels []stakeholder.Relation) string {
	n := map[stakeholder.RelationKind]int{}
	for _, r := range rels {
		n[r.Kind]++
	}
	var parts []string
	for _, k := range stakeholder.RelationKinds() {
		parts = append(parts, fmt.Sprintf("%s %d", k.Label(), n[k]))
	}
	return strings.Join(parts, ", ")
}

// NetworkAlt is the network as a table of relations, with one summary sentence per kind of actor.
func NetworkAlt(list []stakeholder.Stakeholder, rels []stakeholder.Relation) Alt {
	nodes, _ := layoutRing(list)
	pos := make(map[int64]node, len(nodes))
	for _, n := range nodes {
		pos[list[n.i].ID] = n
	}
	alt := Alt{Caption: "Relations entre parties prenantes", Header: []string{"Acteur", "Relation", "Acteur lié"}}
	byKind := map[stakeholder.Kind][]string{}
	for _, n := range nodes {
		s := list[n.i]
		byKind[s.Kind] = append(byKind[s.Kind], s.Name)
	}
	for _, k := range stakeholder.Kinds() {
		if names := byKind[k]; len(names) > 0 {
			alt.Summary = append(alt.Summary, fmt.Sprintf("%s (%d) : %s.", k.Plural(), len(names), strings.Join(names, ", ")))
		}
	}
	for _, r := range drawable(rels, pos) {
		alt.Rows = append(alt.Rows, []string{list[pos[r.From].i].Name, r.Kind.Label(), list[pos[r.To].i].Name})
	}
	return alt
}
