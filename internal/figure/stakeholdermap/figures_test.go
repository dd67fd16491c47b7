package stakeholdermap

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"boussole/internal/stakeholder"
)

// sample builds n stakeholders of every kind and score, with awkward names, and m relations.
func sample(n, m int) ([]stakeholder.Stakeholder, []stakeholder.Relation) {
	kinds := stakeholder.Kinds()
	list := make([]stakeholder.Stakeholder, n)
	for i := range list {
		list[i] = stakeholder.Stakeholder{
			ID: int64(i + 1), Name: fmt.Sprintf("Acteur n°%d « L'Été & <Cie> »", i), Kind: kinds[i%len(kinds)],
			Power:      stakeholder.Power{Normative: stakeholder.Score{Value: i % 4}},
			Legitimacy: stakeholder.Legitimacy{PublicGood: stakeholder.Score{Value: (i / 4) % 4}},
			Interest:   stakeholder.Interest{Object: stakeholder.Score{Value: (i / 16) % 4}},
		}
	}
	rels := make([]stakeholder.Relation, 0, m)
	rk := stakeholder.RelationKinds()
	for k := 0; len(rels) < m && n > 1; k++ {
		from, to := k%n, (k*7+3)%n
		if from != to {
			rels = append(rels, stakeholder.Relation{From: int64(from + 1), To: int64(to + 1), Kind: rk[k%len(rk)]})
		}
	}
	return list, rels
}

// texts parses an SVG and returns the character data of every title and text element; it fails the test if
// the document is not well-formed XML.
func texts(t *testing.T, doc []byte) []string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var out []string
	var in string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("not well-formed: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			in = tk.Name.Local
		case xml.CharData:
			if in == "title" || in == "text" || in == "desc" {
				out = append(out, string(tk))
			}
		case xml.EndElement:
			in = ""
		}
	}
}

func TestEveryStakeholderAppears(t *testing.T) {
	list, rels := sample(150, 300)
	figures := map[string][]byte{
		"grid":     Grid("g", list),
		"salience": Salience("s", list),
		"network":  Network("n", list, rels),
	}
	alts := map[string]Alt{"grid": GridAlt(list), "salience": SalienceAlt(list), "network": NetworkAlt(list, rels)}
	for name, doc := range figures {
		t.Run(name, func(t *testing.T) {
			all := strings.Join(texts(t, doc), "\n")
			altText := fmt.Sprint(alts[name].Summary, alts[name].Rows)
			for _, s := range list {
				// Names end in a quoted suffix, so « n°1 « » cannot match inside « n°10 « ».
				if !strings.Contains(all, s.Name) {
					t.Errorf("%s missing from the figure", s.Name)
				}
				if !strings.Contains(altText, s.Name) {
					t.Errorf("%s missing from the text alternative", s.Name)
				}
			}
			if !strings.Contains(string(doc), `role="img"`) || strings.Contains(string(doc), "<Cie>") {
				t.Errorf("not accessible or not escaped")
			}
		})
	}
}

func TestFiguresAreDeterministic(t *testing.T) {
	list, rels := sample(60, 80)
	shuffled := append([]stakeholder.Stakeholder(nil), list...)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	pairs := []struct {
		name string
		a, b []byte
	}{
		{"grid", Grid("x", list), Grid("x", shuffled)},
		{"salience", Salience("x", list), Salience("x", shuffled)},
		{"network", Network("x", list, rels), Network("x", shuffled, rels)},
	}
	for _, p := range pairs {
		if !bytes.Equal(p.a, p.b) {
			t.Errorf("%s differs when the input order changes", p.name)
		}
	}
}

