package swot

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"boussole/internal/diagnostic"
)

// figure is what a reader of the SVG gets: the texts of items, all other texts, title and description.
type figure struct {
	items  []string
	others []string
	title  string
	desc   string
}

// parse decodes the SVG with encoding/xml, failing the test if it is not well-formed.
func parse(t *testing.T, b []byte) figure {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	var f figure
	var stack []xml.StartElement
	var buf []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			stack = append(stack, el)
			if el.Name.Local == "text" {
				buf = nil
			}
		case xml.CharData:
			if len(stack) == 0 {
				continue
			}
			switch stack[len(stack)-1].Name.Local {
			case "text", "tspan":
				buf = append(buf, string(el))
			case "title":
				if len(stack) == 2 {
					f.title = string(el)
				}
			case "desc":
				f.desc = string(el)
			}
		case xml.EndElement:
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if el.Name.Local != "text" {
				continue
			}
			joined := strings.Join(buf, " ")
			if attr(top, "class") == "item" {
				f.items = append(f.items, joined)
			} else {
				f.others = append(f.others, joined)
			}
		}
	}
	return f
}

func attr(el xml.StartElement, name string) string {
	for _, a := range el.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func item(id string, q diagnostic.Quadrant, pos, weight int, text string) diagnostic.Item {
	return diagnostic.Item{ID: id, Quadrant: q, Scope: diagnostic.ScopeTerritory, Position: pos, Weight: weight, Text: text}
}

func sample() []diagnostic.Item {
	return []diagnostic.Item{
		item("m1", diagnostic.Threats, 1, 2, "Baisse des dotations de l'État qui pèse sur les budgets facultatifs."),
		item("f2", diagnostic.Strengths, 2, 1, "Deux universités et 30 000 étudiants dont 12 % étrangers."),
		item("f1", diagnostic.Strengths, 1, 3, "Une diaspora sénégalaise organisée & active <depuis 1980>."),
		item("w1", diagnostic.Weaknesses, 1, 3, "Aucun agent dédié aux relations internationales."),
		item("o1", diagnostic.Opportunities, 1, 2, "Appel à projets DAECT « Jeunesse VI » ouvert en 2027."),
	}
}

func TestDrawShowsEveryItemInOrder(t *testing.T) {
	f := parse(t, Draw(sample(), Options{}))
	want := []string{
		"Une diaspora sénégalaise organisée & active <depuis 1980>.",
		"Deux universités et 30 000 étudiants dont 12 % étrangers.",
		"Aucun agent dédié aux relations internationales.",
		"Appel à projets DAECT « Jeunesse VI » ouvert en 2027.",
		"Baisse des dotations de l'État qui pèse sur les budgets facultatifs.",
	}
	if !slices.Equal(f.items, want) {
		t.Errorf("items:\n got %q\nwant %q", f.items, want)
	}
	for _, heading := range []string{"Forces (2)", "Faiblesses (1)", "Opportunités (1)", "Menaces (1)", "Origine interne", "Origine externe", "Positif pour l'action internationale", "Matrice AFOM"} {
		if !slices.Contains(f.others, heading) {
			t.Errorf("heading %q missing from %q", heading, f.others)
		}
	}
	if f.title != "Matrice AFOM" || !strings.Contains(f.desc, "forces : 2") {
		t.Errorf("title %q, desc %q", f.title, f.desc)
	}
}

func TestDrawWeightMarkers(t *testing.T) {
	out := string(Draw(sample(), Options{}))
	for _, tc := range []struct {
		title string
		count int
	}{{"Poids 3 sur 3", 2}, {"Poids 2 sur 3", 2}, {"Poids 1 sur 3", 1}} {
		if got := strings.Count(out, "<title>"+tc.title+"</title>"); got != tc.count {
			t.Errorf("%q appears %d times, want %d", tc.title, got, tc.count)
		}
	}
}

func many(q diagnostic.Quadrant, n int) []diagnostic.Item {
	var out []diagnostic.Item
	for i := range n {
		out = append(out, item(fmt.Sprintf("%s%03d", q, i), q, i+1, i%3+1, fmt.Sprintf("Élément numéro %d de la matrice", i+1)))
	}
	return out
}

func TestDrawOverflow(t *testing.T) {
	for _, tc := range []struct {
		name      string
		n         int
		maxLines  int
		wantShown int
		overflow  string
	}{
		{"everything fits", 4, 4, 4, ""},
		{"one left out", 5, 4, 3, "+ 2 autres"},
		{"room kept for the overflow line", 4, 3, 2, "+ 2 autres"},
		{"many left out", 30, 16, 15, "+ 15 autres"},
		{"no room at all", 2, 1, 0, "+ 2 autres"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := parse(t, Draw(many(diagnostic.Strengths, tc.n), Options{MaxLines: tc.maxLines}))
			if len(f.items) != tc.wantShown {
				t.Errorf("shown %d items, want %d", len(f.items), tc.wantShown)
			}
			has := slices.ContainsFunc(f.others, func(s string) bool { return strings.HasPrefix(s, "+ ") })
			if tc.overflow == "" && has {
				t.Errorf("unexpected overflow in %q", f.others)
			}
			if tc.overflow != "" && !slices.Contains(f.others, tc.overflow) {
				t.Errorf("want %q in %q", tc.overflow, f.others)
			}
		})
	}
}

