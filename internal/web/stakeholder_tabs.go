package web

import (
	"html/template"
	"strings"
)

// stakeholderTab is one view of the stakeholder map.
type stakeholderTab struct{ path, label string }

var stakeholderTabs = []stakeholderTab{
	{"", "Liste"},
	{"/grille", "Grille pouvoir/intérêt"},
	{"/saillance", "Saillance"},
	{"/reseau", "Réseau"},
	{"/engagement", "Plan d'engagement"},
}

// tabsHTML renders the navigation between the map's views, keeping the filter on the figure views. It is
// built here rather than in a shared partial because each page template is parsed on its own.
func tabsHTML(ws *workspace, current, query string) template.HTML {
	var b strings.Builder
	b.WriteString(`<nav class="sh-tabs" aria-label="Vues de la cartographie"><ul>`)
	for _, t := range stakeholderTabs {
		href := ws.Prefix() + "/acteurs" + t.path
		if query != "" && t.path != "/engagement" {
			href += "?" + query
		}
		b.WriteString(`<li><a href="` + template.HTMLEscapeString(href) + `"`)
		if t.path == current {
			b.WriteString(` aria-current="page"`)
		}
		b.WriteString(">" + template.HTMLEscapeString(t.label) + "</a></li>")
	}
	b.WriteString("</ul></nav>")
	return template.HTML(b.String())
}
