package document

import (
	"strconv"
	"strings"

	"boussole/internal/diagnostic"
	"boussole/internal/figure/stakeholdermap"
	"boussole/internal/figure/swot"
	"boussole/internal/frfmt"
	"boussole/internal/refdata/country"
)

// diagnosticSection holds the AFOM matrix (figure and list), the map of actors and the review of the
// existing partnerships.
func diagnosticSection(src *Source, _ *order) []Block {
	out := []Block{Heading{Level: 2, Text: "Atouts, faiblesses, opportunités et menaces"}}
	out = append(out, swotBlocks(src)...)
	out = append(out, Heading{Level: 2, Text: "Cartographie des acteurs"})
	out = append(out, actorBlocks(src)...)
	out = append(out, Heading{Level: 2, Text: "Revue des partenariats existants"})
	out = append(out, partnershipBlocks(src)...)
	return out
}

func swotBlocks(src *Source) []Block {
	if len(src.SWOT) == 0 {
		return []Block{missing(src, "La matrice AFOM est vide.", "Diagnostic › AFOM", "/diagnostic/afom")}
	}
	out := []Block{Figure{SVG: swot.Draw(src.SWOT, swot.Options{IDPrefix: "doc-afom", Title: "Matrice AFOM"}), Title: "Matrice AFOM",
		Desc: "Les éléments de la matrice sont repris en liste ci-dessous."}}
	for _, q := range diagnostic.Quadrants() {
		var items []string
		for _, it := range src.SWOT {
			if it.Quadrant != q {
				continue
			}
			s := it.Text + " (" + it.Scope.Label() + ", poids " + strconv.Itoa(it.Weight) + ")"
			if it.LeftAside {
				s += " — écarté : " + orUnknown(it.AsideReason)
			}
			items = append(items, s)
		}
		if len(items) > 0 {
			out = append(out, Heading{Level: 3, Text: q.Label()}, List{Items: items})
		}
	}
	return out
}

func actorBlocks(src *Source) []Block {
	if len(src.Stakeholders) == 0 {
		return []Block{missing(src, "Aucune partie prenante n'est encore cartographiée.", "Acteurs", "/acteurs")}
	}
	alt := stakeholdermap.GridAlt(src.Stakeholders)
	out := []Block{Figure{SVG: stakeholdermap.Grid("doc-grille", src.Stakeholders), Title: alt.Caption, Desc: strings.Join(alt.Summary, " ")}}
	for _, s := range alt.Summary {
		out = append(out, Paragraph{Text: s})
	}
	t := Table{Caption: "Parties prenantes et engagement de la collectivité", Header: []string{"Acteur", "Type", "Priorité", "Engagement promis"}, Widths: []float64{2, 1.5, 1.5, 3}}
	for _, s := range src.Stakeholders {
		t.Rows = append(t.Rows, []string{s.Name, s.Kind.Label(), s.Placement().Quadrant.Label(), s.Engagement.EffectivePromise()})
	}
	return append(out, t)
}

func partnershipBlocks(src *Source) []Block {
	if len(src.Partnerships) == 0 {
		return []Block{missing(src, "Le registre des partenariats est vide.", "Diagnostic › Partenariats", "/diagnostic/partenariats")}
	}
	t := Table{Caption: "Partenariats et projets existants", Header: []string{"Partenaire", "Pays", "Nature", "Statut", "Budget annuel", "Résultats", "Décision"},
		Widths: []float64{2, 1.2, 1.5, 1, 1.2, 3, 1.5}}
	for _, p := range src.Partnerships {
		var names []string
		for _, c := range p.Countries {
			names = append(names, country.Name(c))
		}
		decision := p.Review.Decision.Label()
		if p.Review.Reason != "" {
			decision += " : " + p.Review.Reason
		}
		t.Rows = append(t.Rows, []string{p.Partner, orUnknown(strings.Join(names, ", ")), p.Kind.Label(), p.Status.Label(),
			frfmt.EurosOrUnknown(p.YearlyBudgetCents), orUnknown(p.Review.Results), decision})
	}
	return []Block{t}
}
