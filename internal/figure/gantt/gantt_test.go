package gantt

import (
	"encoding/xml"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"boussole/internal/schedule"
)

var term = schedule.Term{Start: schedule.Date{Y: 2026, M: 4, D: 1}, End: schedule.Date{Y: 2032, M: 4, D: 1}}

// node is a parsed XML element with its children, enough to count shapes by group.
type node struct {
	name     string
	attrs    map[string]string
	text     string
	children []*node
}

func parse(t *testing.T, data []byte) *node {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(string(data)))
	root := &node{}
	stack := []*node{root}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		top := stack[len(stack)-1]
		switch tk := tok.(type) {
		case xml.StartElement:
			n := &node{name: tk.Name.Local, attrs: map[string]string{}}
			for _, a := range tk.Attr {
				n.attrs[a.Name.Local] = a.Value
			}
			top.children = append(top.children, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.text += string(tk)
		}
	}
	if len(root.children) != 1 || root.children[0].name != "svg" {
		t.Fatal("document is not one svg element")
	}
	return root.children[0]
}

// shapes returns the elements named name directly inside groups of the given class.
func (n *node) shapes(class, name string) []*node {
	var out []*node
	for _, c := range n.children {
		if c.name == "g" && c.attrs["class"] == class {
			for _, s := range c.children {
				if s.name == name {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

func (n *node) child(name string) *node {
	for _, c := range n.children {
		if c.name == name {
			return c
		}
	}
	return nil
}

func demoPlan() schedule.Plan {
	a := func(id, name string, days int) schedule.Activity {
		return schedule.Activity{ID: id, Name: name, Duration: days}
	}
	return schedule.Plan{Term: term,
		Activities: []schedule.Activity{
			a("diag", "Diagnostic du territoire", 120),
			{ID: "conc", Name: "Concertation avec les associations & partenaires <étrangers>", Duration: 60, Prep: 20, FollowUp: 15},
			a("red", "Rédaction", 45),
			{ID: "delib", Name: "Délibération", Milestone: true},
			a("jum", "Jumelage : échanges de jeunes", 90),
			{ID: "old", Name: "Mission préparatoire", Duration: 30, Start: schedule.Date{Y: 2026, M: 1, D: 10}},
		},
		Dependencies: []schedule.Dependency{
			{From: "diag", To: "conc"}, {From: "conc", To: "red"}, {From: "red", To: "delib", Lag: schedule.Lag{N: 2, Unit: schedule.Weeks}},
			{From: "diag", To: "jum", Kind: schedule.StartToStart, Lag: schedule.Lag{N: 1, Unit: schedule.Months}},
		}}
}

func TestRenderCountsAndAccessibility(t *testing.T) {
	r, err := schedule.Compute(demoPlan())
	if err != nil {
		t.Fatal(err)
	}
	chart := Chart{IDPrefix: "chrono", Term: term, Today: schedule.Date{Y: 2026, M: 9, D: 15},
		Lanes: []Lane{{"elab", "Élaboration"}, {"coop", "Coopération"}},
		Rows: []Row{{ID: "diag", Lane: "elab"}, {ID: "conc", Lane: "elab"}, {ID: "red", Lane: "elab"}, {ID: "delib", Lane: "elab"},
			{ID: "jum", Lane: "coop"}, {ID: "conc", Label: "Concertation (partenaires)", Lane: "coop"}, {ID: "old", Lane: "autre"},
			{ID: "deleted", Lane: "coop"}}}
	out := Render(r, chart)
	root := parse(t, out)

	if root.attrs["aria-labelledby"] != "chrono-title chrono-desc" || root.attrs["role"] != "img" {
		t.Errorf("root attributes %v", root.attrs)
	}
	if title := root.child("title"); title == nil || title.text != "Chronogramme" {
		t.Error("missing accessible title")
	}
	desc := root.child("desc")
	if desc == nil || !strings.Contains(desc.text, "6 activités et 1 jalon") ||
		!strings.Contains(desc.text, "Chemin critique : Diagnostic du territoire → Concertation") ||
		!strings.Contains(desc.text, "1 élément déborde hors du mandat") {
		t.Errorf("description = %+v", desc)
	}

	plain, crit, ms := root.shapes("g-bar", "rect"), root.shapes("g-crit", "rect"), root.shapes("g-ms", "path")
	if len(plain)+len(crit) != 6 || len(ms) != 1 {
		t.Errorf("%d plain + %d critical bars and %d diamonds, want 6 bars and 1 diamond", len(plain), len(crit), len(ms))
	}
	// conc appears in two lanes; diag, conc, red are critical.
	if len(crit) != 4 {
		t.Errorf("%d critical bars, want 4", len(crit))
	}
	for _, shape := range append(append(plain, crit...), ms...) {
		if tt := shape.child("title"); tt == nil || !strings.Contains(tt.text, " 202") {
			t.Errorf("shape without a dated title: %+v", shape.attrs)
		}
	}
	if got := ms[0].child("title").text; got != "Délibération : le 26 novembre 2026, chemin critique" {
		t.Errorf("milestone title = %q", got)
	}
	var outside int
	for _, b := range plain {
		if b.attrs["class"] == "out" {
			outside++
			if !strings.Contains(b.child("title").text, "commence avant le mandat") {
				t.Errorf("out-of-term bar title = %q", b.child("title").text)
			}
		}
	}
	if outside != 1 {
		t.Errorf("%d bars flagged out of term, want 1", outside)
	}
	if len(root.shapes("g-today", "line")) != 1 {
		t.Error("no today line")
	}
	text := string(out)
	for _, want := range []string{"Élaboration", "Coopération", "Concertation (partenaires)", "&lt;étrangers&gt;", "T3", "2027"} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestScaleAndMonthLabels(t *testing.T) {
	short := schedule.Term{Start: schedule.Date{Y: 2027, M: 1, D: 1}, End: schedule.Date{Y: 2028, M: 1, D: 1}}
	p := schedule.Plan{Term: short, Activities: []schedule.Activity{{ID: "a", Name: "A", Duration: 200}}}
	r, err := schedule.Compute(p)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		scale     Scale
		want, not []string
	}{
		{Auto, []string{">janv.<", ">févr.<", ">août<", ">déc.<"}, []string{">T1<"}},
		{Quarterly, []string{">T1<", ">T4<"}, []string{">janv.<"}},
		{Yearly, []string{">2027<"}, []string{">T1<", ">janv.<"}},
	}
	for _, c := range cases {
		out := string(Render(r, Chart{Term: short, Scale: c.scale}))
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("scale %d: missing %s", c.scale, w)
			}
		}
		for _, n := range c.not {
			if strings.Contains(out, n) {
				t.Errorf("scale %d: unexpected %s", c.scale, n)
			}
		}
	}
}

func TestSixYearTermUsesQuarters(t *testing.T) {
	r, err := schedule.Compute(demoPlan())
	if err != nil {
		t.Fatal(err)
	}
	out := string(Render(r, Chart{Term: term}))
	if !strings.Contains(out, ">T2<") || strings.Contains(out, ">mars<") {
		t.Error("a six-year term should be drawn by quarters")
	}
}

func bigPlan(n int) schedule.Plan {
	rng := rand.New(rand.NewPCG(300, 6))
	p := schedule.Plan{Term: term}
	for i := range n {
		a := schedule.Activity{ID: fmt.Sprintf("a%d", i), Name: fmt.Sprintf("Activité numéro %d de la stratégie internationale", i),
			Duration: 10 + rng.IntN(200)}
		if i%10 == 9 {
			a.Milestone, a.Duration = true, 0
		}
		p.Activities = append(p.Activities, a)
		if i > 0 {
			p.Dependencies = append(p.Dependencies, schedule.Dependency{From: fmt.Sprintf("a%d", rng.IntN(i)), To: a.ID,
				Lag: schedule.Lag{N: rng.IntN(30) - 5}})
		}
	}
	return p
}

func bigChart(n int) Chart {
	c := Chart{Term: term, Today: schedule.Date{Y: 2028, M: 5, D: 2}}
	for i := range n {
		c.Rows = append(c.Rows, Row{ID: fmt.Sprintf("a%d", i), Lane: fmt.Sprintf("Objectif spécifique %d", i%6+1)})
	}
	return c
}

func TestThreeHundredActivitiesStayLean(t *testing.T) {
	r, err := schedule.Compute(bigPlan(300))
	if err != nil {
		t.Fatal(err)
	}
	out := Render(r, bigChart(300))
	root := parse(t, out)
	bars := len(root.shapes("g-bar", "rect")) + len(root.shapes("g-crit", "rect"))
	if bars != 270 || len(root.shapes("g-ms", "path")) != 30 {
		t.Errorf("%d bars, %d diamonds", bars, len(root.shapes("g-ms", "path")))
	}
	if len(out) > 150_000 {
		t.Errorf("300 activities take %d bytes, want well under 150 KB", len(out))
	}
	t.Logf("300 activities: %d bytes", len(out))
}

func BenchmarkRender300(b *testing.B) {
	r, err := schedule.Compute(bigPlan(300))
	if err != nil {
		b.Fatal(err)
	}
	c := bigChart(300)
	b.ReportAllocs()
	var size int
	for b.Loop() {
		size = len(Render(r, c))
	}
	b.ReportMetric(float64(size), "bytes/svg")
}

func TestRenderEmptySchedule(t *testing.T) {
	r, err := schedule.Compute(schedule.Plan{Term: term})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []Chart{{Term: term}, {}} {
		root := parse(t, Render(r, c))
		if n := len(root.shapes("g-bar", "rect")) + len(root.shapes("g-ms", "path")); n != 0 {
			t.Errorf("%d shapes for an empty schedule", n)
		}
		if d := root.child("desc"); d == nil || !strings.Contains(d.text, "0 activité et 0 jalon") {
			t.Errorf("description of an empty chart: %+v", d)
		}
	}
}
