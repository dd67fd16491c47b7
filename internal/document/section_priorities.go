package document

import (
	"strings"

	"boussole/internal/figure/worldmap"
	"boussole/internal/refdata/country"
)

// prioritiesSection lists the geographic priorities with the map of their countries, then the thematic
// priorities with the competence each rests on.
func prioritiesSection(src *Source, _ *order) []Block {
	out := []Block{Heading{Level: 2, Text: "Priorités géographiques"}}
	geo := src.Framework.Geo
	if len(geo) == 0 {
		out = append(out, missing(src, "Aucune priorité géographique n'est encore retenue.", "Stratégie › Priorités", "/strategie"))
	} else {
		highlight := map[string]worldmap.Category{}
		t := Table{Caption: "Priorités géographiques", Header: []string{"Pays, partenaire ou région", "Pays", "Raison"}, Widths: []float64{2, 1.2, 3}}
		for _, g := range geo {
			code := strings.ToUpper(g.CountryCode)
			name := ""
			if code != "" {
				highlight[code] = worldmap.Category{Label: "Priorité géographique"}
				name = country.Name(code)
			}
			t.Rows = append(t.Rows, []string{g.Name, orUnknown(name), orUnknown(g.Reason)})
		}
		if len(highlight) > 0 {
			out = append(out, Figure{SVG: worldmap.Draw(highlight, "Pays prioritaires", "Carte du monde où sont mis en évidence les pays des priorités géographiques, listés dans le tableau qui suit."),
				Title: "Pays prioritaires", Desc: "Les pays sont listés dans le tableau qui suit."})
		}
		out = append(out, t)
	}
	out = append(out, Heading{Level: 2, Text: "Priorités thématiques"})
	if len(src.Thematic) == 0 {
		return append(out, missing(src, "Aucune priorité thématique n'est encore retenue.", "Stratégie › Priorités", "/strategie"))
	}
	t := Table{Caption: "Priorités thématiques", Header: []string{"Compétence ou politique publique", "Service porteur", "Description"}, Widths: []float64{2, 2, 3}}
	for _, p := range src.Thematic {
		t.Rows = append(t.Rows, []string{p.Policy, orUnknown(p.Service), p.Description})
	}
	return append(out, t)
}