// TestGridPointsInTheirQuadrant checks every marker lies inside the rectangle of the quadrant its rule gives.
func TestGridPointsInTheirQuadrant(t *testing.T) {
	list, _ := sample(200, 0)
	doc := Grid("g", list)
	plotW, plotH := gridW-gridLeft-gridRight, gridH-gridTop-gridBot
	sx := gridLeft + float64(stakeholder.Threshold)/levels*plotW
	sy := gridTop + plotH - float64(stakeholder.Threshold)/levels*plotH
	dec := xml.NewDecoder(bytes.NewReader(doc))
	quad, seen := "", 0
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		attr := func(n string) string {
			for _, a := range se.Attr {
				if a.Name.Local == n {
					return a.Value
				}
			}
			return ""
		}
		switch se.Name.Local {
		case "g":
			quad = attr("data-quadrant")
		case "circle", "rect":
			if quad == "" {
				continue
			}
			x, y := num(attr("cx")), num(attr("cy"))
			if se.Name.Local == "rect" {
				x, y = num(attr("x"))+pointR, num(attr("y"))+pointR
			}
			high, interested := y < sy, x > sx
			want := map[[2]bool]string{{true, true}: "manage_closely", {true, false}: "keep_satisfied", {false, true}: "keep_informed", {false, false}: "monitor"}[[2]bool{high, interested}]
			if want != quad {
				t.Errorf("point at (%v, %v) is drawn in %s but belongs to %s", x, y, want, quad)
			}
			seen++
			quad = ""
		}
	}
	if seen != len(list) {
		t.Errorf("checked %d markers, want %d", seen, len(list))
	}
}

func num(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

func TestLabelsDoNotOverlap(t *testing.T) {
	p := &placer{bounds: box{0, 0, 400, 400}}
	var got []box
	for k := range 30 {
		before := len(p.placed)
		p.place(200+float64(k%3), 200, pointR, "Un nom d'acteur assez long", labelSize)
		if len(p.placed) > before {
			got = append(got, p.placed[len(p.placed)-1])
		}
	}
	if len(got) < 2 || len(got) > 4 {
		t.Errorf("placed %d labels around one spot, want between 2 and 4", len(got))
	}
	for i := range got {
		for j := i + 1; j < len(got); j++ {
			if got[i].overlaps(got[j]) {
				t.Errorf("labels %v and %v overlap", got[i], got[j])
			}
		}
	}
}

func TestAltSummaries(t *testing.T) {
	list := []stakeholder.Stakeholder{
		{ID: 1, Name: "Préfecture", Kind: stakeholder.KindStateService, Power: stakeholder.Power{Coercive: stakeholder.Score{Value: 3}},
			Legitimacy: stakeholder.Legitimacy{PublicGood: stakeholder.Score{Value: 3}}, Interest: stakeholder.Interest{Type: stakeholder.Score{Value: 2}}},
		{ID: 2, Name: "Club de foot", Kind: stakeholder.KindAssociation},
	}
	g := GridAlt(list)
	if g.Summary[0] != "Gérer de près : 1 acteur." || g.Summary[3] != "Surveiller : 1 acteur." || g.Rows[0][0] != "Préfecture" {
		t.Errorf("grid alt %+v", g)
	}
	s := SalienceAlt(list)
	if s.Rows[0][0] != "Définitive" || s.Rows[0][3] != "Préfecture" || s.Rows[8][0] != "Non renseigné" || s.Rows[8][3] != "Club de foot" || s.Rows[7][3] != "" {
		t.Errorf("salience alt %+v", s.Rows)
	}
	n := NetworkAlt(list, []stakeholder.Relation{{From: 2, To: 1, Kind: stakeholder.RelInfluence}, {From: 1, To: 99, Kind: stakeholder.RelFunds}})
	if len(n.Rows) != 1 || strings.Join(n.Rows[0], " ") != "Club de foot influence Préfecture" {
		t.Errorf("network alt %+v", n.Rows)
	}
}

func TestEmptyFigures(t *testing.T) {
	for _, doc := range [][]byte{Grid("e", nil), Salience("e", nil), Network("e", nil, nil)} {
		texts(t, doc)
	}
}

func BenchmarkFigures400x1000(b *testing.B) {
	list, rels := sample(400, 1000)
	b.Run("grid", func(b *testing.B) {
		for b.Loop() {
			Grid("g", list)
		}
	})
	b.Run("salience", func(b *testing.B) {
		for b.Loop() {
			Salience("s", list)
		}
	})
	b.Run("network", func(b *testing.B) {
		for b.Loop() {
			Network("n", list, rels)
		}
	})
}
