package document

import (
	"strconv"
	"strings"

	"boussole/internal/logframe"
)

func valuesSection(src *Source, _ *order) []Block {
	vals := src.Framework.Key.Values
	if len(vals) == 0 {
		return []Block{missing(src, "Aucune valeur n'est encore énoncée.", "Stratégie › Éléments clés", "/strategie")}
	}
	var out []Block
	for _, v := range vals {
		out = append(out, Field{Label: v.Name, Text: orUnknown(v.Explanation)})
	}
	return out
}

func visionSection(src *Source, _ *order) []Block {
	k := src.Framework.Key
	if strings.TrimSpace(k.Vision) == "" {
		return []Block{missing(src, "La vision n'est pas encore rédigée.", "Stratégie › Éléments clés", "/strategie")}
	}
	out := paragraphs(k.Vision)
	if strings.TrimSpace(k.PoliticalProject) != "" {
		out = append(out, Heading{Level: 2, Text: "Lien avec le projet politique"})
		out = append(out, paragraphs(k.PoliticalProject)...)
	}
	return out
}

func missionSection(src *Source, _ *order) []Block {
	if strings.TrimSpace(src.Framework.Key.Mission) == "" {
		return []Block{missing(src, "La mission n'est pas encore rédigée.", "Stratégie › Éléments clés", "/strategie")}
	}
	return paragraphs(src.Framework.Key.Mission)
}

// objectivesSection gives the general objective, the dimensions with their weights, and each specific
// objective with its SMART fields and expected results.
func objectivesSection(src *Source, ord *order) []Block {
	k := src.Framework.Key
	var out []Block
	out = append(out, Heading{Level: 2, Text: "Objectif général"})
	if g := k.General; g != nil {
		out = append(out, Paragraph{Text: g.Title})
		if g.Description != "" {
			out = append(out, paragraphs(g.Description)...)
		}
		if len(g.SDG) > 0 {
			out = append(out, Field{Label: "ODD visés", Text: strings.Join(g.SDG, ", ")})
		}
	} else {
		out = append(out, missing(src, "L'objectif général n'est pas encore formulé.", "Stratégie › Éléments clés", "/strategie"))
	}
	if len(k.Dimensions) > 0 {
		out = append(out, Heading{Level: 2, Text: "Dimensions retenues"})
		var items []string
		for _, d := range k.Dimensions {
			w := "poids non renseigné"
			if d.Weight != nil {
				w = strconv.Itoa(*d.Weight) + " %"
			}
			items = append(items, d.Name+" ("+w+")")
		}
		out = append(out, List{Items: items})
	}
	out = append(out, Heading{Level: 2, Text: "Objectifs spécifiques"})
	if len(ord.objectives) == 0 {
		return append(out, missing(src, "Aucun objectif spécifique n'est encore saisi.", "Cadre logique", "/cadre-logique"))
	}
	for _, o := range ord.objectives {
		out = append(out, Heading{Level: 3, Text: "Objectif " + ord.num(logframe.KindSpecificObjective, o.ID) + ": " + o.Title})
		if o.Description != "" {
			out = append(out, paragraphs(o.Description)...)
		}
		target := "à la fin de la mandature"
		if !o.TargetDate.IsZero() {
			target = o.TargetDate.String()
		}
		out = append(out,
			Field{Label: "Spécifique (quoi, pour qui)", Text: orUnknown(o.Specific)},
			Field{Label: "Mesurable", Text: orUnknown(o.Measure)},
			Field{Label: "Atteignable", Text: orUnknown(o.Achievable)},
			Field{Label: "Ressources", Text: orUnknown(o.Resources)},
			Field{Label: "Échéance", Text: target})
		var results []string
		for _, r := range ord.results[o.ID] {
			results = append(results, ord.num(logframe.KindResult, r.ID)+r.Title)
		}
		if len(results) > 0 {
			out = append(out, Field{Label: "Résultats attendus", Text: ""}, List{Items: results})
		}
	}
	return out
}