func TestDrawOverflowOfALongLastItem(t *testing.T) {
	items := many(diagnostic.Threats, 2)
	items = append(items, item("long", diagnostic.Threats, 3, 1, strings.Repeat("menace ", 40)))
	f := parse(t, Draw(items, Options{MaxLines: 4}))
	if len(f.items) != 2 || !slices.Contains(f.others, "+ 1 autre") {
		t.Errorf("items %q, others %q", f.items, f.others)
	}
}

func TestOverflowLabel(t *testing.T) {
	for n, want := range map[int]string{1: "+ 1 autre", 2: "+ 2 autres", 120: "+ 120 autres"} {
		if got := overflowLabel(n); got != want {
			t.Errorf("overflowLabel(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestDrawEmptyMatrix(t *testing.T) {
	f := parse(t, Draw(nil, Options{Title: "AFOM de la Ville de Tours"}))
	if len(f.items) != 0 {
		t.Errorf("items in an empty matrix: %q", f.items)
	}
	n := 0
	for _, s := range f.others {
		if s == "Aucun élément" {
			n++
		}
	}
	if n != 4 || f.title != "AFOM de la Ville de Tours" {
		t.Errorf("%d empty notes, title %q", n, f.title)
	}
}

func TestDrawIsDeterministic(t *testing.T) {
	items := append(sample(), many(diagnostic.Opportunities, 40)...)
	reversed := slices.Clone(items)
	slices.Reverse(reversed)
	a, b := Draw(items, Options{}), Draw(reversed, Options{})
	if !bytes.Equal(a, b) {
		t.Error("the figure depends on the order of its input")
	}
}

func TestDrawCutsLongItems(t *testing.T) {
	long := strings.Repeat("coopération ", 40)
	f := parse(t, Draw([]diagnostic.Item{item("l", diagnostic.Weaknesses, 1, 1, long)}, Options{MaxLinesPerItem: 2}))
	if len(f.items) != 1 || !strings.HasSuffix(f.items[0], "…") {
		t.Fatalf("items = %q", f.items)
	}
}

func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		name     string
		text     string
		width    int
		maxLines int
		want     []string
	}{
		{"fits", "Forces du territoire", 30, 0, []string{"Forces du territoire"}},
		{"breaks on spaces", "un deux trois quatre", 9, 0, []string{"un deux", "trois", "quatre"}},
		{"collapses spaces", "  un \n deux  ", 20, 0, []string{"un deux"}},
		{"splits long words", "anticonstitutionnellement", 10, 0, []string{"anticonsti", "tutionnell", "ement"}},
		{"counts accents once", "éééé éééé", 9, 0, []string{"éééé éééé"}},
		{"cuts with ellipsis", "un deux trois quatre", 9, 2, []string{"un deux", "trois…"}},
		{"ellipsis on a full line", "abcdefghi jklmnopqr stu", 9, 2, []string{"abcdefghi", "jklmnopq…"}},
		{"empty", "   ", 10, 0, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := wrap(tc.text, tc.width, tc.maxLines)
			if !slices.Equal(got, tc.want) {
				t.Errorf("wrap = %q, want %q", got, tc.want)
			}
			for _, l := range got {
				if utf8.RuneCountInString(l) > tc.width {
					t.Errorf("line %q exceeds %d characters", l, tc.width)
				}
			}
		})
	}
}

func BenchmarkDraw500Items(b *testing.B) {
	var items []diagnostic.Item
	for _, q := range diagnostic.Quadrants() {
		items = append(items, many(q, 125)...)
	}
	b.ReportAllocs()
	for b.Loop() {
		if len(Draw(items, Options{})) == 0 {
			b.Fatal("empty figure")
		}
	}
}
