package templates

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/a-h/templ"
)

type page struct {
	name  string
	file  string
	view  view
	templ func(view) templ.Component
}

func pages() []page {
	return []page{
		{"home", "tracker.html", homeView(), func(v view) templ.Component { return layout(v, tracker(v, v.Data.(*homeData))) }},
		{"afom-40", "diagnostic_swot.html", swotView(40), func(v view) templ.Component { return layout(v, swotPage(v, v.Data.(*swotData))) }},
		{"afom-500", "diagnostic_swot.html", swotView(500), func(v view) templ.Component { return layout(v, swotPage(v, v.Data.(*swotData))) }},
	}
}

// spaces are the runs of white space the two writers lay out differently (templ indents nothing, the HTML
// files break lines); what a browser shows is the same.
var spaces = regexp.MustCompile(`\s+`)

func normal(b []byte) string {
	s := spaces.ReplaceAllString(string(b), " ")
	s = strings.Replace(s, "<!doctype html>", "<!DOCTYPE html>", 1)
	return strings.NewReplacer("> <", "><", " <", "<", "> ", ">").Replace(s)
}

// TestSamePage checks that both ways write the same page, whitespace aside, before any timing.
func TestSamePage(t *testing.T) {
	for _, p := range pages() {
		ht, err := parsePage(p.file)
		if err != nil {
			t.Fatal(err)
		}
		var a, b bytes.Buffer
		if err := renderHTML(&a, ht, p.view); err != nil {
			t.Fatal(err)
		}
		if err := p.templ(p.view).Render(context.Background(), &b); err != nil {
			t.Fatal(err)
		}
		na, nb := normal(a.Bytes()), normal(b.Bytes())
		if na != nb {
			i := 0
			for i < len(na) && i < len(nb) && na[i] == nb[i] {
				i++
			}
			t.Fatalf("%s: pages differ at %d:\nhtml/template: %q\ntempl:         %q", p.name, i, na[max(0, i-80):min(len(na), i+120)], nb[max(0, i-80):min(len(nb), i+120)])
		}
		t.Logf("%s: html/template %d bytes, templ %d bytes", p.name, a.Len(), b.Len())
	}
}

// BenchmarkPages renders each page both ways into a reused buffer, as internal/web's render does.
func BenchmarkPages(b *testing.B) {
	for _, p := range pages() {
		ht, err := parsePage(p.file)
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		b.Run(p.name+"/html-template", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := renderHTML(&buf, ht, p.view); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(p.name+"/templ", func(b *testing.B) {
			b.ReportAllocs()
			ctx := context.Background()
			for b.Loop() {
				buf.Reset()
				if err := p.templ(p.view).Render(ctx, &buf); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
