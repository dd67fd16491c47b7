package templates

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"strings"
)

//go:embed html
var htmlFS embed.FS

// headLinks is the layout's stylesheet and icon links, written once at start as in the product.
const headLinks = template.HTML(`<link rel="stylesheet" href="/static/app.3f2a9c.css">` + "\n\n" + `<link rel="icon" href="/static/logo.8b1d0e.svg" type="image/svg+xml">`)

func asset(name string) string { return "/static/" + strings.Replace(name, ".", ".8b1d0e.", 1) }

func can(ws *workspace, action string) bool { return ws != nil && ws.Role == "agent" && action != "" }

func pct(done, total int) int {
	if total == 0 {
		return 0
	}
	return done * 100 / total
}

var funcs = template.FuncMap{
	"headLinks": func() template.HTML { return headLinks },
	"asset":     asset,
	"can":       can,
	"pct":       pct,
	"date":      func(s string) string { return s },
}

// parsePage parses the layout, the partials and one page, as internal/web's loadViews does.
func parsePage(files ...string) (*template.Template, error) {
	names := []string{"html/layout.html", "html/home_brief.html", "html/home_diagnostic.html", "html/home_framework.html", "html/requests.html"}
	for _, f := range files {
		names = append(names, "html/"+f)
	}
	t, err := template.New("").Funcs(funcs).ParseFS(htmlFS, names...)
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	return t, nil
}

// renderHTML executes a page through html/template.
func renderHTML(w io.Writer, t *template.Template, v view) error {
	return t.ExecuteTemplate(w, "layout", v)
}
