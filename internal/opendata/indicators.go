package opendata

import (
	"strings"

	"boussole/internal/logframe"
)

// IndicatorColumns is the data dictionary of the public indicators.
var IndicatorColumns = []Column{
	{"strategie", "Stratégie", "Titre de la stratégie d'action internationale et sa mandature", "string"},
	{"indicateur", "Indicateur", "Intitulé de l'indicateur", "string"},
	{"definition", "Définition", "Ce que l'indicateur mesure et comment", "string"},
	{"mesure", "Mesure", "unité, pourcentage, nominal, ordinal ou qualitatif (codes IATI IndicatorMeasure 1 à 5)", "string"},
	{"unite", "Unité", "Unité des valeurs", "string"},
	{"sens", "Sens", "hausse quand une valeur plus haute est meilleure, baisse sinon", "string"},
	{"reference_valeur", "Valeur de référence", "Valeur de départ, nombre décimal avec un point ; vide quand elle n'est pas mesurée", "number"},
	{"reference_date", "Date de référence", "Date de la valeur de départ, au jour, au mois ou à l'année (AAAA-MM-JJ, AAAA-MM ou AAAA)", "string"},
	{"cible_valeur", "Valeur cible", "Valeur à atteindre, nombre décimal avec un point ; une ligne par cible", "number"},
	{"cible_texte", "Cible (texte)", "Cible écrite en mots, pour une mesure qualitative", "string"},
	{"cible_date", "Date cible", "Échéance de la cible (AAAA-MM-JJ, AAAA-MM ou AAAA)", "string"},
	{"periodicite", "Périodicité", "Rythme de collecte", "string"},
	{"sources", "Sources", "Sources et moyens de vérification, séparés par « ; »", "string"},
	{"odd", "ODD", "Cibles des Objectifs de développement durable, séparées par « ; »", "string"},
}

// PublicIndicator is an indicator the authority marked public, with its strategy's title.
type PublicIndicator struct {
	Strategy  string
	Indicator logframe.Indicator
}

// Indicators is the table of the public indicators: one line per target (one line when there is none),
// so a target's value sits beside its date. Indicators not marked public are left out here too.
func Indicators(list []PublicIndicator) Table {
	t := Table{Slug: "indicateurs", Title: "Indicateurs publics de la stratégie d'action internationale",
		Description: "Les indicateurs de suivi que la collectivité publie, avec leur valeur de référence et leurs cibles.", Columns: IndicatorColumns}
	for _, p := range list {
		in := p.Indicator
		if !in.Public {
			continue
		}
		sens := "baisse"
		if in.Ascending {
			sens = "hausse"
		}
		var bv, bd string
		if b := in.Baseline; b != nil {
			if b.Value != nil {
				bv = b.Value.String()
			}
			bd = b.Date.ISO()
		}
		row := func(tv, tt, td string) []string {
			return []string{p.Strategy, in.Title, in.Definition, in.Measure.Label(), in.Unit, sens, bv, bd, tv, tt, td, in.Periodicity,
				strings.Join(in.Sources, " ; "), strings.Join(in.SDG, " ; ")}
		}
		if len(in.Targets) == 0 {
			t.Rows = append(t.Rows, row("", "", ""))
		}
		for _, tg := range in.Targets {
			v := ""
			if tg.Value != nil {
				v = tg.Value.String()
			}
			t.Rows = append(t.Rows, row(v, tg.Text, tg.Date.ISO()))
		}
	}
	return t
}
