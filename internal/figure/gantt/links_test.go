package gantt

import (
	"strconv"
	"strings"
	"testing"

	"boussole/internal/schedule"
)

// demoLinks are demoPlan's dependencies as the chart's arrows.
func demoLinks(p schedule.Plan) []Link {
	var out []Link
	for _, d := range p.Dependencies {
		out = append(out, Link{From: d.From, To: d.To, Kind: d.Kind, Lag: d.Lag})
	}
	return out
}

// pathPoints reads an arrow's path « M x y H x V y H x V y H x » back into its first and last points.
func pathPoints(t *testing.T, d string) (x1, y1, x2, y2 float64) {
	t.Helper()
	var nums []float64
	for _, f := range strings.FieldsFunc(d, func(r rune) bool { return r == 'M' || r == 'H' || r == 'V' || r == ' ' }) {
		v, err := strconv.ParseFloat(f, 64)
		if err != nil {
			t.Fatalf("path %q: %v", d, err)
		}
		nums = append(nums, v)
	}
	if len(nums) != 7 {
		t.Fatalf("path %q has %d numbers, want 7", d, len(nums))
	}
	return nums[0], nums[1], nums[6], nums[5]
}

func TestLinksAreArrowsBetweenTheRightEnds(t *testing.T) {
	p := demoPlan()
	p.Dependencies = append(p.Dependencies, schedule.Dependency{From: "conc", To: "jum", Kind: schedule.FinishToFinish,
		Lag: schedule.Lag{N: 3, Unit: schedule.WorkingDays}})
	r, err := schedule.Compute(p)
	if err != nil {
		t.Fatal(err)
	}
	links := append(demoLinks(p), Link{From: "diag", To: "gone"})
	chart := Chart{Term: term, Links: links}
	root := parse(t, Render(r, chart))
	arrows := root.shapes("g-dep", "path")
	if len(arrows) != len(p.Dependencies) {
		t.Fatalf("%d arrows, want %d (the link to a row not on the chart is left out)", len(arrows), len(p.Dependencies))
	}
	l := newLayout(chart, group(r, chart))
	rowMid := map[string]float64{}
	for i, tm := range r.Timings { // without lanes, one row per activity in schedule order, after one lane band
		rowMid[tm.ID] = headerH + laneH + float64(i)*rowH + rowH/2
	}
	for i, dep := range p.Dependencies {
		from, _ := r.Timing(dep.From)
		to, _ := r.Timing(dep.To)
		wantX1, wantX2 := l.x(from.Finish), l.x(to.Start)
		switch dep.Kind {
		case schedule.StartToStart:
			wantX1 = l.x(from.Start)
		case schedule.FinishToFinish:
			wantX2 = l.x(to.Finish)
		}
		x1, y1, x2, y2 := pathPoints(t, arrows[i].attrs["d"])
		if !near(x1, wantX1) || !near(x2, wantX2) || !near(y1, rowMid[dep.From]) || !near(y2, rowMid[dep.To]) {
			t.Errorf("%s → %s (%v): arrow from (%v, %v) to (%v, %v), want (%v, %v) to (%v, %v)", dep.From, dep.To, dep.Kind,
				x1, y1, x2, y2, wantX1, rowMid[dep.From], wantX2, rowMid[dep.To])
		}
		if arrows[i].attrs["marker-end"] != "url(#gantt-fleche)" {
			t.Errorf("arrow %d has no head: %v", i, arrows[i].attrs)
		}
	}
	titles := map[string]bool{}
	for _, a := range arrows {
		titles[a.child("title").text] = true
	}
	for _, want := range []string{
		"« Concertation avec les associations & partenaires <étrangers> » commence après la fin de « Diagnostic du territoire »",
		"« Délibération » commence après la fin de « Rédaction », décalage de 2 semaines",
		"« Jumelage : échanges de jeunes » commence après le début de « Diagnostic du territoire », décalage de 1 mois",
		"« Jumelage : échanges de jeunes » finit après la fin de « Concertation avec les associations & partenaires <étrangers> », décalage de 3 jours ouvrés",
	} {
		if !titles[want] {
			t.Errorf("no arrow titled %q among %v", want, titles)
		}
	}
	if desc := root.child("desc").text; !strings.Contains(desc, "Les dépendances sont des flèches (5 dépendances).") {
		t.Errorf("description does not mention the arrows: %s", desc)
	}
	if !strings.Contains(string(Render(r, chart)), ">Dépendance</text>") {
		t.Error("the legend does not explain the arrows")
	}
}

func TestNoLinksNoArrows(t *testing.T) {
	r, err := schedule.Compute(demoPlan())
	if err != nil {
		t.Fatal(err)
	}
	out := string(Render(r, Chart{Term: term}))
	if strings.Contains(out, "<marker") || strings.Contains(out, "g-dep") || strings.Contains(out, "Dépendance") {
		t.Error("a chart without links draws arrows or explains them")
	}
}

func near(a, b float64) bool { return a-b < 0.01 && b-a < 0.01 }
