package document

import (
	"strings"

	"boussole/internal/tabular"
)

// Workbook returns the tables officers keep in spreadsheets, one sheet each: the logframe, the indicators
// with all their fields, the risks, the stakeholders, the partnerships and the schedule. The sheets hold
// the same rows as the document's tables, with more columns where a spreadsheet has room.
func Workbook(src Source) []tabular.Sheet {
	ord := newOrder(&src.Framework)
	sheets := []tabular.Sheet{
		sheetOf("Cadre logique", logframeSection(&src, ord)),
		indicatorSheet(ord),
		sheetOf("Risques", risksSection(&src, ord)),
		stakeholderSheet(&src),
		sheetOf("Partenariats", partnershipBlocks(&src)),
		sheetOf("Chronogramme", scheduleSection(&src, ord)),
	}
	return sheets
}

// sheetOf makes a sheet of the first table among blocks; a section without one gives a sheet with its note.
func sheetOf(name string, blocks []Block) tabular.Sheet {
	for _, b := range blocks {
		if t, ok := b.(Table); ok {
			return tabular.Sheet{Name: name, Header: t.Header, Rows: t.Rows}
		}
	}
	var notes []string
	for _, b := range blocks {
		if n, ok := b.(Note); ok {
			notes = append(notes, n.Text)
		}
	}
	return tabular.Sheet{Name: name, Header: []string{"Remarque"}, Rows: [][]string{{strings.Join(notes, " ")}}}
}

func indicatorSheet(ord *order) tabular.Sheet {
	sh := tabular.Sheet{Name: "Indicateurs", Header: []string{"Niveau", "Indicateur", "Définition", "Mesure", "Unité", "Sens souhaité",
		"Valeur de référence", "Cibles", "Périodicité", "Sources", "Responsable", "Ventilations", "Public", "ODD"}}
	for _, in := range ord.indicators() {
		sense := "à la baisse"
		if in.Ascending {
			sense = "à la hausse"
		}
		public := "non"
		if in.Public {
			public = "oui"
		}
		sh.Rows = append(sh.Rows, []string{ord.levelName(in.Level), in.Title, in.Definition, in.Measure.Label(), in.Unit, sense, baselineText(in),
			targetsText(in), orUnknown(in.Periodicity), strings.Join(in.Sources, " ; "), in.Owner, strings.Join(in.Breakdowns, ", "), public,
			strings.Join(in.SDG, ", ")})
	}
	return sh
}

func stakeholderSheet(src *Source) tabular.Sheet {
	sh := tabular.Sheet{Name: "Parties prenantes", Header: []string{"Acteur", "Type", "Territoire", "Thèmes", "Classe de saillance",
		"Quadrant pouvoir/intérêt", "Niveau d'engagement", "Engagement de la collectivité", "Ce que la collectivité lui demande"}}
	for _, s := range src.Stakeholders {
		sh.Rows = append(sh.Rows, []string{s.Name, s.Kind.Label(), s.Territory, strings.Join(s.Themes, ", "), s.Salience().Class.Label(),
			s.Placement().Quadrant.Label(), s.Engagement.Level.Label(), s.Engagement.EffectivePromise(), s.Engagement.Ask})
	}
	return sh
}
