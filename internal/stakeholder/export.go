package stakeholder

import (
	"io"
	"strconv"
	"strings"

	"boussole/internal/tabular"
)

// Computed columns follow the schema's; an import ignores them, so an export can be edited and imported back.
var computedHeaders = []string{"Classe de saillance", "Quadrant pouvoir/intérêt"}

// Table lays the stakeholders out as a header and rows in the import schema's order, plus computed columns.
func Table(list []Stakeholder) ([]string, [][]string) {
	header := append(Schema().Labels(), computedHeaders...)
	rows := make([][]string, len(list))
	for i := range list {
		rows[i] = toRow(&list[i])
	}
	return header, rows
}

func toRow(s *Stakeholder) []string {
	row := []string{s.Name, s.Kind.Label(), s.Contact, s.Territory, strings.Join(s.Themes, ", ")}
	for _, c := range scoreColumns {
		sc := c.get(s)
		row = append(row, strconv.Itoa(sc.Value), sc.Comment)
	}
	for _, c := range flagColumns {
		f := c.get(s)
		row = append(row, yesNo(f.Present), f.Comment)
	}
	var steps []string
	for _, st := range s.Engagement.Steps {
		steps = append(steps, st.Label())
	}
	level := ""
	if s.Engagement.Level != "" {
		level = s.Engagement.Level.Label()
	}
	return append(row, level, strings.Join(steps, ", "), s.Engagement.Promise, s.Engagement.Ask,
		s.Salience().Class.Label(), s.Placement().Quadrant.Label())
}

func yesNo(b bool) string {
	if b {
		return "oui"
	}
	return "non"
}

// ExportCSV writes the list as a CSV French Excel opens directly.
func ExportCSV(w io.Writer, list []Stakeholder) error {
	h, rows := Table(list)
	return tabular.WriteCSV(w, h, rows)
}

// ExportXLSX writes the list as an XLSX workbook with one sheet « Acteurs ».
func ExportXLSX(w io.Writer, list []Stakeholder) error {
	h, rows := Table(list)
	return tabular.WriteXLSX(w, "Acteurs", h, rows)
}
