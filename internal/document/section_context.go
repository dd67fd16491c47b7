package document

import (
	"boussole/internal/diagnostic"
)

// contextSection sets out the stakes the argument retained, family by family, with the officer's local
// illustration, then the territory's facts and the actions already carried out.
func contextSection(src *Source, _ *order) []Block {
	a := src.Argument
	if len(a.Stakes) == 0 && len(a.LocalFacts) == 0 && len(a.Examples) == 0 {
		return []Block{missing(src, "L'argumentaire ne retient encore aucun enjeu.", "Sensibilisation › Argumentaire", "/sensibilisation/argumentaire")}
	}
	chosen := map[string]bool{}
	for _, c := range a.Stakes {
		chosen[c] = true
	}
	var out []Block
	for _, f := range diagnostic.StakeFamilies() {
		var items []string
		for _, s := range f.Stakes {
			if !chosen[s.Code] {
				continue
			}
			item := s.Key
			if n := a.Notes[s.Code]; n != "" {
				item += " : " + n
			}
			items = append(items, item)
		}
		if len(items) > 0 {
			out = append(out, Heading{Level: 2, Text: f.Title}, List{Items: items})
		}
	}
	if len(a.LocalFacts) > 0 {
		out = append(out, Heading{Level: 2, Text: "Le territoire en quelques faits"}, List{Items: a.LocalFacts})
	}
	if len(a.Examples) > 0 {
		out = append(out, Heading{Level: 2, Text: "Actions déjà menées"}, List{Items: a.Examples})
	}
	return out
}

// principlesSection gives the self-assessment of the guide's five essential principles.
func principlesSection(src *Source, _ *order) []Block {
	byCode := map[string]diagnostic.PrincipleAssessment{}
	for _, a := range src.Principles {
		byCode[a.Principle] = a
	}
	out := []Block{Paragraph{Text: "La stratégie s'appuie sur les cinq principes essentiels du guide. La collectivité a évalué la place que chacun tient déjà dans son action."}}
	t := Table{Caption: "Auto-évaluation des principes essentiels", Header: []string{"Principe", "Évaluation", "Commentaire"}, Widths: []float64{2, 1.5, 3}}
	for _, p := range diagnostic.Principles() {
		a, ok := byCode[p.Code]
		rating, comment := "non renseigné", ""
		if ok {
			rating, comment = a.Rating.Label(), a.Comment
		}
		t.Rows = append(t.Rows, []string{p.Name, rating, comment})
	}
	out = append(out, t)
	if len(src.Principles) == 0 {
		out = append(out, missing(src, "Aucun principe n'est encore évalué.", "Sensibilisation › Principes", "/sensibilisation/principes"))
	}
	return out
}
