package web

import (
	"bytes"
	"html/template"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"boussole/internal/access"
)

func testViews(t *testing.T) *views {
	t.Helper()
	a, err := loadAssets()
	if err != nil {
		t.Fatal(err)
	}
	v, err := loadViews(a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// populated returns a value of type t with every field filled: true, 2, "x", one element in each slice and
// map, every pointer set. Executed with it, a template takes the branches that show something, where a
// field the type lacks is an error; zero values take the others.
func populated(t reflect.Type, depth int) reflect.Value {
	v := reflect.New(t).Elem()
	if depth > 6 {
		return v
	}
	switch t.Kind() {
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(2)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(2)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(2.5)
	case reflect.String:
		v.SetString("x")
	case reflect.Pointer:
		v.Set(populated(t.Elem(), depth+1).Addr())
	case reflect.Slice:
		v.Set(reflect.Append(reflect.MakeSlice(t, 0, 1), populated(t.Elem(), depth+1)))
	case reflect.Array:
		for i := range v.Len() {
			v.Index(i).Set(populated(t.Elem(), depth+1))
		}
	case reflect.Map:
		m := reflect.MakeMap(t)
		m.SetMapIndex(populated(t.Key(), depth+1), populated(t.Elem(), depth+1))
		v.Set(m)
	case reflect.Struct:
		fillStruct(v, depth)
	}
	return v
}

// fillStruct sets the exported fields of a struct in place, those of an embedded unexported struct (diagCommon,
// frameworkView) included: that one cannot be set whole from outside, its exported fields can.
func fillStruct(v reflect.Value, depth int) {
	t := v.Type()
	for i := range t.NumField() {
		f, fv := t.Field(i), v.Field(i)
		switch {
		case f.Anonymous && f.Type.Kind() == reflect.Struct:
			fillStruct(fv, depth+1)
		case fv.CanSet():
			fv.Set(populated(f.Type, depth+1))
		}
	}
}

// pageValue returns the page's data, populated or zero; nil for a page without data.
func pageValue(t reflect.Type, full bool) any {
	if t == nil {
		return nil
	}
	if !full {
		return reflect.Zero(t).Interface()
	}
	return populated(t, 0).Interface()
}

// layoutView is the layout's own data, filled, for a viewer with the given role.
func layoutView(role access.Role) view {
	v := populated(reflect.TypeFor[view](), 0).Interface().(view)
	v.WS.Role = role
	return v
}

// TestEveryTemplateWithItsType executes every page template still in html/template with a value of the type
// pageTypes names for it: filled for an administrator and for a reader (every « if » that shows
// something taken), then zero. A field or method the type lacks is an execution error of html/template,
// which fails the test here rather than a user's page.
func TestEveryTemplateWithItsType(t *testing.T) {
	v := testViews(t)
	files, _ := fs.Glob(templateFS, "templates/pages/*.html")
	if len(v.pages) != len(files) {
		t.Fatalf("%d page templates loaded of %d files", len(v.pages), len(files))
	}
	for name, tmpl := range v.pages {
		typ, ok := pageTypes[name]
		if !ok {
			t.Errorf("%s: no data type in pageTypes", name)
			continue
		}
		for _, run := range []struct {
			label string
			role  access.Role
			full  bool
		}{{"administrateur, rempli", access.Admin, true}, {"lecteur, rempli", access.Reader, true}, {"administrateur, vide", access.Admin, false}} {
			lv := layoutView(run.role)
			lv.Data = pageValue(typ, run.full)
			err := tmpl.ExecuteTemplate(io.Discard, "content", lv)
			if err == nil {
				continue
			}
			// A zero value may stop at a nil pointer a handler never leaves nil; a name the type lacks is
			// wrong whatever the value.
			if !run.full && !strings.Contains(err.Error(), "can't evaluate field") {
				continue
			}
			t.Errorf("%s (%s, %v): %v", name, run.label, typ, err)
		}
	}
}

// withTestPage adds a page « essai » of type messagePage, parsed from text, to the views and to pageTypes
// for the length of a test: the checks below then hold whatever pages are still in html/template.
func withTestPage(t *testing.T, v *views) {
	t.Helper()
	page := template.Must(template.Must(v.base.Clone()).Parse(`{{define "content"}}<p>{{.Data.Message}}</p>{{end}}`))
	v.pages["essai"] = page
	pageTypes["essai"] = reflect.TypeFor[messagePage]()
	t.Cleanup(func() { delete(pageTypes, "essai") })
}

// TestPageTypesMatchTemplates checks that the start refuses a template without a data type and a data
// type without a template.
func TestPageTypesMatchTemplates(t *testing.T) {
	v := testViews(t)
	if err := checkPageTypes(v.names()); err != nil {
		t.Fatal(err)
	}
	withTestPage(t, v)
	names := v.names()
	names["page_sans_type"] = true
	if err := checkPageTypes(names); err == nil || !strings.Contains(err.Error(), "page_sans_type") {
		t.Errorf("a template with no data type was accepted: %v", err)
	}
	delete(names, "page_sans_type")
	delete(names, "essai")
	if err := checkPageTypes(names); err == nil || !strings.Contains(err.Error(), "essai") {
		t.Errorf("a data type with no template was accepted: %v", err)
	}
}

// TestRenderRefusesUnknownPageOrOtherData checks that render answers a clean 500, never a page, for a
// page name with no template and for data of another type than the page's.
func TestRenderRefusesUnknownPageOrOtherData(t *testing.T) {
	var logs bytes.Buffer
	s := &Server{views: testViews(t), log: slog.New(slog.NewTextHandler(&logs, nil))}
	withTestPage(t, s.views)
	for _, c := range []struct {
		page string
		data any
	}{{"page_inconnue", nil}, {"essai", map[string]any{"Message": "x"}}, {"essai", &messagePage{}}, {"essai", errorPageData{}}} {
		rec := httptest.NewRecorder()
		s.render(rec, httptest.NewRequest(http.MethodGet, "/", nil), http.StatusOK, c.page, view{Title: "Essai", Data: c.data})
		if rec.Code != http.StatusInternalServerError || !strings.Contains(rec.Body.String(), "Erreur du serveur") {
			t.Errorf("%s with %T: status %d", c.page, c.data, rec.Code)
		}
	}
	rec := httptest.NewRecorder()
	s.render(rec, httptest.NewRequest(http.MethodGet, "/", nil), http.StatusOK, "essai", view{Title: "Essai", Data: messagePage{Message: "Bonjour"}})
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "<p>Bonjour</p>") || !strings.Contains(rec.Body.String(), "<title>Essai · Boussole</title>") {
		t.Errorf("a page with its own type was refused: %d %s", rec.Code, logs.String())
	}
}
