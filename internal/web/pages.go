package web

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// pageTypes names the data type (view.Data) of every page template, nil for a page that has none. It
// is the contract between handlers and templates: render refuses a page whose data is of another type,
// loadViews refuses a template with no entry here and an entry with no template, and the template tests
// check every template against its type (templates_test.go).
var pageTypes = map[string]reflect.Type{
	// Accounts, workspaces, the platform.

	// Capitalisation: sharing, the library of shared strategies, the atlas.
}

// checkPageTypes reports the page templates with no entry in pageTypes and the entries with no template,
// so that a page added on one side only stops the server at start rather than a user's request.
func checkPageTypes(pages map[string]bool) error {
	var problems []string
	for name := range pages {
		if _, ok := pageTypes[name]; !ok {
			problems = append(problems, "le gabarit "+name+" n'a pas de type de données dans pageTypes")
		}
	}
	for name := range pageTypes {
		if !pages[name] {
			problems = append(problems, "pageTypes nomme "+name+", qui n'a pas de gabarit")
		}
	}
	if len(problems) == 0 {
		return nil
	}
	slices.Sort(problems)
	return fmt.Errorf("web: %s", strings.Join(problems, " ; "))
}

// pageDataFits reports whether data is of the type the page's template expects.
func pageDataFits(page string, data any) bool {
	want, ok := pageTypes[page]
	return ok && reflect.TypeOf(data) == want
}

// names returns the set of page template names.
func (v *views) names() map[string]bool {
	out := make(map[string]bool, len(v.pages))
	for n := range v.pages {
		out[n] = true
	}
	return out
}
