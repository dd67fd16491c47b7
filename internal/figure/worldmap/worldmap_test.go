package worldmap

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// element is one parsed SVG element with its attributes and the text of its <title> child.
type element struct {
	name  string
	attrs map[string]string
	title string
}

// parseSVG checks the document is well-formed XML and returns its elements in order.
func parseSVG(t *testing.T, b []byte) []*element {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	var out, stack []*element
	inTitle := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			if tk.Name.Local == "title" {
				inTitle = true
				continue
			}
			e := &element{name: tk.Name.Local, attrs: map[string]string{}}
			for _, a := range tk.Attr {
				e.attrs[a.Name.Local] = a.Value
			}
			out = append(out, e)
			stack = append(stack, e)
		case xml.EndElement:
			if tk.Name.Local == "title" {
				inTitle = false
				continue
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if inTitle && len(stack) > 0 {
				stack[len(stack)-1].title += string(tk)
			}
		}
	}
	return out
}

var partners = map[string]Category{
	"SN": {Label: "Partenariat actif", Rank: 0},
	"BJ": {Label: "Partenariat actif", Rank: 0},
	"CI": {Label: "Partenariat actif", Rank: 0},
	"VN": {Label: "En sommeil", Rank: 1},
	"CV": {Label: "En sommeil", Rank: 1},
	"US": {Label: "Terminé", Rank: 2},
	"EG": {Label: "Terminé", Rank: 2},
	"LU": {Label: "Terminé", Rank: 2},
}

func TestDrawHighlightsCountries(t *testing.T) {
	elems := parseSVG(t, Draw(partners, "Pays partenaires", "Carte des partenariats."))
	paths, circles := map[string]*element{}, map[string]*element{}
	var plain int
	for _, e := range elems {
		code := e.attrs["data-code"]
		switch {
		case e.name == "path" && code != "":
			paths[code] = e
		case e.name == "circle" && code != "":
			circles[code] = e
		case e.name == "path" && e.title != "":
			plain++
		}
	}
	tests := []struct {
		code, title, class string
		path, circle       bool
	}{
		{"SN", "Sénégal : Partenariat actif", "-c0", true, false},
		{"CI", "Côte d'Ivoire : Partenariat actif", "-c0", true, false},
		{"VN", "Vietnam : En sommeil", "-c1", true, false},
		{"CV", "Cap-Vert : En sommeil", "-c1", false, true},
		{"US", "États-Unis : Terminé", "-c2", true, false},
		{"LU", "Luxembourg : Terminé", "-c2", true, true},
	}
	for _, tt := range tests {
		checks := []struct {
			kind string
			m    map[string]*element
			want bool
		}{{"path", paths, tt.path}, {"circle", circles, tt.circle}}
		for _, c := range checks {
			e, ok := c.m[tt.code]
			if ok != c.want {
				t.Errorf("%s %s present = %v, want %v", tt.code, c.kind, ok, c.want)
				continue
			}
			if ok && (e.title != tt.title || !strings.Contains(e.attrs["class"], tt.class)) {
				t.Errorf("%s %s: title %q class %q", tt.code, c.kind, e.title, e.attrs["class"])
			}
			if ok && !strings.HasPrefix(e.attrs["fill"], "url(#") {
				t.Errorf("%s %s: fill %q, want the category's pattern as an attribute", tt.code, c.kind, e.attrs["fill"])
			}
		}
	}
	if plain < 150 {
		t.Errorf("only %d other countries drawn with a title", plain)
	}
}

// TestDrawNeedsNoInlineStyleSheet guards the pages' Content-Security-Policy, which refuses inline <style>:
// with one, every country would be drawn black in the browser.
func TestDrawNeedsNoInlineStyleSheet(t *testing.T) {
	out := string(Draw(partners, "Pays partenaires", ""))
	if strings.Contains(out, "<style") || strings.Contains(out, "style=") {
		t.Error("the map carries inline styles, which the Content-Security-Policy blocks")
	}
	if !strings.Contains(out, `-land" fill="#d9d9d9"`) {
		t.Error("countries without a partnership have no fill of their own")
	}
}

func TestDrawDescribesTheMap(t *testing.T) {
	out := Draw(partners, "Pays partenaires", "Carte des partenariats.")
	elems := parseSVG(t, out)
	root := elems[0]
	if root.name != "svg" || root.attrs["role"] != "img" {
		t.Fatalf("root %+v", root)
	}
	want := "Carte des partenariats. Partenariat actif (3 pays) : Bénin, Côte d'Ivoire, Sénégal."
	if !strings.Contains(string(out), "Carte des partenariats. Partenariat actif (3 pays) : Bénin, Côte d&#39;Ivoire, Sénégal.") {
		t.Errorf("description does not start with %q", want)
	}
	if !strings.Contains(string(out), ">Partenariat actif</text>") {
		t.Error("legend label missing")
	}
}

func TestTextAlternative(t *testing.T) {
	tests := []struct {
		name string
		in   map[string]Category
		want string
	}{
		{"empty", nil, "Aucun pays mis en évidence."},
		{"by rank then French order", partners,
			"Partenariat actif (3 pays) : Bénin, Côte d'Ivoire, Sénégal. " +
				"En sommeil (2 pays) : Cap-Vert, Vietnam. " +
				"Terminé (3 pays) : Égypte, États-Unis, Luxembourg."},
		{"unknown code kept", map[string]Category{"ZZ": {Label: "Autre"}, "ML": {Label: "Autre"}},
			"Autre (2 pays) : Mali, ZZ."},
	}
	for _, tt := range tests {
		if got := TextAlternative(tt.in); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestDrawWithoutHighlightHasNoLegend(t *testing.T) {
	out := Draw(nil, "Carte", "")
	for _, e := range parseSVG(t, out) {
		if e.attrs["data-code"] != "" || e.name == "text" {
			t.Fatalf("unexpected highlighted element or legend: %+v", e)
		}
	}
}

func TestIDsDifferBetweenMaps(t *testing.T) {
	if idPrefix("Carte A", "") == idPrefix("Carte B", "") {
		t.Error("two maps share an id prefix")
	}
}

func BenchmarkDraw8Countries(b *testing.B) {
	var n int
	for b.Loop() {
		n = len(Draw(partners, "Pays partenaires", "Carte des partenariats."))
	}
	b.ReportMetric(float64(n), "bytes/map")
}
