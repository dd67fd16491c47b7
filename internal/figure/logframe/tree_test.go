package logframe

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"

	lf "boussole/internal/logframe"
)

func sample() lf.Strategy {
	return lf.Strategy{
		Term: lf.Term{Start: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2032, 3, 31, 0, 0, 0, 0, time.UTC)},
		Key:  lf.KeyElements{General: &lf.GeneralObjective{ID: 1, Title: "Faire de l'international un levier de développement pour le territoire & ses habitants"}},
		Objectives: []lf.SpecificObjective{
			{ID: 12, Position: 1, Title: "Améliorer l'accès à l'eau potable dans trois quartiers de Kayes"},
			{ID: 11, Position: 0, Title: "Permettre à 200 jeunes du territoire une mobilité à l'étranger d'ici 2031"},
		},
		Results: []lf.ExpectedResult{
			{ID: 23, ObjectiveID: 12, Title: "Deux forages sont réalisés et gérés par des comités formés"},
			{ID: 21, ObjectiveID: 11, Position: 0, Title: "Un dispositif de bourses existe"},
			{ID: 22, ObjectiveID: 11, Position: 1, Title: "Les lycées <partenaires> sont engagés"},
		},
		Activities: []lf.Activity{{ID: 31, ResultID: 21}, {ID: 32, ResultID: 23}, {ID: 33, ResultID: 23}},
	}
}

// parsed is what the tests read back from the SVG.
type parsed struct {
	title, desc string
	texts       []string // each <text>, its tspans joined by « | »
	rects       int
	paths       int
}

func parse(t *testing.T, b []byte) parsed {
	t.Helper()
	var p parsed
	dec := xml.NewDecoder(strings.NewReader(string(b)))
	var stack []string
	var cur []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, b)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			stack = append(stack, e.Name.Local)
			switch e.Name.Local {
			case "rect":
				p.rects++
			case "path":
				p.paths++
			case "text":
				cur = nil
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			if e.Name.Local == "text" {
				p.texts = append(p.texts, strings.Join(cur, "|"))
			}
		case xml.CharData:
			switch stack[len(stack)-1] {
			case "title":
				p.title += string(e)
			case "desc":
				p.desc += string(e)
			case "tspan", "text":
				cur = append(cur, string(e))
			}
		}
	}
	return p
}

func TestTreeContent(t *testing.T) {
	out := Tree(sample(), Options{IDPrefix: "t1", ShowActivities: true})
	p := parse(t, out)
	if p.title != "Arbre des objectifs" {
		t.Errorf("title = %q", p.title)
	}
	for _, part := range []string{"OS 1 : Permettre à 200 jeunes", "R 1.2 : Les lycées <partenaires> sont engagés (aucune activité)", "R 2.1 : Deux forages", "(2 activités)"} {
		if !strings.Contains(p.desc, part) {
			t.Errorf("desc lacks %q: %s", part, p.desc)
		}
	}
	// 1 general + 2 objectives + 3 results + 3 activity counts.
	if p.rects != 9 || p.paths != 8 {
		t.Errorf("rects %d paths %d, want 9 and 8", p.rects, p.paths)
	}
	if !strings.HasPrefix(p.texts[1], "OS 1|Permettre à 200 jeunes") || !strings.HasPrefix(p.texts[2], "R 1.1|") {
		t.Errorf("boxes out of order: %q", p.texts)
	}
	for _, tx := range p.texts {
		for _, line := range strings.Split(tx, "|")[1:] {
			if n := len([]rune(line)); n > charsLine*3 {
				t.Errorf("line too long (%d): %q", n, line)
			}
		}
	}
}

func TestTreeWithoutActivitiesAndEmpty(t *testing.T) {
	p := parse(t, Tree(sample(), Options{}))
	if p.rects != 6 || strings.Contains(p.desc, "activité") {
		t.Errorf("rects %d, desc %q", p.rects, p.desc)
	}
	p = parse(t, Tree(lf.Strategy{}, Options{}))
	if p.rects != 1 || !strings.Contains(p.desc, "Aucun objectif spécifique") || !strings.HasPrefix(p.texts[0], "Objectif général|(objectif") {
		t.Errorf("empty tree: rects %d desc %q texts %q", p.rects, p.desc, p.texts)
	}
}

func TestTreeIsDeterministic(t *testing.T) {
	a := sample()
	b := sample()
	b.Objectives[0], b.Objectives[1] = b.Objectives[1], b.Objectives[0]
	b.Results[0], b.Results[2] = b.Results[2], b.Results[0]
	if string(Tree(a, Options{})) != string(Tree(b, Options{})) {
		t.Error("slice order changed the figure")
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		in    string
		width int
		max   int
		want  []string
	}{
		{"Renforcer la coopération décentralisée", 13, 5, []string{"Renforcer la", "coopération", "décentralisée"}},
		{"un deux trois quatre cinq", 9, 2, []string{"un deux", "trois…"}},
		{"un deux trois", 7, 2, []string{"un deux", "trois"}},
		{"abcdefgh ijklmnop", 8, 1, []string{"abcdefg…"}},
		{"anticonstitutionnellement", 10, 5, []string{"anticonsti", "tutionnell", "ement"}},
		{"", 10, 3, nil},
	}
	for _, tc := range tests {
		got := wrap(tc.in, tc.width, tc.max)
		if strings.Join(got, "/") != strings.Join(tc.want, "/") {
			t.Errorf("wrap(%q, %d, %d) = %q, want %q", tc.in, tc.width, tc.max, got, tc.want)
		}
	}
}
